import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../../server/src/seed/demoPeople.js';
import { generate, type Dataset } from '../../../../server/src/seed/generate.js';
import { ImageFactory, type ImageAsset } from '../../../../server/src/seed/images.js';
import { Rng } from '../../../../server/src/seed/prng.js';
import type { ImageTopic } from '../../../../server/src/seed/texts.js';

/** Wednesday 12 March 2025, 00:00 UTC, as in seed.test.ts. */
const ANCHOR_MS = Date.parse('2025-03-12T00:00:00.000Z');

/**
 * Stands in for the sharp renderer: each picture's bytes spell what the generator asked for, so the
 * hash covers every choice the generator makes about pictures (which post, which topic and variant,
 * whose avatar in which colour) without depending on the libvips build that encodes the JPEGs.
 */
class DescribedImages extends ImageFactory {
  constructor() {
    super(new Rng(0));
  }

  override scene(topic: ImageTopic, variant: number): Promise<ImageAsset> {
    return Promise.resolve(described(`scene:${topic}:${variant}`, 1200, 800));
  }

  override avatar(name: string, colour: string): Promise<ImageAsset> {
    return Promise.resolve(described(`avatar:${name}:${colour}`, 400, 400));
  }

  override logo(intranetName: string, primary: string, accent: string): Promise<ImageAsset> {
    return Promise.resolve(described(`logo:${intranetName}:${primary}:${accent}`, 512, 512));
  }
}

const described = (key: string, width: number, height: number): ImageAsset => ({
  mime: 'image/jpeg',
  width,
  height,
  data: Buffer.from(key),
  thumb: Buffer.from(`thumb:${key}`),
});

/** JSON with sorted keys and binary columns as base64, so the same rows always give the same text. */
function canonical(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex');

/**
 * sha256 over every table of the dataset but the knowledge base and the group extras, rows in the order
 * the generator returns them. Those two came later, as the last parts: they must leave this hash as it was.
 */
function datasetHash({ knowledgeBase: _knowledgeBase, groupExtras: _groupExtras, ...rest }: Dataset): string {
  return sha256(rest);
}

async function generated(seed: number, employees: number, slug: string): Promise<Dataset> {
  // Stand-ins for the scrypt hashes, which carry a random salt; the generator only copies them.
  const secrets = new Map(DEMO_PEOPLE.map((p) => [p.employeeNumber, { password: `password:${p.password}`, pin: `pin:${p.pin}` }]));
  return generate({ seed, employees, slug, anchorMs: ANCHOR_MS, images: new DescribedImages(), secrets });
}

/**
 * These hashes are the output of the seed generator as it was when this test was written: not a
 * statement that this output is right, but the baseline that demo logins, e2e tests and benchmark
 * figures were made against. A change to the generator's structure must leave them as they are; a
 * deliberate change to what the seed produces updates them in the same commit, and says so.
 * `groupExtras` was added with groups in the client (directory groups, an archived and a private
 * informal group, waiting requests to join), after everything else: the other hashes stayed.
 */
const BASELINE: { seed: number; employees: number; slug: string; sha256: string; knowledgeBase: string; groupExtras: string }[] = [
  { seed: 3, employees: 50, slug: 'klein', sha256: 'fe477bc1b0d5a09f81a760c88058d1817b7460fe1be5824ffb1b19ec8e1fbb21', knowledgeBase: 'babf6dfff48ed60a3dd217681f13a39f1dad3de3d6bf95ca009016bef904bb49', groupExtras: '8d2865947e91d0d09a11060fc4a62c8b2652970ec4d74f80f0104657f9631aee' },
  { seed: 1, employees: 300, slug: 'demo', sha256: '61a8ab10c8100107a3aa06ffeda7600d13dbc60fb670af7eaa83d95b2faf4222', knowledgeBase: '458c9ff98e3085547c4e10612cfb6aa98c53ebc503cbd7c1ba058eee39ac38ed', groupExtras: 'd49fb257a5c9b4775fb2e603395890d851f8267f52d2a2623d4a9668b3b21da7' },
  { seed: 9, employees: 2000, slug: 'groter', sha256: '02bb802927439c217c227dda4c6d231eb6cb3726edc6e4fa752415e903c0d284', knowledgeBase: '59bdf98bfa4437c816543cbfa9ed51b59a91f6d1f4af1e338c363d44e96df98c', groupExtras: '0f34f964e5bf371fe0e73d60f2932477f7f61c7cd6cfa5fefe261359e4bd206a' },
  { seed: 7, employees: 5000, slug: 'groot', sha256: 'c9008f1857ae7971ba7eea4d775d69295dec4c14ac17a509e83129e24ea46e69', knowledgeBase: '9bdbc6dc05e0a05bf2e8d1a5ef5e65127be391310130d05a6bc0a90569b116d1', groupExtras: '079e7f3fc1e305ca209daa803392f74f107f898590037afbf5a53940a14bc678' },
];

describe('seed generator output', () => {
  for (const { seed, employees, slug, sha256: expected, knowledgeBase, groupExtras } of BASELINE) {
    it(`is byte for byte the recorded dataset for ${employees} employees (seed ${seed}, slug ${slug})`, async () => {
      const data = await generated(seed, employees, slug);
      expect(datasetHash(data)).toBe(expected);
      expect(sha256(data.knowledgeBase)).toBe(knowledgeBase);
      expect(sha256(data.groupExtras)).toBe(groupExtras);
    });
  }
});

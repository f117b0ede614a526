import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Process from '../../../../server/src/images/process.js';
import type { Answer } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

/**
 * Every decode of an upload passes here: counted while it runs, and held until the test opens the
 * gate, so the test sees how many run at once without depending on how fast sharp is.
 */
const decodes = vi.hoisted(() => {
  const watchers = new Set<() => void>();
  let open = () => {};
  const state = {
    running: 0,
    most: 0,
    gate: Promise.resolve(),
    /** Shuts the gate and forgets earlier counts. */
    reset() {
      state.running = 0;
      state.most = 0;
      state.gate = new Promise<void>((resolve) => (open = resolve));
    },
    open: () => open(),
    changed: () => watchers.forEach((w) => w()),
    /** Resolves once `condition` holds, checked again at every change. */
    until(condition: () => boolean): Promise<void> {
      return new Promise((resolve) => {
        const check = () => condition() && (watchers.delete(check), resolve());
        watchers.add(check);
        check();
      });
    },
  };
  return state;
});

vi.mock('../../../../server/src/images/process.js', async (importOriginal) => {
  const real = await importOriginal<typeof Process>();
  return {
    ...real,
    async processImage(input: Buffer) {
      decodes.running++;
      decodes.most = Math.max(decodes.most, decodes.running);
      decodes.changed();
      try {
        await decodes.gate;
        return await real.processImage(input);
      } finally {
        decodes.running--;
      }
    },
  };
});

const dialects = await testDialects();

describe.each(dialects)('image decoding under a burst of uploads (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect, { options: { imageDecodes: 2, imageDecodeQueue: 2 } });
  });
  let pending: Promise<unknown>[] = [];
  // A failed test must not leave uploads hanging at the gate, nor the server closing under them.
  afterEach(async () => {
    decodes.open();
    await Promise.allSettled(pending);
  });
  afterAll(() => s?.close());

  it('decodes at most two photos at once, lets two wait and turns the rest away with 429 and a time to retry', async () => {
    const anna = await s.login('1001');
    decodes.reset();
    const large = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 90, g: 140, b: 60 } } })
      .jpeg()
      .toBuffer();
    const answered: Answer[] = [];
    const uploads = Array.from({ length: 6 }, () =>
      anna.request('POST', '/v1/images', { raw: large, contentType: 'image/jpeg' }).then((res) => {
        answered.push(res);
        decodes.changed();
        return res;
      }),
    );
    pending = uploads;

    // With the gate shut nothing can finish decoding: only refusals can come back.
    await decodes.until(() => answered.length >= 2 || decodes.running > 2);
    expect(decodes.running).toBe(2);
    expect(answered.map((a) => a.status)).toEqual([429, 429]);
    for (const refused of answered) {
      expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/druk.*opnieuw/) });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }

    decodes.open();
    const all = await Promise.all(uploads);
    expect(all.filter((a) => a.status === 201)).toHaveLength(4);
    expect(all.filter((a) => a.status === 429)).toHaveLength(2);
    expect(decodes.most).toBe(2);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSecretStore } from '../../../../main/core/devices/secretStore.js';
import { OUTBOX_FILE_NAME } from '../../../../main/core/outbox/outboxStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode } from '../../../fixtures/core/coreHarness.js';
import { tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startRestartableServer, type RestartableServer } from '../../../fixtures/core/restartableServer.js';

const tempDir = tempDirs();

/** Every file under `dir`, at any depth: the cache, the outbox, their -wal and -shm, the secrets. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The files whose raw bytes hold any of the needles, with the needle's name: empty when none does. */
function filesHolding(dir: string, needles: Record<string, Buffer>): string[] {
  return filesUnder(dir).flatMap((file) => {
    const bytes = readFileSync(file);
    return Object.entries(needles).flatMap(([name, needle]) => (bytes.includes(needle) ? [`${path.relative(dir, file)} holds ${name}`] : []));
  });
}

/** A photo no other file can contain by chance: random pixels, so its compressed bytes are unique. */
async function distinctivePhoto(): Promise<Buffer> {
  const pixels = Buffer.alloc(64 * 48 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + Math.floor(Math.random() * 256)) & 0xff;
  return sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } }).png().toBuffer();
}

/** Bytes in the outbox's write-ahead log: none once it was checkpointed and truncated. */
const walBytes = (dataDir: string) => {
  const wal = path.join(dataDir, `${OUTBOX_FILE_NAME}-wal`);
  return existsSync(wal) ? statSync(wal).size : 0;
};

describe('what a ward PC keeps on disk of a private post that waits to be sent', () => {
  let server: RestartableServer;
  const startCore = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startRestartableServer();
  });
  afterAll(() => server.close());

  it('is neither the text, nor the photo, nor the grant: not before delivery, and not after', async () => {
    const dataDir = tempDir();
    const logins: { grant: string | null }[] = [];
    const recordingGrants: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (res.ok && new URL(String(input)).pathname === '/v1/auth/badge') {
        logins.push({ grant: ((await res.clone().json()) as { deliveryGrant: { token: string } | null }).deliveryGrant?.token ?? null });
      }
      return res;
    };
    const u = startCore({
      url: server.url,
      dataDir,
      mode: 'shared',
      // As the browser shell keeps them: files in the data folder, so they are searched too.
      secrets: fileSecretStore(dataDir),
      enrolmentCode: await enrolmentCode(server),
      fetch: recordingGrants,
    });
    await u.core.invoke('session.state', {});
    const tapped = await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });
    expect(tapped).toMatchObject({ ok: true, value: { state: 'loggedIn' } });
    const grant = logins.at(-1)?.grant;
    if (!grant) throw new Error('Anna’s badge login gave no delivery grant');
    const team3b = (await server.db.kysely.selectFrom('groups').select('id').where('name', '=', 'Team 3B').executeTakeFirstOrThrow()).id;
    await waitFor(async () => {
      const list = await u.core.invoke('timeline.list', { groupId: team3b, limit: 1 });
      return list.ok && list.value.items.length === 1;
    }, 'Team 3B, synced');

    await server.stop();
    const body = 'Alleen voor 3B: meneer De Graaf (kamer 7) is vannacht gevallen, familie is gebeld.';
    const photo = await distinctivePhoto();
    const created = await u.core.invoke('post.create', { body, groupId: team3b, images: [{ name: 'val.png', mime: 'image/png', base64: photo.toString('base64') }], photoConsent: true });
    expect(created, JSON.stringify(created)).toMatchObject({ ok: true, value: { delivery: 'sending' } });
    expect(await u.core.invoke('session.lock', {})).toMatchObject({ ok: true, value: { state: 'loggedOut' } });

    const middle = Math.floor(photo.length / 2);
    const needles = {
      'the post (UTF-8)': Buffer.from(body, 'utf8'),
      'the post (UTF-16)': Buffer.from(body, 'utf16le'),
      'a part of the post': Buffer.from('meneer De Graaf', 'utf8'),
      'the photo': photo.subarray(middle, middle + 48),
      'the photo (base64)': Buffer.from(photo.subarray(middle, middle + 48).toString('base64').slice(4, 40), 'utf8'),
      'the grant': Buffer.from(grant, 'utf8'),
      'the grant (UTF-16)': Buffer.from(grant, 'utf16le'),
    };
    expect(filesUnder(dataDir).map((f) => path.relative(dataDir, f))).toContain(OUTBOX_FILE_NAME);
    expect(filesHolding(dataDir, needles)).toEqual([]);
    // Locking lets the write-ahead log go: no earlier page lingers in it.
    expect(walBytes(dataDir)).toBe(0);

    await server.restart();
    const stored = await waitFor(
      async () => (await server.db.kysely.selectFrom('posts').select(['id', 'images']).where('body', '=', body).execute()).find((p) => p.images !== '[]'),
      'the post and its photo, delivered with Anna’s grant',
    );
    const waiting = () => {
      const db = new Database(path.join(dataDir, OUTBOX_FILE_NAME), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    await waitFor(() => waiting() === 0, 'the outbox to let go of the delivered post');
    expect(await server.db.kysely.selectFrom('posts').select('id').where('body', '=', body).execute()).toEqual([{ id: stored.id }]);
    expect(JSON.parse(stored.images)).toHaveLength(1);
    expect(filesHolding(dataDir, needles)).toEqual([]);
    expect(walBytes(dataDir)).toBe(0);
  });
});

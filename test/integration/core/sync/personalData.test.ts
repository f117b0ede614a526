import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../../../main/core/cache/openCache.js';
import { OUTBOX_FILE_NAME } from '../../../../main/core/outbox/outboxStore.js';
import { groupId, personId, startCore, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, dumpDatabaseFile, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('private group content of the logged-in person', () => {
  let server: TestServer;
  let team3b: string;
  let team3bPosts: { id: string; body: string }[];
  let running: CoreUnderTest | null = null;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    team3b = await groupId(server, 'Team 3B');
    team3bPosts = await server.db.kysely.selectFrom('posts').select(['id', 'body']).where('group_id', '=', team3b).execute();
  });
  afterAll(() => closeServer(server));
  afterEach(async () => {
    await running?.core.stop();
    running = null;
  });

  const synced = async (u: CoreUnderTest) => {
    await waitFor(async () => {
      const status = await u.core.invoke('sync.now', {});
      return status.ok && status.value.state === 'online' && status.value.lastSyncedAt !== null;
    }, 'first sync');
  };

  it('is shown to Anna, a member of Team 3B, but never written to the cache file', async () => {
    expect(team3bPosts.length).toBeGreaterThan(0);
    const dataDir = tempDir();
    running = startCore({ url: server.url, dataDir });
    await running.login('1001');
    await synced(running);

    const shown = await running.core.invoke('timeline.list', { groupId: team3b, limit: 100 });
    expect(shown.ok && shown.value.items.map((p) => p.id).sort()).toEqual(team3bPosts.map((p) => p.id).sort());
    expect(shown.ok && shown.value.items[0]?.group).toEqual({ id: team3b, name: 'Team 3B' });
    const mine = await running.core.invoke('groups.mine', {});
    expect(mine.ok && mine.value.items).toContainEqual({ id: team3b, name: 'Team 3B', visibility: 'private' });
    const everything = await running.core.invoke('timeline.list', { limit: 100 });
    expect(everything.ok && everything.value.items.some((p) => p.group?.id === team3b)).toBe(true);

    await running.core.stop();
    running = null;
    for (const file of [CACHE_FILE_NAME, OUTBOX_FILE_NAME]) {
      const onDisk = await dumpDatabaseFile(path.join(dataDir, file));
      expect(onDisk).not.toContain(team3b);
      for (const p of team3bPosts) {
        expect(onDisk).not.toContain(p.id);
        expect(onDisk).not.toContain(p.body);
      }
    }
    // The shared content is on disk, so the comparison above looked at a filled cache.
    const cached = await dumpDatabaseFile(path.join(dataDir, CACHE_FILE_NAME));
    expect(cached).toContain('Werkgroep Valpreventie');
  });

  it('is gone from memory at logout', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    await running.login('1001');
    await synced(running);
    expect((await running.core.invoke('timeline.list', { groupId: team3b, limit: 5 })).ok).toBe(true);

    await running.core.invoke('session.logout', {});

    const after = await running.core.invoke('timeline.list', { limit: 100 });
    expect(after.ok && after.value.items.some((p) => p.group?.id === team3b)).toBe(false);
    expect(after.ok && after.value.items.length).toBeGreaterThan(0);
    const groups = await running.core.invoke('groups.mine', {});
    expect(groups.ok && groups.value.items).toEqual([]);
  });

  it('is not shown to Bram, who is not a member', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    await running.login('1002');
    await synced(running);

    const list = await running.core.invoke('timeline.list', { limit: 100 });
    expect(list.ok && list.value.items.some((p) => p.group?.id === team3b)).toBe(false);
    const post = await running.core.invoke('post.get', { id: team3bPosts[0]!.id });
    expect(post).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('disappears from Anna’s timeline once she is taken out of the group', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    await running.login('1001');
    await synced(running);
    const daan = await server.login('1004');
    const anna = await personId(server, '1001');

    expect((await daan.delete(`/v1/groups/${team3b}/members/${anna}`)).status).toBe(200);

    await waitFor(async () => {
      const list = await running!.core.invoke('timeline.list', { groupId: team3b, limit: 5 });
      return list.ok && list.value.items.length === 0;
    }, 'Team 3B posts to disappear');
    const groups = await running.core.invoke('groups.mine', {});
    expect(groups.ok && groups.value.items.some((g) => g.id === team3b)).toBe(false);
  });
});

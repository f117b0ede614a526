import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likeKey, membershipKey } from '../../../../common/src/api/sync.js';
import { CACHE_FILE_NAME } from '../../../../main/core/cache/openCache.js';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { OUTBOX_FILE_NAME } from '../../../../main/core/outbox/outboxStore.js';
import { badgeCodes, demoPin, enrolmentCode, groupId, personId, startCore } from '../../../fixtures/core/coreHarness.js';
import { closeServer, dumpDatabaseFile, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('a shared ward PC after Anna’s session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  it('holds none of her private data on disk, and none in memory once she left', async () => {
    const dataDir = tempDir();
    const u = startCore({ url: server.url, dataDir, mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server) });
    const anna = await personId(server, '1001');
    const team3b = await groupId(server, 'Team 3B');
    const team3bPosts = await server.db.kysely.selectFrom('posts').select(['id', 'body']).where('group_id', '=', team3b).execute();
    const memberships = await server.db.kysely.selectFrom('group_members').select('group_id').where('person_id', '=', anna).execute();
    expect(team3bPosts.length).toBeGreaterThan(0);
    expect(memberships.length).toBeGreaterThan(0);
    let liked = '';
    try {
      expect(await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') })).toMatchObject({ ok: true, value: { state: 'loggedIn' } });
      await waitFor(async () => {
        const list = await u.core.invoke('timeline.list', { groupId: team3b, limit: 100 });
        return list.ok && list.value.items.length === team3bPosts.length;
      }, 'her Team 3B posts');
      const shared = await u.core.invoke('timeline.list', { limit: 1 });
      liked = shared.ok ? shared.value.items[0]!.id : '';
      await u.core.invoke('post.like', { id: liked, liked: true });
      await u.core.invoke('comment.create', { postId: team3bPosts[0]!.id, body: 'Alleen voor Team 3B: de code van de deur is veranderd.' });
      const bram = await server.login('1002');
      await bram.post('/v1/posts', { body: 'Vraag voor @anna.devries: heb jij de sleutel?' });
      await waitFor(() => u.events.notification.length > 0, 'her notification');
      await waitFor(async () => {
        const s = await u.core.invoke('sync.status', {});
        return s.ok && s.value.pendingWrites === 0;
      }, 'her writes delivered');
      const notifications = await server.db.kysely.selectFrom('notifications').select('id').where('person_id', '=', anna).execute();
      expect(notifications.length).toBeGreaterThan(0);

      expect(await u.core.invoke('session.badge', { codes: badgeCodes('1001') })).toMatchObject({ ok: true, value: { state: 'loggedOut' } });

      // In memory: nothing of hers is left to show the next person.
      const after = await u.core.invoke('timeline.list', { limit: 100 });
      expect(after.ok && after.value.items.some((p) => p.group?.id === team3b || p.likedByMe || p.mine)).toBe(false);
      expect(await u.core.invoke('post.get', { id: team3bPosts[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await u.core.invoke('groups.mine', {})).toEqual({ ok: true, value: { items: [] } });
      expect(await u.core.invoke('outbox.stranded', {})).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    } finally {
      await u.core.stop();
    }

    for (const file of [CACHE_FILE_NAME, OUTBOX_FILE_NAME]) {
      const onDisk = await dumpDatabaseFile(path.join(dataDir, file));
      expect(onDisk).not.toContain(team3b);
      for (const p of team3bPosts) {
        expect(onDisk).not.toContain(p.id);
        expect(onDisk).not.toContain(p.body);
      }
      expect(onDisk).not.toContain('de code van de deur');
      expect(onDisk).not.toContain(likeKey(liked, anna));
      for (const m of memberships) expect(onDisk).not.toContain(membershipKey(m.group_id, anna));
      // Likes and memberships are keyed `…:personId`: no such key of Anna's at all.
      expect(onDisk).not.toContain(`:${anna}`);
      for (const n of await server.db.kysely.selectFrom('notifications').select('id').where('person_id', '=', anna).execute()) expect(onDisk).not.toContain(n.id);
    }
    // Not even in the file's free pages or its write-ahead log.
    for (const file of [CACHE_FILE_NAME, `${CACHE_FILE_NAME}-wal`, OUTBOX_FILE_NAME, `${OUTBOX_FILE_NAME}-wal`]) {
      const full = path.join(dataDir, file);
      if (!existsSync(full)) continue;
      const bytes = readFileSync(full).toString('latin1');
      expect(bytes).not.toContain(team3b);
      expect(bytes).not.toContain('de code van de deur');
      for (const p of team3bPosts) expect(bytes).not.toContain(p.id);
    }
    // The organisation-wide content is on disk, so the checks above looked at a filled cache.
    expect(await dumpDatabaseFile(path.join(dataDir, CACHE_FILE_NAME))).toContain('Werkgroep Valpreventie');
  });
});

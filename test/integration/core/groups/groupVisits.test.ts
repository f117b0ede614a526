import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode, groupId, personId, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('time spent in groups, as the client records it', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  const visitsOf = async (employeeNumber: string, group: string) =>
    server.db.kysely
      .selectFrom('group_visits')
      .selectAll()
      .where('person_id', '=', await personId(server, employeeNumber))
      .where('group_id', '=', group)
      .execute();
  const synced = (u: CoreUnderTest) =>
    waitFor(async () => {
      const s = await u.core.invoke('sync.status', {});
      return s.ok && s.value.lastSyncedAt !== null;
    }, 'first sync');

  it('sends enter and leave when she leaves a group page, and nothing of what she read', async () => {
    const group = await groupId(server, 'Werkgroep Valpreventie');
    const u = startTracked({ url: server.url, dataDir: tempDir() });
    await u.login('1001');
    await synced(u);
    await u.core.invoke('groups.visit', { id: group, open: true });
    await u.core.invoke('groups.visit', { id: group, open: false });

    const rows = await visitsOf('1001', group);
    expect(rows).toHaveLength(1);
    expect(Date.parse(rows[0]!.left_at)).toBeGreaterThanOrEqual(Date.parse(rows[0]!.entered_at));
  });

  it('counts her time on a ward PC that locks while the group page is open, as her and not as the next person', async () => {
    const group = await groupId(server, 'Breiclub');
    const u = startTracked({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server) });
    await u.core.invoke('session.state', {});
    const tapIn = async (employeeNumber: string) => {
      const result = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber), pin: demoPin(employeeNumber) });
      if (!result.ok || result.value.state !== 'loggedIn') throw new Error(`tap ${employeeNumber}: ${JSON.stringify(result)}`);
    };
    await tapIn('1001');
    await u.core.invoke('groups.visit', { id: group, open: true });
    await u.core.invoke('session.lock', {});
    await waitFor(async () => (await visitsOf('1001', group)).length === 1, 'Anna’s visit sent at the lock');

    await tapIn('1002');
    // The page closing after the lock says nothing more, for her or for him.
    await u.core.invoke('groups.visit', { id: group, open: false });
    expect(await visitsOf('1002', group)).toEqual([]);
    expect(await visitsOf('1001', group)).toHaveLength(1);
  });
});

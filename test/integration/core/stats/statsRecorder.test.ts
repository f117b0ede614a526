import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode, groupId, personId } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

/** Every file under a folder, as bytes read as text. */
function everyFile(dir: string): string {
  let all = '';
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    all += statSync(file).isDirectory() ? everyFile(file) : readFileSync(file).toString('latin1');
  }
  return all;
}

describe('statistics as the client records them', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  const eventsOf = async (employeeNumber: string) =>
    server.db.kysely.selectFrom('stats_events').select(['id', 'kind', 'device_kind', 'seconds', 'subject_id']).where('person_id', '=', await personId(server, employeeNumber)).execute();

  it('counts each session as the person who had it, with the device kind and her group time, and leaves nothing on disk', async () => {
    const group = await groupId(server, 'Breiclub');
    const dataDir = tempDir();
    const u = startTracked({ url: server.url, dataDir, mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server) });
    await u.core.invoke('session.state', {});
    const tapIn = async (employeeNumber: string) => {
      const result = await u.core.invoke('session.badge', { codes: badgeCodes(employeeNumber), pin: demoPin(employeeNumber) });
      if (!result.ok || result.value.state !== 'loggedIn') throw new Error(`tap ${employeeNumber}: ${JSON.stringify(result)}`);
    };

    await tapIn('1001');
    await u.core.invoke('groups.visit', { id: group, open: true });
    // The next person taps in over her session: hers ends, with her group page still open.
    await tapIn('1002');
    const anna = await waitFor(async () => {
      const rows = await eventsOf('1001');
      return rows.length === 2 ? rows : false;
    }, 'Anna’s session and group visit sent at the switch');
    expect(anna.map((e) => [e.kind, e.device_kind, e.subject_id]).sort()).toEqual([
      ['group_visit', 'shared', group],
      ['session', 'shared', null],
    ]);
    // Her page closing after the switch counts for nobody.
    await u.core.invoke('groups.visit', { id: group, open: false });
    await u.core.invoke('session.lock', {});
    const bert = await waitFor(async () => {
      const rows = await eventsOf('1002');
      return rows.length === 1 ? rows : false;
    }, 'Bert’s session sent at the lock');
    expect(bert[0]).toMatchObject({ kind: 'session', device_kind: 'shared' });
    expect(await eventsOf('1001')).toHaveLength(2);

    // Statistics live in memory only: no event id is in any file of the device.
    const disk = everyFile(dataDir);
    for (const e of [...anna, ...bert]) expect(disk).not.toContain(e.id);
  });

  it('counts a workstation session at logout, sent before its token is revoked', async () => {
    const u = startTracked({ url: server.url, dataDir: tempDir() });
    for (let i = 0; i < 3; i++) {
      await u.login('1005');
      await u.core.invoke('session.logout', {});
    }
    const sessions = await waitFor(async () => {
      const rows = (await eventsOf('1005')).filter((e) => e.kind === 'session');
      return rows.length === 3 ? rows : false;
    }, 'three sessions of Eva');
    expect(sessions.every((e) => e.device_kind === 'workstation')).toBe(true);
  });
});

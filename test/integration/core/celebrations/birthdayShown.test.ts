import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { interceptingFetch } from '../../../fixtures/core/interceptingFetch.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('her birthday on the kiosks, chosen on a ward PC', () => {
  let server: TestServer;
  const startWardPc = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const t = server.tenants.demo!;
    await server.db.kysely.updateTable('people').set({ birthday: '03-14' }).where('tenant_id', '=', t).where('employee_number', '=', '1001').execute();
    const org = await server.db.kysely.selectFrom('organisations').select('settings').where('tenant_id', '=', t).executeTakeFirstOrThrow();
    await server.db.kysely.updateTable('organisations').set({ settings: JSON.stringify({ ...JSON.parse(org.settings), celebrateBirthdays: true }) }).where('tenant_id', '=', t).execute();
  });
  afterAll(() => closeServer(server));

  it('goes through the outbox and reaches the server; the switch shows her choice meanwhile', async () => {
    const u = startWardPc({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server), fetch: interceptingFetch().fetch });
    await u.core.invoke('session.state', {});
    const tapped = await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });
    expect(tapped.ok && tapped.value.state).toBe('loggedIn');
    expect(await u.core.invoke('celebrations.mine', {})).toMatchObject({ ok: true, value: { birthdayKnown: true, birthdayShown: true, organisationShowsBirthdays: true } });

    expect((await u.core.invoke('celebrations.setBirthdayShown', { shown: false })).ok).toBe(true);
    await waitFor(async () => {
      const row = await server.db.kysely.selectFrom('people').select('birthday_hidden').where('tenant_id', '=', server.tenants.demo!).where('employee_number', '=', '1001').executeTakeFirstOrThrow();
      return row.birthday_hidden === 1;
    }, 'her choice reached the server');
    expect(await u.core.invoke('celebrations.mine', {})).toMatchObject({ ok: true, value: { birthdayShown: false, waiting: false } });
  });
});

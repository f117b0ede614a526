import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../main/core/devices/secretStore.js';
import { badgeCodes, coresStoppedAfterEach, demoPin, enrolmentCode } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { interceptingFetch } from '../../../fixtures/core/interceptingFetch.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('the first-time tour on a ward PC', () => {
  let server: TestServer;
  const startWardPc = coresStoppedAfterEach();
  const row = (employeeNumber: string) =>
    server.db.kysely.selectFrom('people').select(['id', 'tour_completed_at', 'tour_requested_at']).where('tenant_id', '=', server.tenants.demo!).where('employee_number', '=', employeeNumber).executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  it('is done the moment she finishes it, while her answer is still on its way, and the server learns it through the outbox', async () => {
    const net = interceptingFetch();
    const u = startWardPc({ url: server.url, dataDir: tempDir(), mode: 'shared', secrets: memorySecretStore(), enrolmentCode: await enrolmentCode(server), fetch: net.fetch });
    await u.core.invoke('session.state', {});
    const tapped = await u.core.invoke('session.badge', { codes: badgeCodes('1001'), pin: demoPin('1001') });
    expect(tapped.ok && tapped.value.state).toBe('loggedIn');
    // The test organisation's people are new to it.
    expect(await u.core.invoke('tour.mine', {})).toEqual({ ok: true, value: { pending: true } });

    const held = net.holdAnswer((r) => r.method === 'PUT' && r.path === '/v1/me/tour');
    expect((await u.core.invoke('tour.finish', { outcome: 'skipped' })).ok).toBe(true);
    await held.arrived;
    expect(await u.core.invoke('tour.mine', {})).toEqual({ ok: true, value: { pending: false } });
    held.release();
    await waitFor(async () => (await row('1001')).tour_completed_at !== null, 'her answer reached the server');
    expect(await u.core.invoke('tour.mine', {})).toEqual({ ok: true, value: { pending: false } });

    // Anna is no ambassador and no editor: she cannot start it again for Bram.
    const bram = await row('1002');
    expect(await u.core.invoke('tour.restart', { personId: bram.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import { purgeExpiredAuditEvents } from '../../../../server/src/audit/retention.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

const DAY = 86_400_000;
const T0 = Date.parse('2030-01-01T08:00:00.000Z');
const at = (ms: number) => new Date(ms).toISOString();

describe.each(dialects)('audit log retention (%s)', (dialect) => {
  let s: TestServer;
  const clock = testClock(at(T0));

  const setRetention = (slug: string, days: number) =>
    s.db.kysely
      .updateTable('organisations')
      .set({ settings: JSON.stringify({ ...DEFAULT_ORGANISATION_SETTINGS, auditRetentionDays: days }) })
      .where('tenant_id', '=', s.tenants[slug]!)
      .execute();
  const logins = async (slug: string) =>
    (await s.db.kysely.selectFrom('auth_events').select('at').where('tenant_id', '=', s.tenants[slug]!).where('action', '=', 'login_password').orderBy('at').execute()).map((r) => r.at);

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now, organisations: [{ slug: 'demo', seed: 1 }, { slug: 'ander', seed: 2 }] });
    // Logins in both organisations on the first day, and in demo ten days later.
    clock.freeze(at(T0));
    await s.login('1001', 'demo');
    await s.login('1001', 'ander');
    clock.freeze(at(T0 + 10 * DAY));
    await s.login('1002', 'demo');
    await setRetention('demo', 400);
  });
  afterAll(() => s?.close());

  it('keeps an entry exactly as old as the organisation’s retention', async () => {
    clock.freeze(at(T0 + 400 * DAY));
    expect(await purgeExpiredAuditEvents(s.server.ctx)).toBe(0);
    expect(await logins('demo')).toEqual([at(T0), at(T0 + 10 * DAY)]);
  });

  it('deletes only what is older than the retention, per organisation', async () => {
    clock.freeze(at(T0 + 400 * DAY + 1));
    expect(await purgeExpiredAuditEvents(s.server.ctx)).toBe(1);
    expect(await logins('demo')).toEqual([at(T0 + 10 * DAY)]);
    // The other organisation keeps the default of five years and a day.
    expect(await logins('ander')).toEqual([at(T0)]);
  });

  it('counts a retention below one year as the default, so a slip of the pen cannot empty the log', async () => {
    await setRetention('demo', 30);
    clock.freeze(at(T0 + 1000 * DAY));
    await purgeExpiredAuditEvents(s.server.ctx);
    expect(await logins('demo')).toEqual([at(T0 + 10 * DAY)]);
  });

  it('deletes the default organisation’s entries after five years and a day', async () => {
    clock.freeze(at(T0 + DEFAULT_ORGANISATION_SETTINGS.auditRetentionDays * DAY));
    await purgeExpiredAuditEvents(s.server.ctx);
    expect(await logins('ander')).toEqual([at(T0)]);
    clock.freeze(at(T0 + DEFAULT_ORGANISATION_SETTINGS.auditRetentionDays * DAY + 1));
    await purgeExpiredAuditEvents(s.server.ctx);
    expect(await logins('ander')).toEqual([]);
    expect(DEFAULT_ORGANISATION_SETTINGS.auditRetentionDays).toBe(5 * 365 + 1);
  });
});

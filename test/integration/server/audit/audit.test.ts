import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { DEMO_BADGES, DEMO_PINS, startTestServer, testClock, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

const asRow = (text: string): Row => {
  const [action, result] = text.split(':') as [string, string];
  return { id: '', at: '', personId: null, deviceId: null, action, result, target: null };
};

interface Row {
  id: string;
  at: string;
  personId: string | null;
  deviceId: string | null;
  action: string;
  result: string;
  target: string | null;
}

/** Each read of the log is itself an entry; these tests are about what happened on the ward. */
const notReads = (rows: Row[]) => rows.filter((r) => r.action !== 'audit_read');

describe.each(dialects)('audit log of authentication (%s)', (dialect) => {
  let s: TestServer;
  const clock = testClock('2030-09-01T05:00:00.000Z');
  let daan: TestClient;
  let ward: DeviceClient;
  let kiosk: DeviceClient;
  let ids: Record<string, string> = {};
  let startedAt = '';
  let all: Row[] = [];

  /** Every page of the admin's audit API for a query, newest first. */
  async function audit(query: string, limit = 500): Promise<Row[]> {
    const rows: Row[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Row[]; nextCursor: string | null } } = await daan.get(
        `/v1/admin/audit?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      rows.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return rows;
  }

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now, options: { pinLockoutSeconds: 60 } });
    daan = await s.login('1004');
    clock.advance(1000);
    startedAt = clock.now().toISOString();
    ward = await s.enrolDevice({ name: 'Afdeling 2A' });
    kiosk = await s.enrolDevice({ mode: 'kiosk', name: 'Kiosk' });
    const people = await s.db.kysely.selectFrom('people').select(['id', 'employee_number']).where('employee_number', 'in', ['1001', '1002', '1003', '1004', '1005']).execute();
    ids = Object.fromEntries(people.map((p) => [p.employee_number, p.id]));

    // A morning on the ward: Anna taps (PIN needed), locks, comes back, idles out; Bram switches in.
    await ward.badge(DEMO_BADGES['1001']!);
    const anna1 = await ward.badge(DEMO_BADGES['1001']!, DEMO_PINS['1001']);
    await ward.with(anna1.body.token).post('/v1/auth/logout', { reason: 'lock' });
    const anna2 = await ward.badge(DEMO_BADGES['1001']!);
    await ward.with(anna2.body.token).post('/v1/auth/logout', { reason: 'idle' });
    const anna3 = await ward.pin('1001', DEMO_PINS['1001']!);
    await ward.with(anna3.body.token).post('/v1/auth/logout', { reason: 'switch' });
    const bram = await ward.pin('1002', DEMO_PINS['1002']!, 'ABCDEF0123');
    await ward.with(bram.body.token).post('/v1/auth/logout', {});
    // Someone tries Carla's number at the kiosk until it locks, and taps a badge nobody knows.
    for (let i = 0; i < 5; i++) await kiosk.pin('1003', '0000');
    await kiosk.badge('00000000AA');
    // Eva on her workstation.
    const eva = await s.login('1005');
    await eva.post('/v1/auth/logout');
    await daan.delete(`/v1/admin/devices/${kiosk.deviceId}`);
    all = await audit('');
  });
  afterAll(() => s?.close());

  // Events of one request can share a millisecond, so their order among themselves is not fixed.
  const summary = (rows: Row[]) => rows.map((r) => `${r.action}:${r.result}`).sort();

  it('records every login, logout with its reason, failed PIN, lockout, unknown badge, link, enrolment and revocation', () => {
    const mine = notReads(all).filter((r) => r.at >= startedAt);
    expect(summary(mine)).toEqual(summary([
      'login_password:ok', // Daan again, inside enrolDevice
      'enrolment_code_created:ok',
      'device_enrolled:ok',
      'login_password:ok',
      'enrolment_code_created:ok',
      'device_enrolled:ok',
      'login_badge:pin_required',
      'login_badge:ok',
      'logout_lock:ok',
      'login_badge:ok',
      'logout_idle:ok',
      'login_pin:ok',
      'logout_switch:ok',
      'badge_linked:ok',
      'login_pin:ok',
      'logout:ok',
      'login_pin:wrong_pin',
      'login_pin:wrong_pin',
      'login_pin:wrong_pin',
      'login_pin:wrong_pin',
      'login_pin:wrong_pin',
      'pin_lockout:locked',
      'login_badge:unknown_badge',
      'login_password:ok',
      'logout:ok',
      'device_revoked:ok',
    ].map(asRow)));
  });

  it('names the person and the device of each event', () => {
    const byAction = (action: string) => all.filter((r) => r.action === action);
    expect(byAction('logout_lock')[0]).toMatchObject({ personId: ids['1001'], deviceId: ward.deviceId });
    expect(byAction('logout_switch')[0]).toMatchObject({ personId: ids['1001'], deviceId: ward.deviceId });
    expect(byAction('badge_linked')[0]).toMatchObject({ personId: ids['1002'], deviceId: ward.deviceId });
    expect(byAction('pin_lockout')[0]).toMatchObject({ personId: ids['1003'], deviceId: kiosk.deviceId });
    expect(byAction('login_badge').find((r) => r.result === 'unknown_badge')).toMatchObject({ personId: null, deviceId: kiosk.deviceId });
    // Daan revoked the kiosk from his workstation, which is no enrolled device.
    expect(byAction('device_revoked')[0]).toMatchObject({ personId: ids['1004'], deviceId: null, target: `device:${kiosk.deviceId}` });
    expect(all.find((r) => r.action === 'logout' && r.personId === ids['1005'])).toMatchObject({ deviceId: null });
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const paged = await audit('', 3);
    expect(new Set(paged.map((r) => r.id)).size).toBe(paged.length);
    expect(notReads(paged)).toEqual(notReads(all));
    const times = all.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by person, by device and by period', async () => {
    const anna = await audit(`personId=${ids['1001']}`);
    expect(anna.length).toBeGreaterThan(0);
    expect(anna.every((r) => r.personId === ids['1001'])).toBe(true);
    expect(anna).toEqual(all.filter((r) => r.personId === ids['1001']));

    const onKiosk = await audit(`deviceId=${kiosk.deviceId}`);
    expect(summary(onKiosk)).toEqual(
      summary(['device_enrolled:ok', ...Array<string>(5).fill('login_pin:wrong_pin'), 'pin_lockout:locked', 'login_badge:unknown_badge'].map(asRow)),
    );
    const aboutKiosk = await audit(`target=device:${kiosk.deviceId}`);
    expect(summary(aboutKiosk)).toEqual(summary(['device_enrolled:ok', 'device_revoked:ok'].map(asRow)));

    const both = await audit(`personId=${ids['1001']}&deviceId=${ward.deviceId}`);
    expect(both).toEqual(anna.filter((r) => r.deviceId === ward.deviceId));

    const middle = all[Math.floor(all.length / 2)]!;
    const later = all[Math.floor(all.length / 4)]!;
    const period = await audit(`from=${middle.at}&to=${later.at}`);
    expect(period).toEqual(all.filter((r) => r.at >= middle.at && r.at < later.at));
    expect(period.length).toBeGreaterThan(0);
  });

  it('is for admins only', async () => {
    const anna = await s.login('1001');
    const res = await anna.get('/v1/admin/audit');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await ward.get('/v1/admin/audit')).status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS, type OrganisationSettings } from '../../../../common/src/api/entities.js';
import { purgeOldLockouts } from '../../../../server/src/auth/pinLockout.js';
import { hashSecret } from '../../../../server/src/auth/secrets.js';
import { DEMO_BADGES, DEMO_PINS, startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

const LOCKOUT_SECONDS = 30;

describe.each(dialects)('badge and PIN login on a ward PC (%s)', (dialect) => {
  let s: TestServer;
  const clock = testClock('2030-06-03T04:00:00.000Z');
  let spare: { id: string; employeeNumber: string }[] = [];

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now, options: { pinLockoutSeconds: LOCKOUT_SECONDS } });
    // Generated colleagues have no PIN and no badge; a few get them here, one per test that needs a fresh person.
    spare = (
      await s.db.kysely.selectFrom('people').select(['id', 'employee_number']).where('pin_hash', 'is', null).where('active', '=', 1).orderBy('employee_number').limit(8).execute()
    ).map((r) => ({ id: r.id, employeeNumber: r.employee_number }));
    const pinHash = await hashSecret('4321');
    await s.db.kysely.updateTable('people').set({ pin_hash: pinHash }).where('id', 'in', spare.map((p) => p.id)).execute();
  });
  afterAll(() => s?.close());

  let nextSpare = 0;
  const freshPerson = () => spare[nextSpare++]!;
  const setSettings = (settings: OrganisationSettings) =>
    s.db.kysely.updateTable('organisations').set({ settings: JSON.stringify(settings) }).where('tenant_id', '=', s.tenants.demo!).execute();

  describe('badge tap', () => {
    it('asks Anna for her PIN at her first tap of the day, then lets her in with a session for this device and a delivery grant', async () => {
      clock.set('2030-06-03T04:00:00.000Z'); // 06:00 in Amsterdam
      const ward = await s.enrolDevice();
      const tap = await ward.badge(DEMO_BADGES['1001']!);
      expect(tap.status).toBe(401);
      expect(tap.body.error).toMatchObject({ code: 'pin_required', message: 'Vul ook je pincode in.' });

      const withPin = await ward.badge(DEMO_BADGES['1001']!, DEMO_PINS['1001']);
      expect(withPin.status).toBe(200);
      const now = clock.now().getTime();
      expect(withPin.body.person).toMatchObject({ name: 'Anna de Vries', handle: 'anna.devries' });
      expect(withPin.body.organisation.settings).toEqual(DEFAULT_ORGANISATION_SETTINGS);
      expect(Date.parse(withPin.body.expiresAt) - now).toBeGreaterThan(11.9 * 3_600_000);
      expect(Date.parse(withPin.body.expiresAt) - now).toBeLessThanOrEqual(12 * 3_600_000);
      expect(Date.parse(withPin.body.deliveryGrant.expiresAt) - now).toBeGreaterThan(23.9 * 3_600_000);
      expect(withPin.body.deliveryGrant.token).not.toBe(withPin.body.token);

      const me = await ward.with(withPin.body.token).get('/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.person.name).toBe('Anna de Vries');
    });

    it('lets her later taps that day in without the PIN, on any ward PC', async () => {
      clock.set('2030-06-03T09:00:00.000Z');
      const other = await s.enrolDevice();
      const tap = await other.badge(DEMO_BADGES['1001']!);
      expect(tap.status).toBe(200);
      expect(tap.body.person.name).toBe('Anna de Vries');
    });

    it('asks again at the first tap of the next day in Amsterdam, minutes after midnight', async () => {
      const ward = await s.enrolDevice();
      clock.set('2030-06-03T21:50:00.000Z'); // 23:50 on 3 June in Amsterdam
      expect((await ward.badge(DEMO_BADGES['1002']!, DEMO_PINS['1002'])).status).toBe(200);
      clock.set('2030-06-03T21:58:00.000Z');
      expect((await ward.badge(DEMO_BADGES['1002']!)).status).toBe(200);
      clock.set('2030-06-03T22:10:00.000Z'); // 00:10 on 4 June
      const tap = await ward.badge(DEMO_BADGES['1002']!);
      expect(tap.status).toBe(401);
      expect(tap.body.error.code).toBe('pin_required');
    });

    it('asks again 12 hours after the last PIN, even on the same day', async () => {
      const ward = await s.enrolDevice();
      clock.set('2030-06-05T04:00:00.000Z'); // 06:00
      expect((await ward.badge(DEMO_BADGES['1003']!, DEMO_PINS['1003'])).status).toBe(200);
      clock.set('2030-06-05T15:58:00.000Z'); // 17:58
      expect((await ward.badge(DEMO_BADGES['1003']!)).status).toBe(200);
      clock.set('2030-06-05T16:00:30.000Z'); // 18:00:30, 12 hours on
      expect((await ward.badge(DEMO_BADGES['1003']!)).body.error.code).toBe('pin_required');
    });

    it('follows the organisation’s settings for both rules', async () => {
      const ward = await s.enrolDevice();
      await setSettings({ ...DEFAULT_ORGANISATION_SETTINGS, pinOnFirstTapOfDay: false, pinAfterHours: 1 });
      try {
        clock.set('2030-06-06T21:30:00.000Z'); // 23:30
        expect((await ward.badge(DEMO_BADGES['1005']!, DEMO_PINS['1005'])).status).toBe(200);
        clock.set('2030-06-06T22:10:00.000Z'); // 00:10 the next day: no first-tap rule
        expect((await ward.badge(DEMO_BADGES['1005']!)).status).toBe(200);
        clock.set('2030-06-06T22:31:00.000Z'); // an hour after the PIN
        expect((await ward.badge(DEMO_BADGES['1005']!)).body.error.code).toBe('pin_required');
      } finally {
        await setSettings(DEFAULT_ORGANISATION_SETTINGS);
      }
    });

    it('answers a wrong PIN at the badge with invalid_credentials and counts it for the person, until the right PIN starts the count over', async () => {
      clock.set('2030-06-07T05:00:00.000Z');
      const ward = await s.enrolDevice();
      const res = await ward.badge(DEMO_BADGES['1004']!, '0000');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_credentials');
      const row = await s.db.kysely.selectFrom('pin_lockouts').selectAll().where('employee_number', '=', '1004').executeTakeFirstOrThrow();
      expect(row.failures).toBe(1);
      expect((await ward.badge(DEMO_BADGES['1004']!, DEMO_PINS['1004'])).status).toBe(200);
      expect(await s.db.kysely.selectFrom('pin_lockouts').selectAll().where('employee_number', '=', '1004').executeTakeFirst()).toMatchObject({ failures: 0 });
    });
  });

  describe('unknown badge and employee number + PIN', () => {
    it('tells of an unknown badge in plain Dutch; employee number + PIN then links it and the badge works', async () => {
      clock.set('2030-06-08T06:00:00.000Z');
      const ward = await s.enrolDevice();
      const newBadge = '0A1B2C3D4E5F';
      const tap = await ward.badge(newBadge);
      expect(tap.status).toBe(404);
      expect(tap.body.error.code).toBe('unknown_badge');
      expect(tap.body.error.message).toMatch(/pas.*personeelsnummer.*pincode/i);

      const linked = await ward.pin('1005', DEMO_PINS['1005']!, newBadge);
      expect(linked.status).toBe(200);
      expect(linked.body.person.name).toBe('Eva Visser');
      expect(linked.body.deliveryGrant).not.toBeNull();

      const again = await ward.badge(newBadge);
      expect(again.status).toBe(200);
      expect(again.body.person.name).toBe('Eva Visser');
      // Her old badge still works too.
      expect((await ward.badge(DEMO_BADGES['1005']!)).status).toBe(200);
    });

    it('never moves a badge that belongs to someone else', async () => {
      const ward = await s.enrolDevice();
      const res = await ward.pin('1002', DEMO_PINS['1002']!, DEMO_BADGES['1001']);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      const owner = await s.db.kysely
        .selectFrom('badges')
        .innerJoin('people', (j) => j.onRef('people.id', '=', 'badges.person_id').onRef('people.tenant_id', '=', 'badges.tenant_id'))
        .select('people.employee_number')
        .where('badges.badge_id', '=', DEMO_BADGES['1001']!)
        .executeTakeFirstOrThrow();
      expect(owner.employee_number).toBe('1001');
    });

    it('logs in by employee number + PIN at any time, also when a badge tap would need the PIN', async () => {
      clock.set('2030-06-09T05:00:00.000Z');
      const ward = await s.enrolDevice();
      expect((await ward.badge(DEMO_BADGES['1002']!)).body.error.code).toBe('pin_required');
      const res = await ward.pin('1002', DEMO_PINS['1002']!);
      expect(res.status).toBe(200);
      // The PIN counts for the badge policy too.
      expect((await ward.badge(DEMO_BADGES['1002']!)).status).toBe(200);
    });

    it('lets someone without a badge log in with employee number + PIN', async () => {
      const ward = await s.enrolDevice();
      const person = freshPerson();
      const res = await ward.pin(person.employeeNumber, '4321');
      expect(res.status).toBe(200);
      expect(res.body.person.id).toBe(person.id);
    });
  });

  describe('lockout after 5 wrong PINs', () => {
    it('locks the employee number after 5 wrong PINs from any device, and opens again when the lock expires', async () => {
      clock.set('2030-06-10T07:00:00.000Z');
      const person = freshPerson();
      const badge = 'FEEDBEEF01';
      await s.db.kysely.insertInto('badges').values({ tenant_id: s.tenants.demo!, badge_id: badge, person_id: person.id, created_at: clock.now().toISOString() }).execute();
      const [x, y, z] = [await s.enrolDevice(), await s.enrolDevice(), await s.enrolDevice()];

      for (let i = 0; i < 3; i++) expect((await x.pin(person.employeeNumber, '1111')).body.error.code).toBe('invalid_credentials');
      expect((await y.badge(badge, '2222')).body.error.code).toBe('invalid_credentials');
      const fifth = await y.pin(person.employeeNumber, '3333');
      expect(fifth.status).toBe(423);
      expect(fifth.body.error.code).toBe('pin_locked');
      const until = Date.parse(fifth.body.error.retryAfter);
      expect(until - clock.now().getTime()).toBeGreaterThan((LOCKOUT_SECONDS - 2) * 1000);
      expect(until - clock.now().getTime()).toBeLessThanOrEqual(LOCKOUT_SECONDS * 1000);
      expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(LOCKOUT_SECONDS - 2);

      // Locked everywhere, for the right PIN too, by number and by badge.
      const right = await z.pin(person.employeeNumber, '4321');
      expect(right.status).toBe(423);
      expect(right.body.error.retryAfter).toBe(fifth.body.error.retryAfter);
      expect((await z.badge(badge, '4321')).body.error.code).toBe('pin_locked');
      expect((await z.badge(badge)).body.error.code).toBe('pin_locked');

      clock.advance((LOCKOUT_SECONDS + 1) * 1000);
      const open = await z.pin(person.employeeNumber, '4321');
      expect(open.status).toBe(200);
      expect(open.body.person.id).toBe(person.id);
    });

    it('answers for a number nobody has exactly as for a real one with a wrong PIN, lock included', async () => {
      clock.freeze('2030-06-11T07:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const known = freshPerson().employeeNumber;
        const unknown = '99999999';
        const timings = { known: [] as number[], unknown: [] as number[] };
        for (let i = 0; i < 6; i++) {
          const t0 = performance.now();
          const a = await ward.pin(known, '1111');
          const t1 = performance.now();
          const b = await ward.pin(unknown, '1111');
          const t2 = performance.now();
          if (i < 4) {
            timings.known.push(t1 - t0);
            timings.unknown.push(t2 - t1);
          }
          expect(b.status).toBe(a.status);
          expect(b.body).toEqual(a.body);
          expect(b.headers.get('retry-after')).toBe(a.headers.get('retry-after'));
          expect(a.status).toBe(i < 4 ? 401 : 423);
        }
        // Both pay for a scrypt comparison: a number nobody has is not answered noticeably faster.
        const median = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)]!;
        expect(median(timings.unknown)).toBeGreaterThan(median(timings.known) / 3);
      } finally {
        clock.run();
      }
    });

    it('writes every wrong PIN and the lockout to the audit log, with person and device', async () => {
      clock.set('2030-06-12T07:00:00.000Z');
      const person = freshPerson();
      const [x, y] = [await s.enrolDevice(), await s.enrolDevice()];
      for (let i = 0; i < 2; i++) await x.pin(person.employeeNumber, '1111');
      for (let i = 0; i < 3; i++) await y.pin(person.employeeNumber, '1111');
      const rows = await s.db.kysely.selectFrom('auth_events').selectAll().where('person_id', '=', person.id).orderBy('at').orderBy('action').execute();
      expect(rows.filter((r) => r.action === 'login_pin' && r.result === 'wrong_pin').map((r) => r.device_id)).toEqual([x.deviceId, x.deviceId, y.deviceId, y.deviceId, y.deviceId]);
      expect(rows.filter((r) => r.action === 'pin_lockout').map((r) => [r.result, r.device_id])).toEqual([['locked', y.deviceId]]);
      await y.pin(person.employeeNumber, '4321');
      const locked = await s.db.kysely.selectFrom('auth_events').selectAll().where('person_id', '=', person.id).where('result', '=', 'pin_locked').execute();
      expect(locked).toHaveLength(1);
    });

    it('forgets wrong PINs a day later in the hourly maintenance, but keeps a lock that still runs', async () => {
      clock.set('2030-06-13T07:00:00.000Z');
      const ward = await s.enrolDevice();
      await ward.pin('12345678', '1111');
      const count = async () => (await s.db.kysely.selectFrom('pin_lockouts').select('employee_number').where('employee_number', '=', '12345678').execute()).length;
      await purgeOldLockouts(s.server.ctx);
      expect(await count()).toBe(1);
      clock.advance(25 * 3_600_000);
      await purgeOldLockouts(s.server.ctx);
      expect(await count()).toBe(0);
    });
  });
});

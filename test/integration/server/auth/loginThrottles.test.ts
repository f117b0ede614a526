import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../../server/src/auth/secrets.js';
import type { Answer } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** The first lock; later ones scale from it (x4, x96), like the server option does in e2e tests. */
const LOCKOUT_SECONDS = 30;
const RIGHT_PIN = '4321';
const RIGHT_PASSWORD = 'geheim-wachtwoord';
/** What the address limit of password logins allows in 15 minutes (behind NAT a whole hospital shares it). */
const PASSWORD_FAILURES_PER_ADDRESS = 200;

const codeOf = (a: Answer) => (a.status === 200 ? 'ok' : (a.body.error?.code as string));
const tally = (answers: Answer[]) => {
  const out: Record<string, number> = {};
  for (const a of answers) out[codeOf(a)] = (out[codeOf(a)] ?? 0) + 1;
  return out;
};
/** A wrong PIN or password of its own for each request of a burst, so nothing is deduplicated on the way. */
const wrongPin = (i: number) => String(5000 + i);
const wrongPassword = (i: number) => `fout-${i}`;
/** Employee numbers nobody has. */
const nobody = (i: number) => String(90_000_000 + i);

describe.each(dialects)('login throttles hold under concurrency (%s)', (dialect) => {
  let s: TestServer;
  const clock = testClock('2030-07-01T06:00:00.000Z');
  let spare: { id: string; employeeNumber: string }[] = [];
  let nextSpare = 0;
  const freshPerson = () => {
    const p = spare[nextSpare++];
    if (!p) throw new Error('out of spare colleagues');
    return p;
  };

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now, options: { pinLockoutSeconds: LOCKOUT_SECONDS } });
    // Generated colleagues have no PIN, password or badge; each test takes fresh ones with all three.
    spare = (
      await s.db.kysely.selectFrom('people').select(['id', 'employee_number']).where('pin_hash', 'is', null).where('active', '=', 1).orderBy('employee_number').limit(30).execute()
    ).map((r) => ({ id: r.id, employeeNumber: r.employee_number }));
    const [pinHash, passwordHash] = await Promise.all([hashSecret(RIGHT_PIN), hashSecret(RIGHT_PASSWORD)]);
    await s.db.kysely.updateTable('people').set({ pin_hash: pinHash, password_hash: passwordHash }).where('id', 'in', spare.map((p) => p.id)).execute();
  });
  afterAll(() => s?.close());

  const withBadge = async (person: { id: string }, badge: string) => {
    await s.db.kysely.insertInto('badges').values({ tenant_id: s.tenants.demo!, badge_id: badge, person_id: person.id, created_at: clock.now().toISOString() }).execute();
    return badge;
  };
  /** PINs or passwords that were really compared for a person (a refused attempt never gets that far). */
  const checked = async (personId: string, action: 'login_pin' | 'login_badge' | 'login_password') =>
    (
      await s.db.kysely
        .selectFrom('auth_events')
        .select('result')
        .where('person_id', '=', personId)
        .where('action', '=', action)
        .where('result', 'in', ['ok', 'wrong_pin', 'wrong_secret'])
        .execute()
    ).length;
  const password = (employeeNumber: string, secret: string) => s.client().post('/v1/auth/password', { employeeNumber, password: secret });

  /**
   * Fifty attempts, the 20th with the right secret. The first 19 go out at once; the 20th and the other
   * 30 follow as soon as the server shows it has counted the first few (`counted`), so the right one comes
   * after them rather than overtaking 19 requests on the way in, yet while they are still being compared.
   */
  async function burstWithRightAs20th(send: (attempt: number | 'right') => Promise<Answer>, counted: () => Promise<boolean>): Promise<Answer[]> {
    const first = Array.from({ length: 19 }, (_, i) => send(i));
    const deadline = Date.now() + 10_000;
    while (!(await counted())) {
      if (Date.now() > deadline) throw new Error('the server never counted the first attempts');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const rest = Array.from({ length: 31 }, (_, j) => send(j === 0 ? 'right' : 19 + j));
    return Promise.all([...first, ...rest]);
  }
  /** The number's lockout shows 5 attempts counted (or a lock already). */
  const fiveCounted = (employeeNumber: string) => async () => {
    const row = await s.db.kysely.selectFrom('pin_lockouts').select(['failures', 'locked_until']).where('employee_number', '=', employeeNumber).executeTakeFirst();
    return row !== undefined && (row.failures >= 5 || row.locked_until !== null);
  };
  const tenPasswordsCounted = (employeeNumber: string) => async () => {
    const rows = await s.db.kysely.selectFrom('rate_limits').select('hits').where('bucket', '=', `login-emp:${employeeNumber}`).execute();
    return rows.reduce((sum, r) => sum + r.hits, 0) >= 10;
  };

  describe('per employee number', () => {
    it('lets at most 5 of 50 simultaneous PINs for one employee number be tried, and refuses the right PIN sent as the 20th', async () => {
      clock.freeze('2030-07-01T06:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const person = freshPerson();
        const answers = await burstWithRightAs20th((a) => ward.pin(person.employeeNumber, a === 'right' ? RIGHT_PIN : wrongPin(a)), fiveCounted(person.employeeNumber));
        const counts = tally(answers);
        expect(counts.invalid_credentials ?? 0).toBeLessThanOrEqual(5);
        expect((counts.invalid_credentials ?? 0) + (counts.pin_locked ?? 0)).toBe(50);
        expect(answers[19]!.status).toBe(423);
        expect(await checked(person.id, 'login_pin')).toBeLessThanOrEqual(5);
        // The lock is real: the right PIN stays refused afterwards too.
        expect(codeOf(await ward.pin(person.employeeNumber, RIGHT_PIN))).toBe('pin_locked');
      } finally {
        clock.run();
      }
    });

    it('does the same for a badge with a PIN: at most 5 of 50 simultaneous taps are tried, the right PIN as the 20th is refused', async () => {
      clock.freeze('2030-07-01T07:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const person = freshPerson();
        const badge = await withBadge(person, 'BADC0FFEE001');
        const answers = await burstWithRightAs20th((a) => ward.badge(badge, a === 'right' ? RIGHT_PIN : wrongPin(a)), fiveCounted(person.employeeNumber));
        const counts = tally(answers);
        expect(counts.invalid_credentials ?? 0).toBeLessThanOrEqual(5);
        // A tap counts against the device's unknown-badge limit until its badge is found, so in a burst
        // this big some taps may already be refused there, before any PIN.
        expect((counts.invalid_credentials ?? 0) + (counts.pin_locked ?? 0) + (counts.rate_limited ?? 0)).toBe(50);
        expect(counts.pin_locked ?? 0).toBeGreaterThan(0);
        expect(['pin_locked', 'rate_limited']).toContain(codeOf(answers[19]!));
        expect(await checked(person.id, 'login_badge')).toBeLessThanOrEqual(5);
      } finally {
        clock.run();
      }
    });

    it('lets at most 10 of 50 simultaneous passwords for one employee number be tried, and refuses the right one sent as the 20th', async () => {
      clock.freeze('2030-07-01T08:00:00.000Z');
      try {
        const person = freshPerson();
        const answers = await burstWithRightAs20th(
          (a) => password(person.employeeNumber, a === 'right' ? RIGHT_PASSWORD : wrongPassword(a)),
          tenPasswordsCounted(person.employeeNumber),
        );
        const counts = tally(answers);
        expect(counts.invalid_credentials ?? 0).toBeLessThanOrEqual(10);
        expect((counts.invalid_credentials ?? 0) + (counts.rate_limited ?? 0)).toBe(50);
        expect(answers[19]!.status).toBe(429);
        expect(await checked(person.id, 'login_password')).toBeLessThanOrEqual(10);
      } finally {
        clock.run();
      }
    });

    it('answers a burst for a number nobody has in the same way, for PINs and for passwords', async () => {
      clock.freeze('2030-07-01T09:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const known = freshPerson().employeeNumber;
        const unknown = nobody(1);
        const pinBurst = (n: string) => Promise.all(Array.from({ length: 20 }, (_, i) => ward.pin(n, wrongPin(i))));
        const [pinKnown, pinUnknown] = [await pinBurst(known), await pinBurst(unknown)];
        for (const answers of [pinKnown, pinUnknown]) {
          expect(tally(answers).invalid_credentials ?? 0).toBeLessThanOrEqual(5);
          expect((tally(answers).invalid_credentials ?? 0) + (tally(answers).pin_locked ?? 0)).toBe(20);
        }
        // The same lock, to the millisecond, for both numbers.
        const until = (answers: Answer[]) => [...new Set(answers.filter((a) => a.status === 423).map((a) => a.body.error.retryAfter as string))];
        expect(until(pinUnknown)).toEqual(until(pinKnown));
        expect(until(pinKnown)).toHaveLength(1);

        const passwordBurst = (n: string) => Promise.all(Array.from({ length: 20 }, (_, i) => password(n, wrongPassword(i))));
        const [pwKnown, pwUnknown] = [await passwordBurst(freshPerson().employeeNumber), await passwordBurst(nobody(2))];
        for (const answers of [pwKnown, pwUnknown]) {
          expect(tally(answers)).toEqual({ invalid_credentials: 10, rate_limited: 10 });
        }
        expect(new Set([...pwKnown, ...pwUnknown].filter((a) => a.status === 429).map((a) => JSON.stringify(a.body))).size).toBe(1);
      } finally {
        clock.run();
      }
    });
  });

  describe('per address and per device', () => {
    it('lets no more password logins from one address through than its limit, however many arrive at once', async () => {
      clock.freeze('2030-07-01T10:00:00.000Z');
      try {
        // One wrong password opens this window's count for the address; it is then brought to 5 below the limit.
        await s.db.kysely.deleteFrom('rate_limits').where('bucket', 'like', 'login-ip:%').execute();
        expect(codeOf(await password(nobody(100), 'fout'))).toBe('invalid_credentials');
        const filled = await s.db.kysely.updateTable('rate_limits').set({ hits: PASSWORD_FAILURES_PER_ADDRESS - 5 }).where('bucket', 'like', 'login-ip:%').executeTakeFirst();
        expect(Number(filled.numUpdatedRows)).toBe(1);
        const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => password(nobody(200 + i), wrongPassword(i))));
        expect(tally(answers)).toEqual({ invalid_credentials: 5, rate_limited: 25 });
      } finally {
        await s.db.kysely.deleteFrom('rate_limits').where('bucket', 'like', 'login-ip:%').execute();
        clock.run();
      }
    });

    it('lets one device try at most 20 wrong PINs across employee numbers, however many arrive at once, then suspends it', async () => {
      clock.freeze('2030-07-01T11:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => ward.pin(nobody(300 + i), wrongPin(i))));
        const counts = tally(answers);
        expect(counts.invalid_credentials ?? 0).toBeLessThanOrEqual(20);
        expect((counts.invalid_credentials ?? 0) + (counts.device_suspended ?? 0)).toBe(40);
        const tried = await s.db.kysely
          .selectFrom('auth_events')
          .select('id')
          .where('device_id', '=', ward.deviceId)
          .where('action', '=', 'login_pin')
          .where('result', '=', 'unknown_person')
          .execute();
        expect(tried.length).toBeLessThanOrEqual(20);
        expect(codeOf(await ward.pin(freshPerson().employeeNumber, RIGHT_PIN))).toBe('device_suspended');
      } finally {
        clock.run();
      }
    });
  });

  describe('escalation', () => {
    /** Five wrong PINs in a row; the seconds of the lock the fifth one answers with. */
    const lockOnce = async (ward: DeviceClient, employeeNumber: string) => {
      let last: Answer | null = null;
      for (let i = 0; i < 5; i++) last = await ward.pin(employeeNumber, wrongPin(i));
      expect(codeOf(last!)).toBe('pin_locked');
      return (Date.parse(last!.body.error.retryAfter) - clock.now().getTime()) / 1000;
    };

    it('locks the same employee number longer each time: 1, 4 and 96 times the first lock, and starts over after 7 quiet days', async () => {
      clock.freeze('2030-07-02T06:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const person = freshPerson();
        const first = await lockOnce(ward, person.employeeNumber);
        clock.advance((first + 1) * 1000);
        const second = await lockOnce(ward, person.employeeNumber);
        // A right PIN in between ends nothing: the escalation is about the number, not one streak.
        clock.advance((second + 1) * 1000);
        expect(codeOf(await ward.pin(person.employeeNumber, RIGHT_PIN))).toBe('ok');
        const third = await lockOnce(ward, person.employeeNumber);
        clock.advance((third + 1) * 1000);
        const fourth = await lockOnce(ward, person.employeeNumber);
        expect([first, second, third, fourth]).toEqual([LOCKOUT_SECONDS, 4 * LOCKOUT_SECONDS, 96 * LOCKOUT_SECONDS, 96 * LOCKOUT_SECONDS]);

        clock.advance((fourth + 7 * 24 * 3600 + 1) * 1000);
        expect(await lockOnce(ward, person.employeeNumber)).toBe(LOCKOUT_SECONDS);
      } finally {
        clock.run();
      }
    });

    it('escalates for a number nobody has exactly as for a real one', async () => {
      clock.freeze('2030-07-20T06:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const known = freshPerson().employeeNumber;
        const unknown = nobody(400);
        const locks: number[] = [];
        for (let round = 0; round < 3; round++) {
          let lockSeconds = 0;
          for (let i = 0; i < 6; i++) {
            const a = await ward.pin(known, wrongPin(i));
            const b = await ward.pin(unknown, wrongPin(i));
            expect(b.status).toBe(a.status);
            expect(b.body).toEqual(a.body);
            expect(b.headers.get('retry-after')).toBe(a.headers.get('retry-after'));
            if (a.status === 423) lockSeconds = Number(a.headers.get('retry-after'));
          }
          locks.push(lockSeconds);
          clock.advance((lockSeconds + 1) * 1000);
        }
        expect(locks).toEqual([LOCKOUT_SECONDS, 4 * LOCKOUT_SECONDS, 96 * LOCKOUT_SECONDS]);
      } finally {
        clock.run();
      }
    });
  });

  describe('device suspension', () => {
    it('suspends a ward PC that guesses PINs across many numbers, writes it to the audit log, and an admin can lift it', async () => {
      clock.set('2030-07-03T06:00:00.000Z');
      const ward = await s.enrolDevice();
      const other = await s.enrolDevice();
      const person = freshPerson();
      const badge = await withBadge(person, 'BADC0FFEE002');
      const newcomer = await withBadge(freshPerson(), 'BADC0FFEE003');
      // She entered her PIN this morning, so her badge alone is enough for the rest of the day.
      expect(codeOf(await ward.pin(person.employeeNumber, RIGHT_PIN))).toBe('ok');

      for (let i = 0; i < 20; i++) expect(codeOf(await ward.pin(nobody(500 + i), '1111'))).toBe('invalid_credentials');
      const refused = await ward.pin(person.employeeNumber, RIGHT_PIN);
      expect(refused.status).toBe(423);
      expect(refused.body.error.code).toBe('device_suspended');
      expect(refused.body.error.message).toMatch(/apparaat.*pincode/i);
      expect(codeOf(await ward.badge(badge, RIGHT_PIN))).toBe('device_suspended');
      expect(codeOf(await ward.badge(badge))).toBe('ok');
      // Someone whose badge still needs the PIN hears at once that no PIN will do here.
      expect(codeOf(await ward.badge(newcomer))).toBe('device_suspended');
      expect(codeOf(await other.pin(person.employeeNumber, RIGHT_PIN))).toBe('ok');

      const daan = await s.login('1004');
      const audit = await daan.get(`/v1/admin/audit?deviceId=${ward.deviceId}&limit=100`);
      const results = audit.body.items.map((r: { action: string; result: string }) => `${r.action}:${r.result}`);
      expect(audit.body.items).toContainEqual(expect.objectContaining({ action: 'device_suspension', result: 'suspended', personId: null }));
      expect(results).toContain('login_pin:device_suspended');
      expect(results).toContain('login_badge:device_suspended');

      const anna = await s.login('1001');
      expect((await anna.delete(`/v1/admin/devices/${ward.deviceId}/suspension`)).status).toBe(403);
      expect(codeOf(await ward.pin(person.employeeNumber, RIGHT_PIN))).toBe('device_suspended');

      const lifted = await daan.delete(`/v1/admin/devices/${ward.deviceId}/suspension`);
      expect(lifted.status).toBe(200);
      expect(codeOf(await ward.pin(person.employeeNumber, RIGHT_PIN))).toBe('ok');
      // Lifting starts the count again: one more wrong PIN does not suspend the device at once.
      expect(codeOf(await ward.pin(nobody(600), '1111'))).toBe('invalid_credentials');
      // The admin lifted it from her own desk: the device is the entry's target, not where it happened.
      const after = await daan.get(`/v1/admin/audit?target=device:${ward.deviceId}&limit=100`);
      expect(after.body.items).toContainEqual(expect.objectContaining({ action: 'device_suspension', result: 'lifted', personId: expect.any(String), deviceId: null }));
      expect((await daan.delete('/v1/admin/devices/00000000-0000-7000-8000-000000000000/suspension')).status).toBe(404);
    });

    it('does not count right PINs towards a suspension, and lifts one by itself once its time has passed', async () => {
      clock.freeze('2030-07-04T06:00:00.000Z');
      try {
        const ward = await s.enrolDevice();
        const people = [freshPerson(), freshPerson(), freshPerson()];
        for (let i = 0; i < 19; i++) expect(codeOf(await ward.pin(nobody(700 + i), '1111'))).toBe('invalid_credentials');
        for (let i = 0; i < 12; i++) expect(codeOf(await ward.pin(people[i % 3]!.employeeNumber, RIGHT_PIN))).toBe('ok');
        expect(codeOf(await ward.pin(nobody(719), '1111'))).toBe('invalid_credentials');
        expect(codeOf(await ward.pin(people[0]!.employeeNumber, RIGHT_PIN))).toBe('device_suspended');

        clock.advance(96 * LOCKOUT_SECONDS * 1000 - 1000);
        expect(codeOf(await ward.pin(people[0]!.employeeNumber, RIGHT_PIN))).toBe('device_suspended');
        clock.advance(2000);
        expect(codeOf(await ward.pin(people[0]!.employeeNumber, RIGHT_PIN))).toBe('ok');
      } finally {
        clock.run();
      }
    });
  });
});

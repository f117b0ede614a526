import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { DEMO_BADGES, DeviceClient, startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** Reads an event stream as text until `until` shows up; returns what was read and a way to go on. */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${url}/v1/events`, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  let text = '';
  const reader = res.ok && res.body ? res.body.pipeThrough(new TextDecoderStream()).getReader() : null;
  return {
    status: res.status,
    get text() {
      return text;
    },
    async readUntil(needle: string, timeoutMs = 4000) {
      const deadline = Date.now() + timeoutMs;
      while (!text.includes(needle)) {
        if (!reader || Date.now() > deadline) throw new Error(`no "${needle}" in ${JSON.stringify(text)}`);
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
        if (chunk === null) continue;
        if (chunk.done) throw new Error(`stream ended without "${needle}": ${JSON.stringify(text)}`);
        text += chunk.value;
      }
      return text;
    },
    close: () => controller.abort(),
  };
}

describe.each(dialects)('enrolled devices (%s)', (dialect) => {
  let s: TestServer;
  let daan: TestClient;
  let anna: TestClient;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  beforeAll(async () => {
    s = await startTestServer(dialect, { now });
    [daan, anna] = await Promise.all([s.login('1004'), s.login('1001')]);
  });
  afterAll(() => s?.close());

  const newCode = async (mode: 'shared' | 'kiosk' = 'shared', validMinutes?: number) => {
    const res = await daan.post('/v1/admin/enrolment-codes', { name: 'Afdeling 3B, PC bij de balie', mode, ...(validMinutes ? { validMinutes } : {}) });
    expect(res.status).toBe(201);
    return res.body as { code: string; expiresAt: string };
  };

  describe('enrolment', () => {
    it('gives a ward PC a device token for a one-time code made by an admin', async () => {
      const { code, expiresAt } = await newCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(Date.parse(expiresAt) - now().getTime()).toBeGreaterThan(59 * 60_000);
      const res = await s.client().post('/v1/devices/enrol', { code });
      expect(res.status).toBe(201);
      expect(res.body.deviceToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
      expect(res.body.device).toMatchObject({ name: 'Afdeling 3B, PC bij de balie', mode: 'shared', revokedAt: null });
      expect(res.body.organisation).toMatchObject({ slug: 'demo', settings: DEFAULT_ORGANISATION_SETTINGS });
      const device = new DeviceClient(s.url, res.body.deviceToken, res.body.device.id);
      const me = await device.get('/v1/devices/me');
      expect(me.status).toBe(200);
      expect(me.body.device.id).toBe(res.body.device.id);
      expect(me.body.organisation.slug).toBe('demo');
    });

    it('stores only a hash of the code, never the code itself', async () => {
      const { code } = await newCode();
      const rows = await s.db.kysely.selectFrom('enrolment_codes').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(code);
      expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''));
    });

    it('accepts the code however it is typed: lower case, without the dash', async () => {
      const { code } = await newCode('kiosk');
      const res = await s.client().post('/v1/devices/enrol', { code: ` ${code.replace('-', '').toLowerCase()} `, organisation: 'demo' });
      expect(res.status).toBe(201);
      expect(res.body.device.mode).toBe('kiosk');
    });

    it('answers a wrong, a used and an expired code alike, and a code works only once', async () => {
      const used = await newCode();
      expect((await s.client().post('/v1/devices/enrol', { code: used.code })).status).toBe(201);
      const expiring = await newCode('shared', 5);
      offsetMs += 6 * 60_000;
      try {
        const wrong = await s.client().post('/v1/devices/enrol', { code: 'ABCD-EFGH' });
        const again = await s.client().post('/v1/devices/enrol', { code: used.code });
        const expired = await s.client().post('/v1/devices/enrol', { code: expiring.code });
        const unknownOrg = await s.client().post('/v1/devices/enrol', { code: used.code, organisation: 'bestaat-niet' });
        for (const res of [wrong, again, expired, unknownOrg]) {
          expect(res.status).toBe(400);
          expect(res.body).toEqual(wrong.body);
        }
        expect(wrong.body.error.code).toBe('invalid_enrolment_code');
      } finally {
        offsetMs -= 6 * 60_000;
      }
    });

    it('lets two devices race for one code and only one of them win', async () => {
      const { code } = await newCode();
      const answers = await Promise.all(Array.from({ length: 5 }, () => s.client().post('/v1/devices/enrol', { code })));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 400)).toHaveLength(4);
    });

    it('lets only an admin make codes, list devices and revoke them', async () => {
      const device = await s.enrolDevice();
      expect((await anna.post('/v1/admin/enrolment-codes', { name: 'Mijn PC', mode: 'shared' })).status).toBe(403);
      expect((await anna.get('/v1/admin/devices')).status).toBe(403);
      expect((await anna.delete(`/v1/admin/devices/${device.deviceId}`)).status).toBe(403);
      expect((await device.get('/v1/devices/me')).status).toBe(200);
      // The device token on its own is nobody: it calls no session route at all.
      const alone = await device.post('/v1/admin/enrolment-codes', { name: 'Nog een', mode: 'shared' });
      expect(alone.status).toBe(401);
      expect(alone.body.error.code).toBe('unauthenticated');
      expect((await device.get('/v1/me')).status).toBe(401);
    });

    it('lists the enrolled devices with when they were last seen, written at most once a minute', async () => {
      const device = await s.enrolDevice({ name: 'Kiosk personeelskamer', mode: 'kiosk' });
      const seen = async () => (await daan.get('/v1/admin/devices')).body.items.find((d: { id: string }) => d.id === device.deviceId);
      const first = await seen();
      expect(first).toMatchObject({ name: 'Kiosk personeelskamer', mode: 'kiosk', revokedAt: null });
      offsetMs += 30_000;
      await device.get('/v1/sync?since=0&limit=1');
      expect((await seen()).lastSeenAt).toBe(first.lastSeenAt);
      offsetMs += 31_000;
      await device.get('/v1/sync?since=0&limit=1');
      expect(Date.parse((await seen()).lastSeenAt)).toBeGreaterThan(Date.parse(first.lastSeenAt) + 60_000);
    });

    it('answers an unknown device id with not_found', async () => {
      const res = await daan.delete('/v1/admin/devices/0190f5a0-0000-7000-8000-000000000000');
      expect(res.status).toBe(404);
    });
  });

  describe('what a device alone sees', () => {
    it('syncs the shared part only: no private groups, likes, memberships or notifications', async () => {
      const device = await s.enrolDevice();
      const replica = new SyncReplica(device, 'all');
      await replica.pull(1000);
      expect(replica.all('post').length).toBeGreaterThan(0);
      expect(replica.all('group').some((g) => g.visibility === 'private')).toBe(false);
      expect(replica.all('like')).toEqual([]);
      expect(replica.all('membership')).toEqual([]);
      expect(replica.all('notification')).toEqual([]);
      const shared = new SyncReplica(await s.login('1002'), 'shared');
      await shared.pull(1000);
      expect(replica.entities).toEqual(shared.entities);
      const personal = await device.get('/v1/sync?since=0&scope=personal');
      expect(personal.status).toBe(403);
    });

    it('hears of new changes on the event stream but never of anyone’s mentions', async () => {
      const device = await s.enrolDevice();
      const stream = await openStream(s.url, { 'x-samen-device': device.deviceToken });
      expect(stream.status).toBe(200);
      await stream.readUntil('event: seq');
      const before = stream.text.length;
      const mention = await anna.post('/v1/posts', { body: 'Koffie staat klaar, @bram.jansen!' });
      // A stream sends in seq order: once a later change is announced, anything about the mention came first.
      const later = await anna.post('/v1/posts', { body: 'En er is taart.' });
      const { seq } = await s.db.kysely.selectFrom('changes').select((eb) => eb.fn.max('seq').as('seq')).where('tenant_id', '=', s.tenants.demo!).executeTakeFirstOrThrow();
      await stream.readUntil(`data: {"seq":${Number(seq)},"personal":false}`, 3000);
      expect(mention.status).toBe(201);
      expect(later.status).toBe(201);
      expect(stream.text.slice(before)).not.toContain('notification');
      stream.close();
    });

    it('refuses a garbled or unknown device token as device_unlinked', async () => {
      for (const token of ['nonsense', `${s.tenants.demo}.${'A'.repeat(43)}`]) {
        const res = await s.client().get('/v1/devices/me', { 'x-samen-device': token });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('device_unlinked');
      }
      expect((await s.client().post('/v1/auth/badge', { badgeId: DEMO_BADGES['1001'] })).body.error.code).toBe('device_unlinked');
    });
  });

  describe('security', () => {
    it('stops a revoked device at once: sync, events, badge and PIN login, its sessions and its grants', async () => {
      const device = await s.enrolDevice();
      const annaHere = await device.loginPin('1001');
      const stream = await openStream(s.url, { 'x-samen-device': device.deviceToken });
      await stream.readUntil('event: seq');
      expect((await annaHere.get('/v1/me')).status).toBe(200);

      expect((await daan.delete(`/v1/admin/devices/${device.deviceId}`)).status).toBe(200);

      const answers = {
        sync: await device.with(null).get('/v1/sync?since=0'),
        me: await device.with(null).get('/v1/devices/me'),
        badge: await device.with(null).badge(DEMO_BADGES['1002']!),
        pin: await device.with(null).pin('1002', '2345'),
        session: await annaHere.get('/v1/me'),
        grant: await device.with(annaHere.grant).post('/v1/posts', { body: 'Nog even dit' }),
        events: (await openStream(s.url, { 'x-samen-device': device.deviceToken })).status,
      };
      for (const [what, res] of Object.entries(answers)) {
        if (typeof res === 'number') expect(res, what).toBe(401);
        else expect(res.body.error.code, what).toBe('device_unlinked');
      }
      // Without the device token the session is dead as well.
      expect((await s.client(annaHere.token).get('/v1/me')).status).toBe(401);
      await stream.readUntil('session-ended', 4000);
      expect(stream.text).toContain('"code":"device_unlinked"');
      stream.close();
      const listed = (await daan.get('/v1/admin/devices')).body.items.find((d: { id: string }) => d.id === device.deviceId);
      expect(listed.revokedAt).not.toBeNull();
    });

    it('refuses a session made on device X on device Y and without a device (device_mismatch)', async () => {
      const x = await s.enrolDevice();
      const y = await s.enrolDevice();
      const annaOnX = await x.loginPin('1001');
      expect((await annaOnX.get('/v1/me')).status).toBe(200);
      const onY = await y.with(annaOnX.token).get('/v1/me');
      expect(onY.status).toBe(401);
      expect(onY.body.error.code).toBe('device_mismatch');
      const bare = await s.client(annaOnX.token).get('/v1/posts');
      expect(bare.body.error.code).toBe('device_mismatch');
      const yStream = await openStream(s.url, { 'x-samen-device': y.deviceToken, authorization: `Bearer ${annaOnX.token}` });
      expect(yStream.status).toBe(401);
      const rejected = await s.db.kysely.selectFrom('auth_events').selectAll().where('action', '=', 'session_rejected').where('device_id', '=', x.deviceId).execute();
      expect(rejected.length).toBeGreaterThanOrEqual(2);
      expect(rejected.every((r) => r.result === 'device_mismatch')).toBe(true);
    });

    it('lets a password session from a workstation go on working from anywhere', async () => {
      const y = await s.enrolDevice();
      expect((await y.with(anna.token).get('/v1/me')).status).toBe(200);
      expect((await anna.get('/v1/me')).status).toBe(200);
    });

    it('keeps a kiosk to reading and reacting: no editor or admin routes, neither for the device nor for who taps in', async () => {
      const kiosk = await s.enrolDevice({ mode: 'kiosk' });
      const carlaSession = await kiosk.loginPin('1003');
      const daanSession = await kiosk.loginPin('1004');
      // Daan is an admin and Carla an editor, but not on a kiosk.
      expect((await daanSession.post('/v1/admin/enrolment-codes', { name: 'Via de kiosk', mode: 'shared' })).status).toBe(403);
      expect((await daanSession.get('/v1/admin/devices')).status).toBe(403);
      expect((await daanSession.get('/v1/admin/audit')).status).toBe(403);
      expect((await daanSession.delete(`/v1/admin/devices/${kiosk.deviceId}`)).status).toBe(403);
      expect((await carlaSession.post('/v1/posts', { body: 'Vastgezet?', pinned: true })).status).toBe(403);
      const annasPost = (await anna.post('/v1/posts', { body: 'Wie ruilt zaterdag met mij?' })).body.id;
      expect((await carlaSession.delete(`/v1/posts/${annasPost}`)).status).toBe(403);
      expect((await carlaSession.patch(`/v1/posts/${annasPost}`, { pinned: true })).status).toBe(403);
      // Reacting is what a kiosk is for.
      expect((await carlaSession.put(`/v1/posts/${annasPost}/like`)).status).toBe(200);
      expect((await carlaSession.post(`/v1/posts/${annasPost}/comments`, { body: 'Ik kan wel!' })).status).toBe(201);
      // The kiosk device itself calls no session route.
      for (const res of [await kiosk.get('/v1/admin/devices'), await kiosk.post('/v1/posts', { body: 'Van de kiosk' }), await kiosk.get('/v1/me')]) {
        expect(res.status).toBe(401);
      }
      // On a shared ward PC, Daan keeps his admin role.
      const shared = await s.enrolDevice();
      expect((await (await shared.loginPin('1004')).get('/v1/admin/devices')).status).toBe(200);
    });
  });
});

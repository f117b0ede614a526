import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kiosk, KioskSignage, Playlist } from '../../../../common/src/api/routes/kiosks.js';
import type { PollView } from '../../../../common/src/api/routes/polls.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('kiosks (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let carla: TestClient;
  let kiosk: DeviceClient;
  let other: DeviceClient;
  let location: { id: string; name: string };
  let clockOffset = 0;

  const heartbeat = (k: DeviceClient, version = '0.1.0') => k.post<KioskSignage>('/v1/kiosk/heartbeat', { version });
  const slide = (title: string, extra: Record<string, unknown> = {}) => ({ kind: 'slide', id: uuidv7(), seconds: 10, weight: 1, title, text: 'Koffie staat klaar', ...extra });

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: () => new Date(Date.now() + clockOffset) });
    [anna, carla] = await Promise.all([s.login('1001'), s.login('1003')]);
    kiosk = await s.enrolDevice({ mode: 'kiosk', name: 'Kiosk pauzeruimte' });
    other = await s.enrolDevice({ mode: 'kiosk', name: 'Kiosk hal' });
    const locations = await s.db.kysely.selectFrom('locations').select(['id', 'name']).where('tenant_id', '=', s.tenants.demo!).orderBy('name').execute();
    location = locations[0]!;
    // The demo seed gives the organisation a playlist; these tests start from none.
    await carla.put('/v1/admin/kiosk-playlists', { scope: 'organisation', targetId: null, entries: [] });
  });
  afterAll(() => s?.close());

  it('records each heartbeat with its version, and editors see the kiosk with its last-seen time', async () => {
    const first = await heartbeat(kiosk, '0.1.0');
    expect(first.status).toBe(200);
    expect(first.body.kiosk).toMatchObject({ id: kiosk.deviceId, name: 'Kiosk pauzeruimte', locationId: null });
    expect(first.body.playlist).toBeNull();
    clockOffset = 60_000;
    await heartbeat(kiosk, '0.2.0');
    const list = await carla.get<{ items: Kiosk[] }>('/v1/admin/kiosks');
    const mine = list.body.items.find((k) => k.id === kiosk.deviceId)!;
    expect(mine).toMatchObject({ version: '0.2.0', playlistScope: 'default', locationId: null });
    expect(Date.parse(mine.lastSeenAt!)).toBeGreaterThan(Date.parse(first.body.at));
    // A kiosk that never called in is listed too, never seen.
    expect(list.body.items.find((k) => k.id === other.deviceId)).toMatchObject({ lastSeenAt: null, version: null });
  });

  it('keeps kiosk management for editors, and the heartbeat for kiosks', async () => {
    expect((await anna.get('/v1/admin/kiosks')).status).toBe(403);
    expect((await anna.put('/v1/admin/kiosk-playlists', { scope: 'organisation', targetId: null, entries: [slide('Hoi')] })).status).toBe(403);
    const ward = await s.enrolDevice({ mode: 'shared', name: 'Afdeling 3B' });
    expect((await heartbeat(ward)).status).toBe(403);
    expect((await heartbeat(kiosk, 'versie 1; drop table')).status).toBe(400);
  });

  it('plays the most specific playlist: the kiosk\'s own, else its location\'s, else the organisation\'s', async () => {
    const put = (scope: string, targetId: string | null, entries: unknown[]) => carla.put<{ playlist: Playlist | null }>('/v1/admin/kiosk-playlists', { scope, targetId, entries });
    expect((await put('organisation', null, [slide('Organisatie')])).status).toBe(200);
    expect((await heartbeat(other)).body.playlist).toMatchObject({ scope: 'organisation', entries: [{ kind: 'slide', title: 'Organisatie' }] });

    expect((await carla.put(`/v1/admin/kiosks/${other.deviceId}/location`, { locationId: location.id })).body).toMatchObject({ locationId: location.id, locationName: location.name, playlistScope: 'organisation' });
    await put('location', location.id, [{ kind: 'pinned', seconds: 15, weight: 2 }, slide('Locatie')]);
    const atLocation = (await heartbeat(other)).body;
    expect(atLocation.playlist).toMatchObject({ scope: 'location', targetId: location.id });
    expect(atLocation.playlist!.entries.map((e) => e.kind)).toEqual(['pinned', 'slide']);
    expect(atLocation.groupIds.length).toBeGreaterThan(0);

    await put('kiosk', other.deviceId, [slide('Alleen hier')]);
    expect((await heartbeat(other)).body.playlist).toMatchObject({ scope: 'kiosk', entries: [{ title: 'Alleen hier' }] });
    // An empty list removes the kiosk's own: its location's applies again.
    expect((await put('kiosk', other.deviceId, [])).body.playlist).toBeNull();
    expect((await heartbeat(other)).body.playlist).toMatchObject({ scope: 'location' });
    expect((await carla.get<{ playlist: Playlist | null }>(`/v1/admin/kiosk-playlists?scope=location&targetId=${location.id}`)).body.playlist!.entries).toHaveLength(2);
  });

  it('refuses a bad playlist with a clear Dutch message and keeps the one it had', async () => {
    const bad = await carla.put('/v1/admin/kiosk-playlists', { scope: 'organisation', targetId: null, entries: [slide('   ')] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Geef de dia een titel.');
    const tooShort = await carla.put('/v1/admin/kiosk-playlists', { scope: 'organisation', targetId: null, entries: [{ kind: 'pinned', seconds: 1, weight: 1 }] });
    expect(tooShort.status).toBe(400);
    expect((await carla.put('/v1/admin/kiosk-playlists', { scope: 'location', targetId: null, entries: [slide('x')] })).status).toBe(400);
    expect((await heartbeat(kiosk)).body.playlist).toMatchObject({ scope: 'organisation', entries: [{ title: 'Organisatie' }] });
  });

  it('tells the kiosk the running polls with counts everyone may see, and not the closed ones', async () => {
    const open = await carla.post<PollView>('/v1/polls', { question: 'Soep of salade?', options: ['Soep', 'Salade'] });
    const closing = await carla.post<PollView>('/v1/polls', { question: 'Gaat dicht', options: ['Ja', 'Nee'], closesAt: new Date(Date.now() + clockOffset + 60_000).toISOString() });
    await anna.post(`/v1/polls/${open.body.id}/votes`, { optionIds: [open.body.options[1]!.id] });
    const polls = (await heartbeat(kiosk)).body.polls;
    expect(polls.find((p) => p.id === open.body.id)!.options.map((o) => [o.label, o.votes])).toEqual([['Soep', 0], ['Salade', 1]]);
    expect(polls.some((p) => p.id === closing.body.id)).toBe(true);
    clockOffset += 120_000;
    expect((await heartbeat(kiosk)).body.polls.some((p) => p.id === closing.body.id)).toBe(false);
  });

  it('keeps a slide\'s photo past the day after which unused uploads go, and a kiosk may fetch it', async () => {
    const raw = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#0b6e6e' } }).png().toBuffer();
    const photo = (await carla.request('POST', '/v1/images', { raw, contentType: 'image/png' })).body.id as string;
    const unused = (await carla.request('POST', '/v1/images', { raw, contentType: 'image/png' })).body.id as string;
    await carla.put('/v1/admin/kiosk-playlists', { scope: 'kiosk', targetId: kiosk.deviceId, entries: [slide('Met foto', { imageId: photo })] });
    clockOffset += 25 * 3600_000;
    await s.server.runMaintenance();
    const stored = async (id: string) => (await s.db.kysely.selectFrom('images').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    expect(await stored(photo)).toBe(true);
    expect(await stored(unused)).toBe(false);
    expect((await kiosk.get(`/v1/images/${photo}`)).status).toBe(200);
    // A day on, her session has ended: the next test logs her in again.
    carla = await s.login('1003');
  });

  it('gives editors the same answer as a preview, and forgets a revoked kiosk', async () => {
    const preview = await carla.get<KioskSignage>(`/v1/admin/kiosks/${other.deviceId}/signage`);
    expect(preview.body.playlist).toMatchObject({ scope: 'location' });
    const daan = await s.login('1004');
    await daan.delete(`/v1/admin/devices/${other.deviceId}`);
    expect((await carla.get<{ items: Kiosk[] }>('/v1/admin/kiosks')).body.items.some((k) => k.id === other.deviceId)).toBe(false);
    expect((await carla.get(`/v1/admin/kiosks/${other.deviceId}/signage`)).status).toBe(404);
  });
});

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const HOUR = 3_600_000;

const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();

describe.each(dialects)('uploads never attached to a post (%s)', (dialect) => {
  const clock = testClock('2030-03-04T08:00:00.000Z');
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
  });
  afterAll(() => s?.close());

  const upload = async (client: TestClient) => {
    const res = await client.request('POST', '/v1/images', { raw: await photo(), contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const stored = async (id: string) => (await s.db.kysely.selectFrom('images').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

  it('are deleted after a day, while photos on posts, avatars and younger uploads stay', async () => {
    const anna = await s.login('1001');
    const stray = await upload(anna);
    const posted = await upload(anna);
    expect((await anna.post('/v1/posts', { body: 'Met foto', imageIds: [posted], photoConsent: true })).status).toBe(201);
    const avatar = await upload(anna);
    await s.db.kysely.updateTable('people').set({ avatar_image_id: avatar }).where('employee_number', '=', '1001').execute();

    clock.advance(23 * HOUR);
    const young = await upload(await s.login('1001'));
    clock.advance(2 * HOUR);
    await s.server.runMaintenance();

    expect(await stored(stray)).toBe(false);
    expect(await stored(posted)).toBe(true);
    expect(await stored(avatar)).toBe(true);
    expect(await stored(young)).toBe(true);
    const annaNow = await s.login('1001');
    expect((await annaNow.get(`/v1/images/${stray}`)).status).toBe(404);
    const late = await annaNow.post('/v1/posts', { body: 'Toch nog die foto', imageIds: [stray], photoConsent: true });
    expect(late.status).toBe(400);
    expect(late.body.error.fields[0].path).toBe('body.imageIds');
  });
});

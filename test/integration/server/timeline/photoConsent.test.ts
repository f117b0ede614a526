import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostView } from '../../../../common/src/api/routes.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const HOUR = 3_600_000;

describe.each(dialects)('photo privacy on posts (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let team3b: string;
  const clock = testClock();

  const photo = async (by?: TestClient) => {
    const raw = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3a7d44' } }).png().toBuffer();
    return (await (by ?? anna).request('POST', '/v1/images', { raw, contentType: 'image/png' })).body.id as string;
  };
  const refusal = (res: { status: number; body: unknown }) => [res.status, (res.body as { error?: { fields?: { path: string }[] } }).error?.fields?.map((f) => f.path)];
  const consentIn = async (table: 'posts' | 'scheduled_posts' | 'post_reviews', id: string) =>
    (await s.db.kysely.selectFrom(table).select('photo_consent_at').where('id', '=', id).executeTakeFirstOrThrow()).photo_consent_at;

  beforeAll(async () => {
    clock.freeze();
    s = await startTestServer(dialect, { now: clock.now });
    anna = await s.login('1001');
    team3b = ((await anna.get('/v1/groups')).body.items as { id: string; name: string }[]).find((g) => g.name === 'Team 3B')!.id;
  });
  afterAll(() => s?.close());

  it('refuses a post with a photo without the confirmation, and stores the confirmation when given', async () => {
    const image = await photo();
    expect(refusal(await anna.post('/v1/posts', { body: 'Ons uitje naar de kinderboerderij', imageIds: [image] }))).toEqual([400, ['body.photoConsent']]);
    expect(refusal(await anna.post('/v1/posts', { body: 'Ons uitje naar de kinderboerderij', imageIds: [image], photoConsent: false }))).toEqual([400, ['body.photoConsent']]);
    const made = await anna.post<PostView>('/v1/posts', { body: 'Ons uitje naar de kinderboerderij', imageIds: [image], photoConsent: true });
    expect(made.status).toBe(201);
    expect(made.body.images.map((i) => i.id)).toEqual([image]);
    expect(await consentIn('posts', made.body.id)).toBe(clock.now().toISOString());

    const plain = await anna.post<PostView>('/v1/posts', { body: 'Zonder foto hoeft er niets bevestigd.' });
    expect(plain.status).toBe(201);
    expect(await consentIn('posts', plain.body.id)).toBeNull();
  });

  it('asks the same in a group, when photos are added by an edit, and of a scheduled post, which keeps it when published', async () => {
    const inGroup = await photo();
    expect(refusal(await anna.post('/v1/posts', { body: 'Nieuwe kamerindeling', groupId: team3b, imageIds: [inGroup] }))).toEqual([400, ['body.photoConsent']]);
    expect((await anna.post('/v1/posts', { body: 'Nieuwe kamerindeling', groupId: team3b, imageIds: [inGroup], photoConsent: true })).status).toBe(201);

    const edited = (await anna.post<PostView>('/v1/posts', { body: 'Straks met foto.' })).body;
    const added = await photo();
    expect(refusal(await anna.patch(`/v1/posts/${edited.id}`, { imageIds: [added] }))).toEqual([400, ['body.photoConsent']]);
    expect((await anna.patch(`/v1/posts/${edited.id}`, { imageIds: [added], photoConsent: true })).status).toBe(200);
    expect(await consentIn('posts', edited.id)).not.toBeNull();

    const later = new Date(clock.now().getTime() + HOUR).toISOString();
    const planned = await photo();
    expect(refusal(await anna.post('/v1/posts', { body: 'Foto van de zomermarkt', imageIds: [planned], publishAt: later }))).toEqual([400, ['body.photoConsent']]);
    const waiting = (await anna.post<PostView>('/v1/posts', { body: 'Foto van de zomermarkt', imageIds: [planned], photoConsent: true, publishAt: later })).body;
    const confirmedAt = await consentIn('scheduled_posts', waiting.id);
    expect(confirmedAt).toBe(clock.now().toISOString());
    clock.advance(HOUR + 1000);
    await s.server.publishDuePosts();
    expect(await consentIn('posts', waiting.id)).toBe(confirmedAt);
  });

  it('keeps the confirmation of a post that a coach looks at first, or approves, when it is published', async () => {
    const eva = await s.login('1005');
    const looked = await photo();
    expect(refusal(await anna.post('/v1/posts', { body: 'Kijk je mee naar deze foto van de tuin?', imageIds: [looked], review: 'look' }))).toEqual([400, ['body.photoConsent']]);
    const draft = (await anna.post<PostView>('/v1/posts', { body: 'Kijk je mee naar deze foto van de tuin?', imageIds: [looked], photoConsent: true, review: 'look' })).body;
    const draftConsent = await consentIn('post_reviews', draft.id);
    expect(draftConsent).toBe(clock.now().toISOString());
    clock.advance(HOUR);
    expect((await anna.post(`/v1/post-reviews/${draft.id}/publish`, { body: 'Onze nieuwe tuin, met dank aan de vrijwilligers.' })).status).toBe(200);
    expect(await consentIn('posts', draft.id)).toBe(draftConsent);

    // A group whose posts wait for approval: Bram's photo post goes to a coach, who approves it.
    const bram = await s.login('1002');
    const group = (await anna.post('/v1/groups', { name: `Met goedkeuring ${dialect}`, kind: 'work', visibility: 'open', description: '' })).body.id as string;
    const bramPerson = (await bram.get('/v1/me')).body.person.id as string;
    expect((await anna.put(`/v1/groups/${group}/members/${bramPerson}`, { role: 'member' })).status).toBeLessThan(300);
    expect((await anna.put('/v1/post-approval', { groupId: group, required: true })).status).toBe(200);
    const approved = await photo(bram);
    const waiting = (await bram.post<PostView>('/v1/posts', { body: 'De bewonersraad op de foto', groupId: group, imageIds: [approved], photoConsent: true })).body;
    expect(waiting.review).toBe('approval');
    const waitingConsent = await consentIn('post_reviews', waiting.id);
    clock.advance(HOUR);
    expect((await eva.post(`/v1/post-reviews/${waiting.id}/approve`)).status).toBe(200);
    expect(await consentIn('posts', waiting.id)).toBe(waitingConsent);
    expect(waitingConsent).not.toBeNull();
  });
});

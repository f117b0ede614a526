import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PostView } from '../../../../common/src/api/routes.js';
import type { StarterSettings } from '../../../../common/src/api/routes/starters.js';
import { buildServer, type BuiltServer } from '../../../../server/src/app.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const DAY = 86_400_000;

describe.each(dialects)('conversation starters (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let bram: TestClient;
  let other: BuiltServer | null = null;
  // Monday 12 January 2026, 10:00 in Amsterdam: the first Tuesday 14:00 is tomorrow.
  const clock = testClock('2026-01-12T09:00:00Z');

  const starters = async () =>
    (await s.db.kysely.selectFrom('posts').select(['id', 'body', 'author_id']).where('conversation_starter', '=', 1).orderBy('created_at').execute()).map((p) => p.body);

  beforeAll(async () => {
    // The test runs the job itself; the node's own timer must not beat it to a slot.
    s = await startTestServer(dialect, { now: clock.now, options: { viewCountPublishSeconds: 3600 } });
    [carla, bram] = await Promise.all([s.login('1003'), s.login('1002')]);
  });
  afterAll(async () => {
    await other?.close();
    await s?.close();
  });

  it('offers editors a Dutch default list, off, and refuses colleagues who are no editor', async () => {
    const defaults = (await carla.get<StarterSettings>('/v1/conversation-starters')).body;
    expect(defaults.questions.length).toBeGreaterThanOrEqual(10);
    expect(defaults.questions[0]!.text).toBe('Hoe zorg jij voor een fijne werkdag?');
    expect(defaults).toMatchObject({ enabled: false, next: null, groupId: null });
    expect((await bram.get('/v1/conversation-starters')).status).toBe(403);
    expect((await bram.put('/v1/conversation-starters', { ...defaults, next: undefined })).status).toBe(403);
  });

  it('posts the next question once when its slot comes, not before, as a starter whose answers are comments', async () => {
    const saved = await carla.put<StarterSettings>('/v1/conversation-starters', {
      questions: [{ text: 'Hoe zorg jij voor een fijne werkdag?' }, { text: 'Welke kleine overwinning heb jij vandaag behaald?' }],
      rhythm: { kind: 'weekly', weekday: 2, time: '14:00' },
      groupId: null,
      enabled: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.next).toEqual({ at: '2026-01-13T13:00:00.000Z', question: 'Hoe zorg jij voor een fijne werkdag?' });

    clock.set('2026-01-13T12:59:00Z');
    expect(await s.server.postDueStarters()).toBe(0);
    expect(await starters()).toEqual([]);

    clock.set('2026-01-13T13:00:30Z');
    expect(await s.server.postDueStarters()).toBe(1);
    expect(await s.server.postDueStarters()).toBe(0);
    expect(await starters()).toEqual(['Hoe zorg jij voor een fijne werkdag?']);

    // Sessions idle out while the clock jumps: log in again at the new time.
    [carla, bram] = await Promise.all([s.login('1003'), s.login('1002')]);
    const id = (await s.db.kysely.selectFrom('posts').select('id').where('conversation_starter', '=', 1).executeTakeFirstOrThrow()).id;
    const post = (await bram.get<PostView>(`/v1/posts/${id}`)).body;
    expect(post).toMatchObject({ body: 'Hoe zorg jij voor een fijne werkdag?', conversationStarter: true, groupId: null });
    expect(post.authorId).toBe((await carla.get('/v1/me')).body.person.id);
    expect((await bram.post(`/v1/posts/${post.id}/comments`, { body: 'Met een goede overdracht en koffie.' })).status).toBe(201);

    const next = (await carla.get<StarterSettings>('/v1/conversation-starters')).body.next;
    expect(next).toEqual({ at: '2026-01-20T13:00:00.000Z', question: 'Welke kleine overwinning heb jij vandaag behaald?' });
  });

  it('asks a slot that fell due while no node ran once, as a node starts, even with two nodes running the job', async () => {
    clock.set(new Date(Date.parse('2026-01-20T13:00:00Z') + 2 * DAY).toISOString());
    // A node that starts now asks what fell due meanwhile by itself.
    other = await buildServer({ db: s.db, now: clock.now, options: { heartbeatSeconds: 1, viewCountPublishSeconds: 3600 }, mail: { sender: false } });
    await vi.waitFor(async () => expect(await starters()).toHaveLength(2), { timeout: 5000, interval: 50 });
    expect(await Promise.all([s.server.postDueStarters(), other.postDueStarters()])).toEqual([0, 0]);
    carla = await s.login('1003');
    expect((await starters())[1]).toBe('Welke kleine overwinning heb jij vandaag behaald?');
    // Not every missed slot: the next one is planned from now, and the list starts over.
    expect((await carla.get<StarterSettings>('/v1/conversation-starters')).body.next).toEqual({ at: '2026-01-27T13:00:00.000Z', question: 'Hoe zorg jij voor een fijne werkdag?' });

    // Both nodes at the same slot, side by side: one question.
    clock.set('2026-01-27T13:00:01Z');
    const answers = await Promise.all([s.server.postDueStarters(), other.postDueStarters(), s.server.postDueStarters(), other.postDueStarters()]);
    expect(answers.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await starters()).toHaveLength(3);
  });

  it('lets an editor ask the next question now, and asks in a group when that is the target', async () => {
    [carla, bram] = await Promise.all([s.login('1003'), s.login('1002')]);
    const groups = (await carla.get('/v1/groups')).body.items as { id: string; name: string }[];
    const team = groups[0]!;
    const saved = await carla.put<StarterSettings>('/v1/conversation-starters', {
      questions: [{ text: 'Wat heb je onlangs geleerd?' }],
      rhythm: { kind: 'days', every: 3, time: '09:00', from: '2026-01-01' },
      groupId: team.id,
      enabled: true,
    });
    expect(saved.body.next?.at).toBe('2026-01-28T08:00:00.000Z');
    const asked = await carla.post<{ postId: string }>('/v1/conversation-starters/ask-now');
    expect(asked.status).toBe(201);
    const post = (await carla.get<PostView>(`/v1/posts/${asked.body.postId}`)).body;
    expect(post).toMatchObject({ body: 'Wat heb je onlangs geleerd?', groupId: team.id, conversationStarter: true });
    expect((await bram.post('/v1/conversation-starters/ask-now')).status).toBe(403);
    const refused = await carla.put('/v1/conversation-starters', { questions: [{ text: '   ' }], rhythm: { kind: 'weekly', weekday: 8, time: '25:00' }, groupId: null, enabled: true });
    expect(refused.status).toBe(400);
  });
});

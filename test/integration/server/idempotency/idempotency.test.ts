import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFingerprint } from '../../../../server/src/idempotency/store.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('Idempotency-Key (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram] = await Promise.all([s.login('1001'), s.login('1002')]);
  });
  afterAll(() => s?.close());

  /** A claim as a request still running (or one whose node died) leaves it in the database. */
  const claimInProgress = async (key: string, createdAt: Date, requestHash = 'another request') => {
    const me = (await anna.get('/v1/me')).body.person.id;
    await s.db.kysely
      .insertInto('idempotency_keys')
      .values({
        tenant_id: s.tenants.demo!,
        principal: `person:${me}`,
        key,
        request_hash: requestHash,
        state: 'in_progress',
        status: null,
        response: null,
        created_at: createdAt.toISOString(),
      })
      .execute();
  };

  const countBody = async (body: string) =>
    Number((await s.db.kysely.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).where('body', '=', body).executeTakeFirstOrThrow()).n);

  it('writes one post for 20 concurrent repeats of one key', async () => {
    const body = 'Twintig keer verstuurd, één keer geplaatst';
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => anna.post('/v1/posts', { body }, { 'idempotency-key': 'key-twenty' })),
    );
    expect(await countBody(body)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    const busy = answers.filter((a) => a.status === 409);
    expect(created.length + busy.length).toBe(20);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const b of busy) expect(b.body.error.code).toBe('idempotency_in_progress');
  });

  it('replays the first answer for a repeat after completion', async () => {
    const first = await anna.post('/v1/posts', { body: 'Eén keer' }, { 'idempotency-key': 'key-replay' });
    const second = await anna.post('/v1/posts', { body: 'Eén keer' }, { 'idempotency-key': 'key-replay' });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await countBody('Eén keer')).toBe(1);
  });

  it('refuses the same key with a different body (422)', async () => {
    await anna.post('/v1/posts', { body: 'Eerste versie' }, { 'idempotency-key': 'key-changed' });
    const res = await anna.post('/v1/posts', { body: 'Andere versie' }, { 'idempotency-key': 'key-changed' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency_key_reused');
    expect(await countBody('Andere versie')).toBe(0);
  });

  it('says 409 while the first request with the key is still in progress', async () => {
    await claimInProgress('key-busy', new Date(), requestFingerprint('POST', '/v1/posts', { body: 'Wacht even' }));
    const res = await anna.post('/v1/posts', { body: 'Wacht even' }, { 'idempotency-key': 'key-busy' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency_in_progress');
  });

  it('lets a key be used again when its first request was abandoned mid-way (a node died)', async () => {
    await claimInProgress('key-abandoned', new Date(Date.now() - 10 * 60_000));
    const res = await anna.post('/v1/posts', { body: 'Na een crash opnieuw verstuurd' }, { 'idempotency-key': 'key-abandoned' });
    expect(res.status).toBe(201);
  });

  it('scopes keys to the person: Bram may use the key Anna used', async () => {
    await anna.post('/v1/posts', { body: 'Van Anna' }, { 'idempotency-key': 'shared-key' });
    const res = await bram.post('/v1/posts', { body: 'Van Bram' }, { 'idempotency-key': 'shared-key' });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe('Van Bram');
  });

  it('also makes a repeated like, comment and delete harmless', async () => {
    const post = await bram.post('/v1/posts', { body: 'Reageer maar' });
    const comment = { body: 'Eén reactie' };
    await Promise.all([1, 2, 3].map(() => anna.post(`/v1/posts/${post.body.id}/comments`, comment, { 'idempotency-key': 'c1' })));
    expect((await anna.get(`/v1/posts/${post.body.id}`)).body.commentCount).toBe(1);
    const del1 = await bram.delete(`/v1/posts/${post.body.id}`, { 'idempotency-key': 'd1' });
    const del2 = await bram.delete(`/v1/posts/${post.body.id}`, { 'idempotency-key': 'd1' });
    expect(del1.status).toBe(200);
    expect(del2.status).toBe(200);
  });
});

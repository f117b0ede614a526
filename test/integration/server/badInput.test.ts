import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('bad input is refused cleanly (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    anna = await s.login('1001');
  });
  afterAll(() => s?.close());

  const postCount = async () =>
    Number((await s.db.kysely.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('answers malformed JSON with bad_json and writes nothing', async () => {
    const before = await postCount();
    for (const raw of ['{"body": "half', '{body: 1}', 'null', '', '{"__proto__": {"admin": true}, "body": "x"}']) {
      const res = await anna.request('POST', '/v1/posts', { raw });
      expect(res.status, raw).toBe(400);
      expect(['bad_json', 'validation']).toContain(res.body.error.code);
      expect(typeof res.body.error.message).toBe('string');
    }
    expect(await postCount()).toBe(before);
  });

  it('names the wrong fields for wrong types and unknown fields', async () => {
    const wrongType = await anna.post('/v1/posts', { body: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.code).toBe('validation');
    expect(wrongType.body.error.fields[0].path).toBe('body.body');
    const unknown = await anna.post('/v1/posts', { body: 'hallo', admin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('validation');
    const empty = await anna.post('/v1/posts', { body: '   ' });
    expect(empty.status).toBe(400);
    const badId = await anna.get('/v1/posts/not-a-uuid');
    expect(badId.status).toBe(404);
    const badLimit = await anna.get('/v1/posts?limit=100000');
    expect(badLimit.status).toBe(400);
  });

  it('refuses a body over the size limit with too_large', async () => {
    const res = await anna.request('POST', '/v1/posts', { raw: JSON.stringify({ body: 'x'.repeat(400_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
    const long = await anna.post('/v1/posts', { body: 'x'.repeat(10_001) });
    expect(long.status).toBe(400);
  });

  it('refuses an unsupported content type', async () => {
    const res = await anna.request('POST', '/v1/posts', { raw: 'body=hallo', contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('stores SQL and HTML in text literally, as text', async () => {
    const nasty = "Robert'); DROP TABLE posts;-- <script>alert(1)</script> <img src=x onerror=alert(1)>";
    const created = await anna.post('/v1/posts', { body: nasty });
    expect(created.status).toBe(201);
    const read = await anna.get(`/v1/posts/${created.body.id}`);
    expect(read.body.body).toBe(nasty);
    const search = await anna.get(`/v1/people?q=${encodeURIComponent("' OR 1=1 --")}`);
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([]);
  });

  it('refuses invisible control characters that databases cannot store', async () => {
    const res = await anna.post('/v1/posts', { body: 'hallo\u0000wereld' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
  });

  it('answers unknown routes with a JSON not_found', async () => {
    const res = await anna.get('/v1/bestaat-niet');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('keeps serving after all of the above', async () => {
    expect((await s.client().get('/health')).body.status).toBe('ok');
  });
});

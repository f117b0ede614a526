import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../common/src/api/routes.js';
import { startTestServer, testDialects, type TestServer } from '../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('operations (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s?.close());

  it('answers /health for load balancers with the database it checked', async () => {
    const res = await s.client().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: dialect });
  });

  it("says on a signed-in person's answers, errors included, how long the node took, within what the client waited", async () => {
    const me = await s.login('1001');
    for (const send of [() => me.get('/v1/posts?limit=5'), () => me.post('/v1/posts', { body: '' }), () => s.client().get('/v1/me')]) {
      const started = performance.now();
      const res = await send();
      const waited = performance.now() - started;
      const timing = /^app;dur=(\d+\.\d)$/.exec(res.headers.get('server-timing') ?? '');
      expect(timing, `${res.status}: ${res.headers.get('server-timing')}`).not.toBeNull();
      expect(Number(timing![1])).toBeLessThanOrEqual(waited);
    }
  });

  it('gives no timing on the answers by which someone proves who they are', async () => {
    const wrong = await s.client().post('/v1/auth/password', { employeeNumber: '999999', password: 'fout-wachtwoord' });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.headers.get('server-timing')).toBeNull();
  });

  it('describes every route in /v1/openapi.json from the shared schemas', async () => {
    const res = await s.client().get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const route of Object.values(routes)) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(res.body.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
    const create = res.body.paths['/v1/posts'].post;
    expect(create.requestBody.content['application/json'].schema.properties.body.maxLength).toBe(10000);
    expect(create.parameters.some((p: { name: string }) => p.name === 'Idempotency-Key')).toBe(true);
  });
});

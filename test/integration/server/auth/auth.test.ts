import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('logging in and out (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s?.close());

  it('gives Anna a token and her person record for the right password', async () => {
    const res = await s.client().post('/v1/auth/password', { employeeNumber: '1001', password: 'welkom-anna' });
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ name: 'Anna de Vries', handle: 'anna.devries' });
    expect(res.body.person).not.toHaveProperty('passwordHash');
    expect(res.body.organisation.slug).toBe('demo');
    const me = await s.client(res.body.token).get('/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.person.name).toBe('Anna de Vries');
  });

  it('answers a wrong password and an unknown employee number alike', async () => {
    const wrong = await s.client().post('/v1/auth/password', { employeeNumber: '1001', password: 'fout' });
    const unknown = await s.client().post('/v1/auth/password', { employeeNumber: '999999', password: 'fout' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('writes every login attempt to the audit log with its result', async () => {
    await s.client().post('/v1/auth/password', { employeeNumber: '1002', password: 'nope' });
    await s.login('1002');
    const rows = await s.db.kysely
      .selectFrom('auth_events')
      .innerJoin('people', (j) => j.onRef('people.id', '=', 'auth_events.person_id').onRef('people.tenant_id', '=', 'auth_events.tenant_id'))
      .select(['auth_events.action', 'auth_events.result', 'auth_events.at'])
      .where('people.employee_number', '=', '1002')
      .orderBy('auth_events.at')
      .execute();
    expect(rows.map((r) => `${r.action}:${r.result}`)).toEqual(['login_password:wrong_secret', 'login_password:ok']);
  });

  it('refuses requests without a token, with a garbled token and after logout', async () => {
    expect((await s.client().get('/v1/me')).body.error.code).toBe('unauthenticated');
    expect((await s.client('not-a-token').get('/v1/me')).status).toBe(401);
    const eva = await s.login('1005');
    expect((await eva.post('/v1/auth/logout')).status).toBe(200);
    const after = await eva.get('/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('answers each of many requests at once as its own session, and refuses the one logged out a moment before', async () => {
    const people = { '1001': 'Anna de Vries', '1002': 'Bram Jansen', '1003': 'Carla Smit', '1005': 'Eva Visser' } as const;
    const sessions = await Promise.all(Object.keys(people).map(async (n) => ({ n, client: await s.login(n) })));
    const gone = await s.login('1004');
    expect((await gone.post('/v1/auth/logout')).status).toBe(200);
    // Requests that arrive together share their session lookups; none may get another's answer.
    const asked = Array.from({ length: 60 }, (_, i) => (i % 5 === 4 ? { n: '1004', client: gone } : sessions[i % 5]!));
    const answers = await Promise.all(asked.map(async ({ n, client }) => ({ n, res: await client.get('/v1/me') })));
    for (const { n, res } of answers) {
      if (n === '1004') expect(res.status).toBe(401);
      else expect(res.body.person.name).toBe(people[n as keyof typeof people]);
    }
  });

  it('tells an expired session apart so the client can ask to log in again', async () => {
    const carla = await s.login('1003');
    await s.db.kysely.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('revoked_at', 'is', null).execute();
    const res = await carla.get('/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('token_expired');
  });

  it('slows down guessing: after 10 wrong passwords for one employee number, even the right one waits', async () => {
    const tries = [];
    for (let i = 0; i < 10; i++) tries.push(await s.client().post('/v1/auth/password', { employeeNumber: '1004', password: `guess-${i}` }));
    expect(tries.every((r) => r.status === 401)).toBe(true);
    const right = await s.client().post('/v1/auth/password', { employeeNumber: '1004', password: 'welkom-daan' });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('rate_limited');
    const other = await s.client().post('/v1/auth/password', { employeeNumber: '1005', password: 'welkom-eva' });
    expect(other.status).toBe(200);
  });
});

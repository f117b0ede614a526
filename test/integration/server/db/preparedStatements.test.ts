import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../../server/src/auth/principal.js';
import { visiblePost } from '../../../../server/src/timeline/queries.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, workstationPrincipal, type TestServer } from '../../../fixtures/testServer.js';

const onPostgres = (await testDialects()).includes('postgres');

describe.runIf(onPostgres)('prepared statements on the hot path (postgres)', () => {
  let s: TestServer;
  let bram: TestClient;
  let anna: Principal;

  beforeAll(async () => {
    s = await startTestServer('postgres');
    bram = await s.login('1002');
    anna = await workstationPrincipal(s, '1001');
  });
  afterAll(async () => {
    await s?.close();
  });

  const preparedOnThisConnection = (k: Parameters<typeof visiblePost>[0]) =>
    sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements where name like 'samen_%'`.execute(k).then((r) => r.rows);

  it('plans the read of a post once on a connection, and keeps using that plan', async () => {
    const post = await bram.post('/v1/posts', { body: 'De lift in gebouw B doet het weer.' });
    await s.db.kysely.connection().execute(async (k) => {
      expect((await visiblePost(k, anna, post.body.id)).body).toBe('De lift in gebouw B doet het weer.');
      const prepared = await preparedOnThisConnection(k);
      expect(prepared.filter((p) => p.statement.includes('from "posts"'))).toHaveLength(1);
      // Asked again, for another post: the same statement, not a second one.
      const other = await bram.post('/v1/posts', { body: 'Parkeerplaats P2 is morgen dicht.' });
      expect((await visiblePost(k, anna, other.body.id)).body).toBe('Parkeerplaats P2 is morgen dicht.');
      expect(await preparedOnThisConnection(k)).toEqual(prepared);
    });
  });

  it('keeps answering when a migration adds a column to posts while the node runs', async () => {
    const post = await bram.post('/v1/posts', { body: 'Nieuwe roosters hangen bij de balie.' });
    await s.db.kysely.connection().execute(async (k) => {
      await visiblePost(k, anna, post.body.id);
      await sql`alter table posts add column rolling_deploy_test text`.execute(k);
      try {
        // With `select *` PostgreSQL refuses the prepared plan: "cached plan must not change result type".
        expect((await visiblePost(k, anna, post.body.id)).body).toBe('Nieuwe roosters hangen bij de balie.');
      } finally {
        await sql`alter table posts drop column rolling_deploy_test`.execute(k);
      }
    });
  });

  it('still hides a private group’s post from outsiders, prepared as it is', async () => {
    const group = await bram.post('/v1/groups', { kind: 'informal', name: 'Fietsclub De Trappers', visibility: 'private' });
    expect(group.status).toBe(201);
    const post = await bram.post('/v1/posts', { body: 'Zaterdag om negen uur bij de fietsenstalling.', groupId: group.body.id });
    expect(post.status).toBe(201);
    await expect(visiblePost(s.db.kysely, anna, post.body.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type BuiltServer } from '../../../../server/src/app.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { ANALYSIS_VERSION } from '../../../../server/src/search/indexer.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { TestClient } from '../../../fixtures/apiClient.js';
import { DEMO_PASSWORDS, openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const upTo = (name: string) => migrations.slice(0, migrations.findIndex((m) => m.name === name) + 1);

describe.each(dialects)('migrations 0006_knowledge_base and 0007_search (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('add an empty knowledge base beside an organisation’s data, and make what was there searchable once 0007 runs', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    await migrateToLatest(fresh.db, upTo('0005_audit_targets'));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 8, employees: 50, slug: 'bestaand', images: false, knowledgeBase: false });
    const postsBefore = await k.selectFrom('posts').select(['id', 'body']).where('tenant_id', '=', tenantId).orderBy('id').execute();

    expect(await migrateToLatest(fresh.db, upTo('0006_knowledge_base'))).toEqual(['0006_knowledge_base']);
    expect(await k.selectFrom('kb_pages').selectAll().execute()).toEqual([]);
    // An editor writes a page between the two migrations, as a server of that version would.
    const carla = await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('employee_number', '=', '1003').executeTakeFirstOrThrow();
    const at = '2030-01-01T08:00:00.000Z';
    await k
      .insertInto('kb_pages')
      .values({ tenant_id: tenantId, id: '01900000-0000-7000-8000-00000000aaaa', section_id: null, title: 'Sleutelkluis Noordvleugel', body: '## Code\nDe code staat bij de receptie.', position: 0, owner_id: carla.id, review_date: '2031-01-01', review_noticed_for: null, version: 1, created_at: at, updated_at: at, updated_by: carla.id })
      .execute();

    expect(await migrateToLatest(fresh.db, upTo('0007_search'))).toEqual(['0007_search']);
    expect(await k.selectFrom('posts').select(['id', 'body']).where('tenant_id', '=', tenantId).orderBy('id').execute()).toEqual(postsBefore);
    expect(await k.selectFrom('search_state').selectAll().execute()).toEqual([]);

    // The migrated database's first server builds the index from what is there.
    const server: BuiltServer = await buildServer({ db: fresh.db });
    cleanup.push(() => server.close());
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const anna = await new TestClient(url).login('1001', DEMO_PASSWORDS['1001']!);
    const page = await anna.call('search', { query: { q: 'sleutelkluis noordvleugel' } });
    expect(page.body.results[0]).toMatchObject({ kind: 'page', title: 'Sleutelkluis Noordvleugel' });
    const word = postsBefore[0]!.body.split(/\s+/).find((w) => /^[a-z]{7,}$/.test(w))!;
    const posts = await anna.call('search', { query: { q: word, limit: 50 } });
    expect(posts.body.results.some((r) => r.kind === 'post')).toBe(true);
    const state = await k.selectFrom('search_state').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    expect(state.analysis_version).toBe(ANALYSIS_VERSION);
    expect(Number(state.doc_count)).toBe(Number((await k.selectFrom('search_docs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
  });
});

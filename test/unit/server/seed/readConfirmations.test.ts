import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { DEMO_PEOPLE, ensureDemoOrganisation } from '../../../../server/src/seed/index.js';

const ANCHOR = new Date('2025-03-03T00:00:00.000Z');

describe('the demo organisation’s read confirmations and view counts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-seed-reads-'));
  let db: Db;
  let tenantId: string;
  beforeAll(async () => {
    db = openDatabase({ dataDir: dir });
    await migrateToLatest(db);
    ({ tenantId } = await ensureDemoOrganisation(db, { anchor: ANCHOR }));
  }, 120_000);
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has two announcements "lezen verplicht", each confirmed by part of its audience, counters matching', async () => {
    const k = db.kysely;
    const required = await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).where('read_requirement', 'is not', null).execute();
    expect(required).toHaveLength(2);
    for (const post of required) {
      const confirmed = await k.selectFrom('read_receipts').select('person_id').where('post_id', '=', post.id).where('confirmed_at', 'is not', null).execute();
      expect(Number(post.read_confirmed_count)).toBe(confirmed.length);
      expect(confirmed.length).toBeGreaterThan(5);
      const audience = JSON.parse(post.read_requirement!).audience.everyone
        ? await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('active', '=', 1).execute()
        : await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('active', '=', 1).where('department_id', 'in', JSON.parse(post.read_requirement!).audience.departmentIds).execute();
      expect(confirmed.length).toBeLessThan(audience.length);
    }
  });

  it('lets the fixed demo people go straight to the timeline: they confirmed, and their devices are told', async () => {
    const k = db.kysely;
    const ids = (await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('employee_number', 'in', DEMO_PEOPLE.map((p) => p.employeeNumber)).execute()).map((r) => r.id);
    const required = await k.selectFrom('posts').select(['id', 'read_requirement']).where('tenant_id', '=', tenantId).where('read_requirement', 'is not', null).execute();
    const everyone = required.find((p) => JSON.parse(p.read_requirement!).audience.everyone)!;
    for (const id of ids) {
      const receipt = await k.selectFrom('read_receipts').selectAll().where('post_id', '=', everyone.id).where('person_id', '=', id).executeTakeFirstOrThrow();
      expect(receipt.confirmed_at).not.toBeNull();
      const told = await k.selectFrom('changes').select('scope').where('entity', '=', 'readReceipt').where('entity_id', '=', `${everyone.id}:${id}`).executeTakeFirstOrThrow();
      expect(told.scope).toBe(`person:${id}`);
    }
  });

  it('counts unique viewers of recent organisation posts, each viewer once', async () => {
    const k = db.kysely;
    const viewed = await k.selectFrom('posts').select(['id', 'view_count']).where('tenant_id', '=', tenantId).where('view_count', '>', 0).execute();
    expect(viewed.length).toBeGreaterThan(10);
    for (const post of viewed.slice(0, 5)) {
      const rows = await k.selectFrom('post_views').select('person_id').where('post_id', '=', post.id).execute();
      expect(new Set(rows.map((r) => r.person_id)).size).toBe(Number(post.view_count));
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('migration 0005_audit_targets (%s)', (dialect) => {
  let dispose: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await dispose?.();
    dispose = null;
  });

  it('moves a revoked device to the target of its entry and names an enrolled one, leaving every other entry as it was', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    dispose = fresh.dispose;
    const index = migrations.findIndex((m) => m.name === '0005_audit_targets');
    await migrateToLatest(fresh.db, migrations.slice(0, index));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 6, employees: 50, slug: 'bestaand', images: false, knowledgeBase: false });
    const admin = '0190a000-0000-7000-8000-000000000001';
    const ward = '0190a000-0000-7000-8000-0000000000aa';
    const kiosk = '0190a000-0000-7000-8000-0000000000bb';
    const entry = (id: string, action: string, person: string | null, device: string | null) => ({
      tenant_id: tenantId,
      id: `0190a000-0000-7000-8000-00000000010${id}`,
      at: `2029-05-0${id}T10:00:00.000Z`,
      person_id: person,
      device_id: device,
      action,
      result: 'ok',
      detail: null,
    });
    await fresh.db.kysely
      .insertInto('auth_events')
      .values([entry('1', 'login_password', admin, null), entry('2', 'device_enrolled', null, kiosk), entry('3', 'login_pin', admin, ward), entry('4', 'device_revoked', admin, kiosk)])
      .execute();

    await migrateToLatest(fresh.db, migrations.slice(0, index + 1));

    const rows = await fresh.db.kysely.selectFrom('auth_events').select(['action', 'person_id', 'device_id', 'target', 'at']).where('tenant_id', '=', tenantId).orderBy('at').execute();
    expect(rows.map(({ at: _at, ...r }) => r)).toEqual([
      { action: 'login_password', person_id: admin, device_id: null, target: null },
      { action: 'device_enrolled', person_id: null, device_id: kiosk, target: `device:${kiosk}` },
      { action: 'login_pin', person_id: admin, device_id: ward, target: null },
      { action: 'device_revoked', person_id: admin, device_id: null, target: `device:${kiosk}` },
    ]);
    const aboutKiosk = await fresh.db.kysely.selectFrom('auth_events').select('action').where('tenant_id', '=', tenantId).where('target', '=', `device:${kiosk}`).orderBy('at').execute();
    expect(aboutKiosk.map((r) => r.action)).toEqual(['device_enrolled', 'device_revoked']);
  });
});

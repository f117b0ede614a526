import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type BuiltServer } from '../../../../server/src/app.js';
import { reserveDeviceAttempt } from '../../../../server/src/auth/deviceSuspension.js';
import { reserveNumberAttempt } from '../../../../server/src/auth/pinLockout.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { migrations } from '../../../../server/src/db/migrations/index.js';
import { seedOrganisation } from '../../../../server/src/seed/index.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('migration 0003_login_throttles (%s)', (dialect) => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it('keeps the PIN locks and counts that were running, and starts every number and device with a clean slate for escalation and suspension', async () => {
    const fresh = await openTestDatabase(dialect, { migrate: false });
    cleanup.push(fresh.dispose);
    const k = fresh.db.kysely;
    const index = migrations.findIndex((m) => m.name === '0003_login_throttles');
    await migrateToLatest(fresh.db, migrations.slice(0, index));
    const { tenantId } = await seedOrganisation(fresh.db, { seed: 6, employees: 50, slug: 'bestaand', images: false, knowledgeBase: false });
    // A ward PC, a number locked until 08:15 and one with 3 wrong PINs, as 0002 stored them.
    await k
      .insertInto('devices')
      .values({ tenant_id: tenantId, id: '01900000-0000-7000-8000-000000000001', name: 'PC 2A', mode: 'shared', token_hash: 'h', created_at: '2030-01-01T07:00:00.000Z', last_seen_at: null, revoked_at: null })
      .execute();
    await k
      .insertInto('pin_lockouts')
      .values([
        { tenant_id: tenantId, employee_number: '1001', failures: 0, last_failure_at: '2030-01-01T08:00:00.000Z', locked_until: '2030-01-01T08:15:00.000Z' },
        { tenant_id: tenantId, employee_number: '1002', failures: 3, last_failure_at: '2030-01-01T07:59:00.000Z', locked_until: null },
      ])
      .execute();
    const peopleBefore = await k.selectFrom('people').select('id').orderBy('id').execute();

    expect(await migrateToLatest(fresh.db, migrations.slice(0, index + 1))).toEqual(['0003_login_throttles']);
    expect(await k.selectFrom('people').select('id').orderBy('id').execute()).toEqual(peopleBefore);
    const rows = await k.selectFrom('pin_lockouts').select(['employee_number', 'failures', 'locked_until', 'lockouts']).orderBy('employee_number').execute();
    expect(rows).toEqual([
      { employee_number: '1001', failures: 0, locked_until: '2030-01-01T08:15:00.000Z', lockouts: 0 },
      { employee_number: '1002', failures: 3, locked_until: null, lockouts: 0 },
    ]);
    expect(await k.selectFrom('device_pin_throttles').selectAll().execute()).toEqual([]);
    expect(await k.selectFrom('device_pin_attempts').selectAll().execute()).toEqual([]);

    // The migrated database serves the new throttles at once: the old lock still holds, the old count goes on.
    const server: BuiltServer = await buildServer({ db: fresh.db, now: () => new Date('2030-01-01T08:05:00.000Z'), options: { pinLockoutSeconds: 900 } });
    cleanup.push(() => server.close());
    expect(await reserveNumberAttempt(server.ctx, tenantId, '1001')).toMatchObject({ allowed: false, lockedUntil: new Date('2030-01-01T08:15:00.000Z') });
    expect(await reserveNumberAttempt(server.ctx, tenantId, '1002')).toMatchObject({ allowed: true, state: { failures: 4 } });
    expect(await reserveDeviceAttempt(server.ctx, tenantId, '01900000-0000-7000-8000-000000000001', '1002')).toMatchObject({ allowed: true });
  });
});

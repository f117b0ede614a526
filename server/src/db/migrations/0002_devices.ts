import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The organisation's settings at the time of this migration. Written out here rather than imported:
 * a released migration must do the same thing forever, whatever later code calls the defaults.
 */
const SETTINGS_0002 = JSON.stringify({
  sharedIdleSeconds: 120,
  workstationIdleSeconds: 900,
  kioskIdleSeconds: 45,
  pinOnFirstTapOfDay: true,
  pinAfterHours: 12,
});

/**
 * Quick login on shared ward PCs: enrolled devices and their one-time enrolment codes, sessions bound
 * to a device (and delivery grants), the PIN policy's state per person and the PIN lockout per
 * employee number, and the organisation's settings for all of it.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  const s = db.schema;

  await s
    .alterTable('organisations')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo(SETTINGS_0002))
    .execute();

  await s.alterTable('people').addColumn('last_pin_at', 'text').execute();

  await s
    .alterTable('sessions')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('session'))
    .execute();
  await s.createIndex('sessions_device_idx').on('sessions').columns(['tenant_id', 'device_id']).execute();

  await s
    .createTable('devices')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('devices_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('devices_token_uq', ['tenant_id', 'token_hash'])
    .execute();

  await s
    .createTable('enrolment_codes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .addPrimaryKeyConstraint('enrolment_codes_pk', ['tenant_id', 'code_hash'])
    .execute();

  await s
    .createTable('pin_lockouts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('employee_number', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text')
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('pin_lockouts_pk', ['tenant_id', 'employee_number'])
    .execute();

  // The admin's audit view: newest first for the organisation, and per device.
  await s.createIndex('auth_events_time_idx').on('auth_events').columns(['tenant_id', 'at', 'id']).execute();
  await s.createIndex('auth_events_device_idx').on('auth_events').columns(['tenant_id', 'device_id', 'at']).execute();
}

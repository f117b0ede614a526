import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Login throttles that hold under concurrency: the PIN lockout remembers how many times an employee
 * number was locked (each lock lasts longer), and a device that guesses PINs across employee numbers
 * is counted per clock hour and can be suspended for PIN entry.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  const s = db.schema;

  // Locks so far in the current run; numbers locked before this migration start their run at 0.
  await s
    .alterTable('pin_lockouts')
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // One row per device that ever had a PIN entered: its suspension, and the row every PIN attempt of
  // the device locks first, so the attempts of one device are decided one at a time.
  await s
    .createTable('device_pin_throttles')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('suspended_at', 'text')
    .addColumn('suspended_until', 'text')
    .addPrimaryKeyConstraint('device_pin_throttles_pk', ['tenant_id', 'device_id'])
    .execute();

  // PIN attempts a device made for each employee number in one clock hour (wrong, or still being checked).
  await s
    .createTable('device_pin_attempts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('employee_number', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_pin_attempts_pk', ['tenant_id', 'device_id', 'window_start', 'employee_number'])
    .execute();
}

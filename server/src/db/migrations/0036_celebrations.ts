import type { Kysely } from 'kysely';

/**
 * Birthdays and work anniversaries on the kiosk. A birthday is month and day only ("MM-DD"): no year,
 * so nobody's age is stored. The hire date is when her employment started ("YYYY-MM-DD"). Each person
 * may keep her birthday off the kiosk (`birthday_hidden`). Whether an organisation shows either at all
 * is an organisation setting (`celebrateBirthdays`, `celebrateAnniversaries` in `settings`, off unless
 * set), which needs no column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('birthday', 'text').execute();
  await db.schema.alterTable('people').addColumn('hire_date', 'text').execute();
  await db.schema.alterTable('people').addColumn('birthday_hidden', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Statistics for communications staff. Activity is counted into rollups as it arrives (per Amsterdam
 * day and hour, location and department), so the dashboard reads small tables. The individual events
 * and who was present when (needed to count different people once) are kept only for the
 * organisation's `statsRetentionDays`; the rollups hold counts, never a person.
 *
 * `location_key` and `department_key` are '' for a person without one, so they can be in a key.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;

  await s
    .createTable('stats_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('device_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('seconds', 'integer')
    .addPrimaryKeyConstraint('stats_events_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('stats_events_at_idx').on('stats_events').columns(['tenant_id', 'at']).execute();

  // Who was active in a scope ('day', 'week', 'month', 'hour:14', 'device:kiosk', 'bucket:5to15m',
  // 'post_view:post:<id>'…) on a day (for a week its Monday, for a month its first day).
  await s
    .createTable('stats_presence')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_presence_pk', ['tenant_id', 'day', 'scope', 'person_id'])
    .modifyEnd(compact)
    .execute();

  // How many different people were active in a scope on a day, per location and department.
  await s
    .createTable('stats_people')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('location_key', 'text', (c) => c.notNull())
    .addColumn('department_key', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_people_pk', ['tenant_id', 'scope', 'day', 'location_key', 'department_key'])
    .modifyEnd(compact)
    .execute();

  // All activity per hour: the heatmap.
  await s
    .createTable('stats_hourly')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('location_key', 'text', (c) => c.notNull())
    .addColumn('department_key', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_hourly_pk', ['tenant_id', 'day', 'hour', 'location_key', 'department_key'])
    .modifyEnd(compact)
    .execute();

  // Per day and kind: sessions by device and length, and everything else by kind.
  await s
    .createTable('stats_daily')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('device_kind', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('location_key', 'text', (c) => c.notNull())
    .addColumn('department_key', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('seconds', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_daily_pk', ['tenant_id', 'day', 'kind', 'device_kind', 'bucket', 'location_key', 'department_key'])
    .modifyEnd(compact)
    .execute();

  // Per day, what happened to one post or group (or mailing): counts, time spent and different people.
  await s
    .createTable('stats_subjects')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('seconds', 'bigint', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_subjects_pk', ['tenant_id', 'day', 'kind', 'subject_type', 'subject_id'])
    .modifyEnd(compact)
    .execute();
}

import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The statistics' rollups once more, for the whole organisation: without location and department.
 * A dashboard shown for everyone (its default) otherwise sums a row per location and department for
 * every day and hour, some 400 combinations in a large organisation, so that its heatmap read a third
 * of a million rows over two 90-day periods. Filled from the existing rollups, so nothing counted
 * before is lost; from here on every fold adds to both.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;

  await s
    .createTable('stats_org_people')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_org_people_pk', ['tenant_id', 'scope', 'day'])
    .modifyEnd(compact)
    .execute();
  await s
    .createTable('stats_org_hourly')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_org_hourly_pk', ['tenant_id', 'day', 'hour'])
    .modifyEnd(compact)
    .execute();
  await s
    .createTable('stats_org_daily')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('device_kind', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('seconds', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_org_daily_pk', ['tenant_id', 'day', 'kind', 'device_kind', 'bucket'])
    .modifyEnd(compact)
    .execute();

  await sql`INSERT INTO stats_org_people (tenant_id, scope, day, people)
            SELECT tenant_id, scope, day, sum(people) FROM stats_people GROUP BY tenant_id, scope, day`.execute(db);
  await sql`INSERT INTO stats_org_hourly (tenant_id, day, hour, count)
            SELECT tenant_id, day, hour, sum(count) FROM stats_hourly GROUP BY tenant_id, day, hour`.execute(db);
  await sql`INSERT INTO stats_org_daily (tenant_id, day, kind, device_kind, bucket, count, seconds)
            SELECT tenant_id, day, kind, device_kind, bucket, sum(count), sum(seconds) FROM stats_daily GROUP BY tenant_id, day, kind, device_kind, bucket`.execute(db);
}

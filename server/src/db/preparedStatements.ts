import { createHash } from 'node:crypto';
import type { CompiledQuery, Kysely, PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult, QueryResult } from 'kysely';
import type pg from 'pg';

/**
 * The statements of the hottest requests (a like at the start of a shift, and the read of the post
 * it needs) as named prepared statements on PostgreSQL: each connection parses them once, and after
 * a few calls PostgreSQL keeps one generic plan instead of planning at every call. Measured with pg_stat_statements under the write benchmark, planning took
 * as long as executing: 0.34 ms to plan the post's visibility read against 0.04 ms to run it.
 *
 * Only texts that went through `executePrepared` are prepared, and only a bounded number of them: a
 * prepared statement lives as long as its connection, so a text that changes with its input (a list
 * of ids) must not be one. Statements prepared this way name their columns (never `select *`): a
 * migration that adds a column while this node runs would otherwise fail them with "cached plan must
 * not change result type". Behind PgBouncer in transaction mode this needs PgBouncer 1.21 or later
 * with `max_prepared_statements` set (docs/architecture.md).
 */
const MAX_PREPARED_TEXTS = 64;
const preparedTexts = new Map<string, string>();

/** Runs `compiled` as a prepared statement where the database is PostgreSQL; elsewhere as any query. */
export function executePrepared<DB, R>(k: Kysely<DB>, compiled: CompiledQuery<R>): Promise<QueryResult<R>> {
  if (!preparedTexts.has(compiled.sql) && preparedTexts.size < MAX_PREPARED_TEXTS) {
    preparedTexts.set(compiled.sql, `samen_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 24)}`);
  }
  return k.executeQuery(compiled);
}

/**
 * The pool as Kysely's PostgreSQL dialect sees it: the same clients, each answering a text marked by
 * `executePrepared` with its named statement. One wrapper per client, as Kysely keys its connections
 * by the client object.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = preparingClient(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(first: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof first !== 'string') return client.query(first as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    const name = preparedTexts.get(first);
    const values = [...(parameters ?? [])];
    return (name ? client.query({ name, text: first, values }) : client.query(first, values)) as unknown as Promise<PostgresQueryResult<R>>;
  }
  return { query, release: (destroy?: boolean) => client.release(destroy) };
}

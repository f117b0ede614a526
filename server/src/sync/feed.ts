import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { EntityName } from '../../../common/src/api/sync.js';
import type { ServerContext } from '../context.js';
import { createBatchedRead } from '../db/batchedReads.js';
import type { DialectName } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { concernedBy } from './concerned.js';
import { numberCommittedChanges } from './numbering.js';

/** Who may read a change: everyone, the members of a private group, one person, or one person's copy of a group's history. */
export type Scope = 'org' | `group:${string}` | `person:${string}` | `history:${string}`;

export interface ChangeCollector {
  /** Records that `entity/id` changed; visible to everyone in `scope`. The last record of an entity wins. */
  add(entity: EntityName, id: string, op: 'upsert' | 'delete', scope: Scope): void;
}

export type Trx = Transaction<Database>;

/** What a write needs of the server: the database, the clock, and the hub that tells the streams. */
export type FeedContext = Pick<ServerContext, 'db' | 'k' | 'now' | 'realtime' | 'onNumberingFailed'>;

/**
 * Runs one write: the caller's statements and the change-feed rows commit together or not at all.
 *
 * Seqs come from a per-tenant row (`tenant_seq`) whose lock is held until the numbers commit, so no
 * reader can see seq 11 before 10. On SQLite, with one writer at a time, a write numbers its changes
 * at insert. On PostgreSQL a write commits them provisional, without the lock, and then waits for a
 * numbering that serves every write committed meanwhile (`sync/numbering.ts`, migration 0030): commits
 * of one organisation no longer queue behind each other's flush. When `write` returns, its changes are
 * in the feed, and the hub announces the newest seq to connected clients; should that numbering fail,
 * the write still succeeds and the leftover sweep numbers and announces its changes.
 */
export async function write<T>(
  ctx: FeedContext,
  tenantId: string,
  work: (trx: Trx, changes: ChangeCollector) => Promise<T>,
): Promise<T> {
  const recorded = new Map<string, Change>();
  const collector: ChangeCollector = {
    add(entity, id, op, scope) {
      const key = `${entity}\u0000${id}\u0000${scope}`;
      recorded.delete(key);
      recorded.set(key, { entity, id, op, scope });
    },
  };
  let lastSeq = 0;
  const result = await ctx.k.transaction().execute(async (trx) => {
    const value = await work(trx, collector);
    if (recorded.size > 0) lastSeq = await appendChanges(trx, ctx.db.dialect, tenantId, [...recorded.values()], ctx.now());
    return value;
  });
  await announceWrite(ctx, tenantId, [...recorded.values()], lastSeq);
  return result;
}

/** One change a write records. */
export type Change = { entity: EntityName; id: string; op: 'upsert' | 'delete'; scope: Scope };

/** What a one-statement write records: its changes, and the CTE whose rows say the write happened. */
export interface OneStatementWrite {
  changes: readonly Change[];
  whenAnyRowIn: string;
}

/**
 * A write that PostgreSQL makes in one statement, its changes included (`writeOne`): no BEGIN and
 * COMMIT round trips, and a pool connection held for one statement instead of half a dozen. That
 * is what the hottest write, a like at the start of a shift, needs to reach a thousand a second
 * (bench/server/writeThroughputBench.ts). `statement` gets the part of its WITH that records
 * `changes` provisionally, made to record them only if the CTE `whenAnyRowIn` has a row (the write
 * happened); it answers what the statement returned, undefined when it wrote nothing.
 */
export async function writeOne<T>(
  ctx: FeedContext,
  tenantId: string,
  write: OneStatementWrite,
  statement: (recordChanges: RawBuilder<unknown>) => Promise<T | undefined>,
): Promise<T | undefined> {
  if (ctx.db.dialect !== 'postgres') throw new Error('writeOne is for PostgreSQL, which runs a WITH that writes; SQLite uses write()');
  if (write.changes.length === 0 || write.changes.length >= PROVISIONAL_SPAN) throw new Error(`writeOne records 1 to ${PROVISIONAL_SPAN - 1} changes`);
  const at = ctx.now().toISOString();
  const rows = write.changes.map(
    (c, i) => sql`(${tenantId}, -(txid_current() * ${PROVISIONAL_SPAN} + ${i + 1}), ${c.entity}, ${c.id}, ${c.op}, ${c.scope}, ${at})`,
  );
  const recordChanges = sql`insert into changes (tenant_id, seq, entity, entity_id, op, scope, at)
    select v.* from (values ${sql.join(rows)}) as v(tenant_id, seq, entity, entity_id, op, scope, at)
     where exists (select 1 from ${sql.table(write.whenAnyRowIn)})`;
  const result = await statement(recordChanges);
  if (result !== undefined) await announceWrite(ctx, tenantId, write.changes, NUMBERED_AFTER_COMMIT);
  return result;
}

/** After a write committed: numbers its changes if they went in provisional, and tells the streams. */
async function announceWrite(ctx: FeedContext, tenantId: string, changes: readonly Change[], committedSeq: number): Promise<void> {
  let lastSeq = committedSeq;
  if (lastSeq === NUMBERED_AFTER_COMMIT) {
    // The write has committed: failing it now would make the client retry a write that happened. Its
    // changes stay provisional until the next numbering of the tenant, at the latest the leftover sweep.
    lastSeq = await numberCommittedChanges(ctx.db, tenantId).catch((err: unknown) => {
      ctx.onNumberingFailed?.(err);
      return 0;
    });
  }
  if (lastSeq > 0) ctx.realtime.announce({ tenantId, seq: lastSeq, ...concernedBy(changes.map((c) => c.scope)) });
}

/** What `appendChanges` answers when the changes are numbered after the commit. */
const NUMBERED_AFTER_COMMIT = -1;
/** Transactions holding their tenant's seq lock (`lockFeed`): they number at insert, under it. */
const holdingFeed = new WeakSet<Trx>();
/** Provisional seqs are -(transaction id × this + position): unique among concurrent writers. */
const PROVISIONAL_SPAN = 1_000_000;

async function appendChanges(
  trx: Trx,
  dialect: DialectName,
  tenantId: string,
  list: Change[],
  now: Date,
): Promise<number> {
  let seqAt: (i: number) => number | RawBuilder<number>;
  let last = NUMBERED_AFTER_COMMIT;
  if (dialect === 'postgres' && !holdingFeed.has(trx)) {
    if (list.length >= PROVISIONAL_SPAN) throw new Error(`One write may record at most ${PROVISIONAL_SPAN - 1} changes.`);
    seqAt = (i) => sql<number>`-(txid_current() * ${PROVISIONAL_SPAN} + ${i + 1})`;
  } else {
    const bumped = await trx
      .updateTable('tenant_seq')
      .set({ last_seq: sql`last_seq + ${list.length}` })
      .where('tenant_id', '=', tenantId)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    last = Number(bumped.last_seq);
    const first = last - list.length + 1;
    seqAt = (i) => first + i;
  }
  const at = now.toISOString();
  const rows = list.map((c, i) => ({ tenant_id: tenantId, seq: seqAt(i), entity: c.entity, entity_id: c.id, op: c.op, scope: c.scope, at }));
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto('changes').values(rows.slice(i, i + 500)).execute();
  }
  return last;
}

/**
 * Takes the tenant's seq lock now, for a write that must not miss a change committing while it reads:
 * no other write's changes can be numbered until it commits, and its own are numbered before them.
 */
export async function lockFeed(trx: Trx, tenantId: string): Promise<void> {
  await trx.updateTable('tenant_seq').set({ last_seq: sql`last_seq` }).where('tenant_id', '=', tenantId).execute();
  holdingFeed.add(trx);
}

export async function latestSeq(k: Kysely<Database>, tenantId: string): Promise<number> {
  const row = await k.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}

/**
 * The tenant's newest seq for requests outside a transaction, one statement for all that ask together
 * (db/batchedReads.ts): after an announcement every pulling client and, after a lost LISTEN
 * connection, every open stream asks at once. Each answer is read after its caller asked, so it is
 * at least every seq the caller was told of.
 */
export function createLatestSeqLookup(k: Kysely<Database>): (tenantId: string) => Promise<number> {
  const read = createBatchedRead<string, number>(async (tenantId) => new Map([[tenantId, await latestSeq(k, tenantId)]]));
  return async (tenantId) => (await read(tenantId, tenantId)) ?? 0;
}

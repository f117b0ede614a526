import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_POOL_SIZE, type Db } from '../../../../server/src/db/connect.js';
import { createRealtimeHub, type RealtimeHub } from '../../../../server/src/realtime/hub.js';
import { latestSeq, lockFeed, write, type FeedContext } from '../../../../server/src/sync/feed.js';
import type { Announcement } from '../../../../server/src/realtime/hub.js';
import { leftoverNumbering, numberCommittedChanges } from '../../../../server/src/sync/numbering.js';
import { openTestDatabase, testDialects } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('numbering the change feed (%s)', (dialect) => {
  let db: Db;
  let dispose: () => Promise<void>;
  let hub: RealtimeHub;
  let ctx: FeedContext;
  const announced: number[] = [];

  beforeAll(async () => {
    ({ db, dispose } = await openTestDatabase(dialect));
    hub = createRealtimeHub({ ...db, postgresUrl: null });
    hub.subscribe('t1', (batch) => announced.push(...batch.map((a) => a.seq)));
    ctx = { db, k: db.kysely, now: () => new Date(), realtime: hub };
    await db.kysely.insertInto('tenant_seq').values([{ tenant_id: 't1', last_seq: 0 }, { tenant_id: 't2', last_seq: 40 }]).execute();
  });
  afterAll(async () => {
    await hub?.close();
    await dispose?.();
  });

  const seqsOf = async (tenantId: string) =>
    (await db.kysely.selectFrom('changes').select(['seq', 'entity_id']).where('tenant_id', '=', tenantId).orderBy('seq').execute()).map((r) => ({
      seq: Number(r.seq),
      id: r.entity_id,
    }));

  it('gives one write its seqs in the order it recorded its changes, and announces the last', async () => {
    await write(ctx, 't1', async (_trx, changes) => {
      changes.add('post', 'a', 'upsert', 'org');
      changes.add('post', 'b', 'upsert', 'org');
      changes.add('like', 'c', 'upsert', 'person:p1');
    });
    expect(await seqsOf('t1')).toEqual([
      { seq: 1, id: 'a' },
      { seq: 2, id: 'b' },
      { seq: 3, id: 'c' },
    ]);
    expect(await latestSeq(db.kysely, 't1')).toBe(3);
    expect(announced.at(-1)).toBe(3);
  });

  it('numbers 60 concurrent writes without a gap or a double, each write\u2019s changes together', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        write(ctx, 't2', async (trx, changes) => {
          if (i % 5 === 0) await lockFeed(trx, 't2');
          changes.add('post', `w${i}-1`, 'upsert', 'org');
          changes.add('post', `w${i}-2`, 'upsert', 'org');
        }),
      ),
    );
    const rows = await seqsOf('t2');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 120 }, (_, i) => 41 + i));
    for (let i = 0; i < rows.length; i += 2) expect(rows[i + 1]!.id).toBe(rows[i]!.id.replace(/-1$/, '-2'));
    expect(await latestSeq(db.kysely, 't2')).toBe(160);
  });

  it('leaves no trace of a write that rolls back', async () => {
    await expect(
      write(ctx, 't1', async (_trx, changes) => {
        changes.add('post', 'never', 'upsert', 'org');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await write(ctx, 't1', async (_trx, changes) => changes.add('post', 'next', 'upsert', 'org'));
    expect((await seqsOf('t1')).map((r) => r.id)).toEqual(['a', 'b', 'c', 'next']);
    expect(await latestSeq(db.kysely, 't1')).toBe(4);
  });

  /** What a write leaves when its node stops between COMMIT and the numbering. */
  const provisional = (seqBase: number, rows: { id: string; scope: string }[]) =>
    db.kysely
      .insertInto('changes')
      .values(rows.map((r, i) => ({ tenant_id: 't1', seq: -(seqBase * 1_000_000 + i + 1), entity: 'post', entity_id: r.id, op: 'upsert', scope: r.scope, at: new Date().toISOString() })))
      .execute();

  it.runIf(dialect === 'postgres')('numbers the changes a node committed but died before numbering, at the second look that finds them', async () => {
    const numberLeftovers = leftoverNumbering(db, hub);
    const before = await latestSeq(db.kysely, 't1');
    await provisional(987_654, [
      { id: 'x', scope: 'org' },
      { id: 'y', scope: 'org' },
    ]);
    expect(await latestSeq(db.kysely, 't1')).toBe(before);
    // Found once, they may be a live write's, numbered by its writer a moment later.
    expect(await numberLeftovers()).toBe(0);
    expect(await latestSeq(db.kysely, 't1')).toBe(before);
    expect(await numberLeftovers()).toBe(1);
    expect((await seqsOf('t1')).slice(-2)).toEqual([
      { seq: before + 1, id: 'x' },
      { seq: before + 2, id: 'y' },
    ]);
    expect(await numberLeftovers()).toBe(0);
    expect(announced.at(-1)).toBe(before + 2);
  });

  it.runIf(dialect === 'postgres')('leaves a write caught between its commit and its numbering to its writer, and tells no stream', async () => {
    const told: Announcement[] = [];
    const numberLeftovers = leftoverNumbering(db, { announce: (a) => told.push(a) });
    const before = await latestSeq(db.kysely, 't1');
    await provisional(987_655, [{ id: 'in-flight', scope: 'person:p1' }]);
    expect(await numberLeftovers()).toBe(0);
    // Its writer's own numbering, as every write does right after its commit.
    expect(await numberCommittedChanges(db, 't1')).toBe(before + 1);
    expect(await numberLeftovers()).toBe(0);
    expect(told).toEqual([]);
  });

  it.runIf(dialect === 'postgres')('announces left-over changes to the people they concern, not to every stream', async () => {
    const told: Announcement[] = [];
    const numberLeftovers = leftoverNumbering(db, { announce: (a) => told.push(a) });
    const before = await latestSeq(db.kysely, 't1');
    await provisional(987_656, [
      { id: 'like', scope: 'person:p7' },
      { id: 'copy', scope: 'history:p8:g1' },
      { id: 'post', scope: 'org' },
    ]);
    await numberLeftovers();
    expect(await numberLeftovers()).toBe(1);
    expect(told).toEqual([{ tenantId: 't1', seq: before + 3, personIds: ['p7', 'p8'], privateGroups: false }]);

    await provisional(987_657, [{ id: 'in-group', scope: 'group:g2' }]);
    await numberLeftovers();
    await numberLeftovers();
    expect(told.at(-1)).toEqual({ tenantId: 't1', seq: before + 4, personIds: [], privateGroups: true });
  });

  it.runIf(dialect === 'postgres')('numbers committed writes while every connection of the pool is taken by other work', async () => {
    const before = await latestSeq(db.kysely, 't1');
    // A write that committed its change and now waits for its numbering, as writers under load do.
    await db.kysely.insertInto('changes').values({ tenant_id: 't1', seq: -7, entity: 'post', entity_id: 'waiting', op: 'upsert', scope: 'org', at: new Date().toISOString() }).execute();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const holders: Promise<void>[] = [];
    let holding = 0;
    for (let i = 0; i < REQUEST_POOL_SIZE; i++) {
      holders.push(
        db.kysely.transaction().execute(async (trx) => {
          await trx.selectFrom('tenant_seq').select('tenant_id').execute();
          holding++;
          await released;
        }),
      );
    }
    await expect.poll(() => holding).toBe(REQUEST_POOL_SIZE);
    try {
      const numbered = await Promise.race([numberCommittedChanges(db, 't1'), new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5000).unref())]);
      expect(numbered).toBe(before + 1);
    } finally {
      release();
      await Promise.all(holders);
    }
    expect((await seqsOf('t1')).at(-1)).toEqual({ seq: before + 1, id: 'waiting' });
  });

  it.runIf(dialect === 'postgres')('answers a committed write as done when its numbering fails, and the sweep numbers and announces it', async () => {
    const before = await latestSeq(db.kysely, 't1');
    const failures: unknown[] = [];
    // The numbering's connection drops after COMMIT, just as the numbering starts.
    const cut = db.numbering!.withPlugin({
      transformQuery(args) {
        throw new Error(`connection lost (${args.node.kind})`);
      },
      transformResult: async (args) => args.result,
    });
    const broken: FeedContext = { ...ctx, db: { ...db, numbering: cut }, onNumberingFailed: (err) => failures.push(err) };
    const answer = await write(broken, 't1', async (trx, changes) => {
      await trx.insertInto('tenant_seq').values({ tenant_id: 't3', last_seq: 0 }).execute();
      changes.add('post', 'committed', 'upsert', 'org');
      return 'saved';
    });
    expect(answer).toBe('saved');
    expect(failures).toHaveLength(1);
    expect(await db.kysely.selectFrom('tenant_seq').select('tenant_id').where('tenant_id', '=', 't3').executeTakeFirst()).toBeTruthy();
    expect(await latestSeq(db.kysely, 't1')).toBe(before);

    const numberLeftovers = leftoverNumbering(db, hub);
    expect(await numberLeftovers()).toBe(0);
    expect(await numberLeftovers()).toBe(1);
    expect((await seqsOf('t1')).at(-1)).toEqual({ seq: before + 1, id: 'committed' });
    expect(announced.at(-1)).toBe(before + 1);
  });
});

import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL } from '../../../../common/src/api/sync.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import { createNotificationsLookup, NOTIFIED_PER_CATCH_UP, type NotificationsRequest } from '../../../../server/src/realtime/notificationsAfter.js';
import { write } from '../../../../server/src/sync/feed.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { openEventStream } from '../../../fixtures/sseReader.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** Counts the statements run through a Kysely instance, raw SQL included. */
function statementCounter(): { plugin: KyselyPlugin; count: () => number } {
  let n = 0;
  return {
    plugin: {
      transformQuery: (args) => {
        n++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
    count: () => n,
  };
}

describe.each(dialects)('notifications for event streams (%s)', (dialect) => {
  let s: TestServer;
  let tenant: string;
  let carla: TestClient;
  let people: { id: string }[];
  /** The post the notifications made directly in the feed are about. */
  let aboutPost: string;

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1, employees: 150 }] });
    tenant = s.tenants.demo!;
    carla = await s.login('1003');
    aboutPost = (await carla.post<{ id: string }>('/v1/posts', { body: 'Nieuwe werkinstructie tilliften.' })).body.id;
    people = await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenant).where('active', '=', 1).orderBy('id').execute();
  });
  afterAll(() => s?.close());

  /** `count` notifications for `personId`, each its own change in the feed; answers their seqs. */
  async function notify(personId: string, count: number, kind: 'mention' | 'read_reminder' = 'mention'): Promise<number[]> {
    const ids: string[] = [];
    await write(s.server.ctx, tenant, async (trx, changes) => {
      const now = new Date();
      const rows = Array.from({ length: count }, () => {
        const id = uuidv7(now.getTime());
        ids.push(id);
        return { tenant_id: tenant, id, person_id: personId, kind, actor_id: people[0]!.id, post_id: aboutPost, comment_id: null, created_at: now.toISOString() };
      });
      for (let i = 0; i < rows.length; i += 100) await trx.insertInto('notifications').values(rows.slice(i, i + 100)).execute();
      for (const id of ids) changes.add('notification', id, 'upsert', `person:${personId}`);
    });
    const seqs = await s.db.kysely.selectFrom('changes').select(['seq', 'entity_id']).where('tenant_id', '=', tenant).where('entity_id', 'in', ids).execute();
    return seqs.map((r) => Number(r.seq)).sort((a, b) => a - b);
  }

  it('answers each stream with exactly its own person’s notifications after its own cursor, many streams in one statement', async () => {
    const [a, b, c] = [people[10]!.id, people[11]!.id, people[12]!.id];
    const aSeqs = await notify(a, 3);
    const bSeqs = await notify(b, 2);
    const cSeqs = await notify(c, 1, 'read_reminder');
    const counter = statementCounter();
    const lookup = createNotificationsLookup(s.db.kysely.withPlugin(counter.plugin), dialect);
    const asks: NotificationsRequest[] = [
      { personId: a, afterSeq: 0, protocol: SYNC_PROTOCOL },
      { personId: a, afterSeq: aSeqs[1]!, protocol: SYNC_PROTOCOL },
      { personId: b, afterSeq: bSeqs[1]!, protocol: SYNC_PROTOCOL },
      { personId: c, afterSeq: 0, protocol: SYNC_PROTOCOL },
      // A client of protocol 2 cannot read a reminder: it is passed over, and not scanned again.
      { personId: c, afterSeq: 0, protocol: 2 },
    ];
    const found = await Promise.all(asks.map((q) => lookup(tenant, q)));
    // The first asked alone (nothing was in flight); the four who asked meanwhile shared the next.
    expect(counter.count()).toBe(2);
    const seqsOf = (i: number) => found[i]!.items.map((n) => n.seq);
    expect(seqsOf(0)).toEqual(aSeqs);
    expect(seqsOf(1)).toEqual([aSeqs[2]]);
    expect(found[2]).toEqual({ items: [], scannedTo: null });
    expect(seqsOf(3)).toEqual(cSeqs);
    expect(found[3]!.items[0]!.notification).toMatchObject({ kind: 'read_reminder', actorId: people[0]!.id });
    expect(found[4]).toEqual({ items: [], scannedTo: cSeqs[0] });
  });

  it('sends at most a page per stream, each stream its own, and goes on from where the page ended', async () => {
    const [d, e] = [people[20]!.id, people[21]!.id];
    const dSeqs = await notify(d, NOTIFIED_PER_CATCH_UP + 5);
    const eSeqs = await notify(e, 1);
    const lookup = createNotificationsLookup(s.db.kysely, dialect);
    const [first, other] = await Promise.all([lookup(tenant, { personId: d, afterSeq: 0, protocol: SYNC_PROTOCOL }), lookup(tenant, { personId: e, afterSeq: 0, protocol: SYNC_PROTOCOL })]);
    expect(first.items.map((n) => n.seq)).toEqual(dSeqs.slice(0, NOTIFIED_PER_CATCH_UP));
    expect(first.scannedTo).toBe(dSeqs[NOTIFIED_PER_CATCH_UP - 1]);
    expect(other.items.map((n) => n.seq)).toEqual(eSeqs);
    const rest = await lookup(tenant, { personId: d, afterSeq: first.scannedTo!, protocol: SYNC_PROTOCOL });
    expect(rest.items.map((n) => n.seq)).toEqual(dSeqs.slice(NOTIFIED_PER_CATCH_UP));
  });

  it('answers thousands of streams asking at once, each correctly, in a handful of statements', async () => {
    const f = people[30]!.id;
    const [fSeq] = await notify(f, 1);
    const counter = statementCounter();
    const lookup = createNotificationsLookup(s.db.kysely.withPlugin(counter.plugin), dialect);
    // Five thousand streams: most of people without news, and each of the 150 people a few times.
    const asks = Array.from({ length: 5000 }, (_, i) => ({ personId: people[i % people.length]!.id, afterSeq: fSeq! - 1, protocol: SYNC_PROTOCOL }));
    const found = await Promise.all(asks.map((q) => lookup(tenant, q)));
    for (const [i, q] of asks.entries()) expect(found[i]!.items.map((n) => n.seq)).toEqual(q.personId === f ? [fSeq] : []);
    expect(counter.count()).toBeLessThanOrEqual(4);
  });

  it('brings a reminder to everyone to each person’s streams, and only hers, with one look for all of them', async () => {
    const postId = (await carla.post<{ id: string }>('/v1/posts', { body: 'Lees even: het nieuwe protocol valpreventie.' })).body.id;
    expect((await carla.put(`/v1/posts/${postId}/read-requirement`, { audience: { everyone: true } })).status).toBe(200);

    // A stream for each of 130 people: a reminder to more than a hundred announces "everyone".
    const sessions = await s.sessionsFor(tenant, people.slice(0, 130).map((p) => p.id));
    const streams = await Promise.all(sessions.map((m) => openEventStream(s.url, m.token)));
    await Promise.all(streams.map((st) => st.waitFor((e) => e.event === 'seq')));

    const counter = statementCounter();
    const ctx = s.server.ctx;
    const original = ctx.lookups.notifications;
    ctx.lookups.notifications = createNotificationsLookup(s.db.kysely.withPlugin(counter.plugin), dialect);
    try {
      const reminded = await carla.post(`/v1/posts/${postId}/read-reminders`);
      expect(reminded.body.reminded).toBeGreaterThan(130);
      const told = await Promise.all(streams.map((st) => st.waitFor((e) => e.event === 'notification' && e.data.notification.postId === postId, 5000)));
      const rows = await s.db.kysely.selectFrom('notifications').select(['id', 'person_id']).where('tenant_id', '=', tenant).where('post_id', '=', postId).execute();
      const idOf = new Map(rows.map((r) => [r.person_id, r.id]));
      told.forEach((e, i) => {
        expect(e.data.notification).toMatchObject({ kind: 'read_reminder', id: idOf.get(sessions[i]!.personId) });
      });
      // Nobody heard of anyone else's reminder.
      for (const [i, st] of streams.entries()) {
        const ids = st.events.filter((e) => e.event === 'notification').map((e) => e.data.notification.id);
        expect(ids).toEqual([idOf.get(sessions[i]!.personId)]);
      }
      // One look per stream would be 130; they ask within a few milliseconds of each other.
      expect(counter.count()).toBeGreaterThanOrEqual(1);
      expect(counter.count()).toBeLessThanOrEqual(4);
    } finally {
      ctx.lookups.notifications = original;
      streams.forEach((st) => st.close());
    }
  });
});

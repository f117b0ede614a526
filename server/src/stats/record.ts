import { sql, type Transaction } from 'kysely';
import type { StatsDeviceKind, StatsEventKind } from '../../../common/src/api/routes/stats.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { amsterdamSlot, mondayOf, monthStart, sessionBucket } from './calendar.js';

type Trx = Transaction<Database>;

/** What an event concerns: the post viewed or liked, the group visited or posted in, the mailing followed… */
export interface StatsSubject {
  type: 'post' | 'group' | 'mailing' | 'poll' | 'message';
  id: string;
}

/**
 * One thing a person did, as the statistics count it. A write the server sees (a post, a like, a
 * vote) and a client's batch queue their events (`queueActivity`) for the fold job; bulk history
 * (the demo's) is counted at once (`recordActivity`).
 */
export interface ActivityEvent {
  /** Unique per event: a resent event with the same id counts once. */
  id: string;
  kind: StatsEventKind;
  personId: string;
  at: Date;
  deviceKind: StatsDeviceKind;
  /** Session length or time spent, in seconds. */
  seconds?: number | null;
  subjects?: readonly StatsSubject[];
}

const ROWS_PER_STATEMENT = 400;

/** Events one fold takes: enough that a busy second is one fold, few enough to keep its transaction short. */
const FOLD_BATCH = 2000;

type Places = Map<string, { location_key: string; department_key: string }>;

/**
 * Counts events into the rollups at once, in the caller's transaction: each new event once (by id)
 * into the hour, the day and its subjects, and each person once per scope and day into the people
 * counts. For bulk history (the demo's), where one transaction per large batch is cheap. Returns how many events were new.
 */
export async function recordActivity(trx: Trx, tenantId: string, events: readonly ActivityEvent[]): Promise<{ accepted: number; duplicates: number }> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  const places = await placesOf(trx, tenantId, unique);
  const known = unique.filter((e) => places.has(e.personId));
  const inserted = await storeEvents(trx, tenantId, known, { folded: true });
  const fresh = known.filter((e) => inserted.has(e.id));
  await addToRollups(trx, tenantId, fresh, places);
  return { accepted: fresh.length, duplicates: events.length - fresh.length };
}

/**
 * Stores events for the fold job to count, in the caller's transaction: one insert, where counting
 * at once costs seven statements and row locks on rollups every writer of the hour shares. A
 * post, comment, like or vote records this way, so the write stays as fast as the content alone,
 * and so do clients' batches, which many colleagues send at once at the start of a shift. Answers
 * how many events were new (by id).
 */
export async function queueActivity(trx: Trx, tenantId: string, events: readonly ActivityEvent[]): Promise<{ accepted: number; duplicates: number }> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const inserted = await storeEvents(trx, tenantId, [...new Map(events.map((e) => [e.id, e])).values()], { folded: false });
  return { accepted: inserted.size, duplicates: events.length - inserted.size };
}

interface QueuedRow {
  tenant_id: string;
  id: string;
  kind: StatsEventKind;
  person_id: string;
  at: string;
  device_kind: StatsDeviceKind;
  seconds: number | null;
  subjects: string | null;
}

/**
 * Counts up to one batch of queued events into the rollups, and answers how many it took. Taking
 * them (marking them folded) and counting them is one transaction, so a crash between the two
 * counts nothing twice and loses nothing. On PostgreSQL `SKIP LOCKED` lets every node fold side by
 * side, each taking other events; SQLite runs one writer at a time.
 */
export async function foldQueuedActivity(db: Db, limit = FOLD_BATCH): Promise<number> {
  let known = presenceKnown.get(db);
  if (!known || known.size > PRESENCE_KNOWN_MAX) presenceKnown.set(db, (known = new Set()));
  const stored: string[] = [];
  const taken = await db.kysely.transaction().execute(async (trx) => {
    const lock = db.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const { rows } = await sql<QueuedRow>`
      update stats_events set folded = 1
       where (tenant_id, id) in (select tenant_id, id from stats_events where folded = 0 order by at limit ${limit} ${lock})
      returning tenant_id, id, kind, person_id, at, device_kind, seconds, subjects`.execute(trx);
    const byTenant = new Map<string, ActivityEvent[]>();
    for (const r of rows) {
      const list = byTenant.get(r.tenant_id) ?? [];
      list.push({
        id: r.id,
        kind: r.kind,
        personId: r.person_id,
        at: new Date(r.at),
        deviceKind: r.device_kind,
        seconds: r.seconds === null ? null : Number(r.seconds),
        subjects: r.subjects === null ? [] : (JSON.parse(r.subjects) as StatsSubject[]),
      });
      byTenant.set(r.tenant_id, list);
    }
    for (const [tenantId, events] of [...byTenant].sort(([a], [b]) => cmp(a, b))) {
      const places = await placesOf(trx, tenantId, events);
      stored.push(...(await addToRollups(trx, tenantId, events.filter((e) => places.has(e.personId)), places, known)));
    }
    return rows.length;
  });
  // Only once committed: a fold that rolled back stored nothing.
  for (const key of stored) known.add(key);
  return taken;
}

/**
 * Who is known to be counted already, per database: `tenant day scope person` of presence rows this
 * node saw stored. The same few hundred people view, like and visit all day, and each event would
 * otherwise insert its day, week, month, hour and subject rows again only to find them there.
 * Bounded: emptied when it grows past the limit, which costs only those inserts again.
 */
const presenceKnown = new WeakMap<Db, Set<string>>();
const PRESENCE_KNOWN_MAX = 200_000;

/** Folds until the queue is empty: before statistics are read, so they include the latest writes. */
export async function foldAllQueuedActivity(db: Db): Promise<number> {
  let total = 0;
  for (let taken = FOLD_BATCH; taken === FOLD_BATCH; total += taken) taken = await foldQueuedActivity(db);
  return total;
}

async function placesOf(trx: Trx, tenantId: string, events: readonly ActivityEvent[]): Promise<Places> {
  const people = await trx
    .selectFrom('people')
    .select(['id', 'location_id', 'department_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(events.map((e) => e.personId))])
    .execute();
  return new Map(people.map((p) => [p.id, { location_key: p.location_id ?? '', department_key: p.department_id ?? '' }]));
}

/** An event as `stats_events` keeps it; queued (`folded: false`) until the fold job counts it. */
export function eventRow(tenantId: string, e: ActivityEvent, o: { folded: boolean }) {
  return {
    tenant_id: tenantId,
    id: e.id,
    kind: e.kind,
    person_id: e.personId,
    at: e.at.toISOString(),
    device_kind: e.deviceKind,
    subject_id: e.subjects?.[0]?.id ?? null,
    subjects: e.subjects && e.subjects.length > 0 ? JSON.stringify(e.subjects) : null,
    seconds: e.seconds ?? null,
    folded: o.folded ? 1 : 0,
  };
}

/** Inserts events once by id; answers the ids that were new. */
async function storeEvents(trx: Trx, tenantId: string, events: readonly ActivityEvent[], o: { folded: boolean }): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunks(events)) {
    const rows = await trx
      .insertInto('stats_events')
      .values(chunk.map((e) => eventRow(tenantId, e, o)))
      .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
      .returning('id')
      .execute();
    for (const r of rows) inserted.add(r.id);
  }
  return inserted;
}

/**
 * Adds new events to the rollups. Rows are merged in memory and written in key order, so a batch
 * costs a few statements and two batches never wait on each other in opposite orders.
 */
async function addToRollups(trx: Trx, tenantId: string, fresh: readonly ActivityEvent[], where: Places, known?: ReadonlySet<string>): Promise<string[]> {
  if (fresh.length === 0) return [];
  const hourly = new Sum<{ day: string; hour: number; location_key: string; department_key: string }>();
  const daily = new Sum<{ day: string; kind: string; device_kind: string; bucket: string; location_key: string; department_key: string }>();
  const subjects = new Sum<{ day: string; kind: string; subject_type: string; subject_id: string }>();
  // The same, for the whole organisation: what a dashboard without a filter reads.
  const orgHourly = new Sum<{ day: string; hour: number }>();
  const orgDaily = new Sum<{ day: string; kind: string; device_kind: string; bucket: string }>();
  const presence = new Map<string, { day: string; scope: string; person_id: string; subject?: { kind: string; subject_type: string; subject_id: string } }>();
  const present = (day: string, scope: string, personId: string, subject?: { kind: string; subject_type: string; subject_id: string }) => {
    presence.set(`${day}\u0000${scope}\u0000${personId}`, { day, scope, person_id: personId, ...(subject ? { subject } : {}) });
  };

  for (const e of fresh) {
    const dims = where.get(e.personId)!;
    const { day, hour } = amsterdamSlot(e.at);
    const seconds = e.seconds ?? 0;
    const bucket = e.kind === 'session' ? sessionBucket(seconds) : '';
    hourly.add({ day, hour, ...dims }, 1, 0);
    daily.add({ day, kind: e.kind, device_kind: e.deviceKind, bucket, ...dims }, 1, seconds);
    orgHourly.add({ day, hour }, 1, 0);
    orgDaily.add({ day, kind: e.kind, device_kind: e.deviceKind, bucket }, 1, seconds);
    present(day, 'day', e.personId);
    present(mondayOf(day), 'week', e.personId);
    present(monthStart(day), 'month', e.personId);
    present(day, `hour:${hour}`, e.personId);
    if (e.kind === 'session') {
      present(day, `device:${e.deviceKind}`, e.personId);
      present(day, `bucket:${bucket}`, e.personId);
    }
    for (const s of e.subjects ?? []) {
      const subject = { kind: e.kind, subject_type: s.type, subject_id: s.id };
      subjects.add({ day, ...subject }, 1, seconds);
      present(day, `${e.kind}:${s.type}:${s.id}`, e.personId, subject);
    }
  }

  const newPeople = new Sum<{ scope: string; day: string; location_key: string; department_key: string }>();
  const orgPeople = new Sum<{ scope: string; day: string }>();
  const subjectPeople = new Sum<{ day: string; kind: string; subject_type: string; subject_id: string }>();
  const keyOf = (p: { day: string; scope: string; person_id: string }) => `${tenantId}\u0000${p.day}\u0000${p.scope}\u0000${p.person_id}`;
  // Rows known to be stored would only be found there: they count nobody new.
  const candidates = [...presence.values()].filter((p) => !known?.has(keyOf(p))).sort((a, b) => cmp(a.day, b.day) || cmp(a.scope, b.scope) || cmp(a.person_id, b.person_id));
  for (const chunk of chunks(candidates)) {
    const rows = await trx
      .insertInto('stats_presence')
      .values(chunk.map((p) => ({ tenant_id: tenantId, day: p.day, scope: p.scope, person_id: p.person_id })))
      .onConflict((oc) => oc.columns(['tenant_id', 'day', 'scope', 'person_id']).doNothing())
      .returning(['day', 'scope', 'person_id'])
      .execute();
    for (const r of rows) {
      const p = presence.get(`${r.day}\u0000${r.scope}\u0000${r.person_id}`)!;
      if (p.subject) subjectPeople.add({ day: p.day, ...p.subject }, 1, 0);
      else {
        newPeople.add({ scope: p.scope, day: p.day, ...where.get(p.person_id)! }, 1, 0);
        orgPeople.add({ scope: p.scope, day: p.day }, 1, 0);
      }
    }
  }

  await addTo(trx, 'stats_hourly', ['day', 'hour', 'location_key', 'department_key'], hourly.rows(tenantId, 'count'));
  await addTo(trx, 'stats_daily', ['day', 'kind', 'device_kind', 'bucket', 'location_key', 'department_key'], daily.rows(tenantId, 'count', 'seconds'));
  const subjectRows = new Map(subjects.rows(tenantId, 'count', 'seconds').map((r) => [subjectKey(r), { ...r, people: 0 }]));
  for (const r of subjectPeople.rows(tenantId, 'people')) {
    const row = subjectRows.get(subjectKey(r)) ?? { ...r, count: 0, seconds: 0 };
    subjectRows.set(subjectKey(r), { ...row, people: r.people });
  }
  await addTo(trx, 'stats_subjects', ['day', 'kind', 'subject_type', 'subject_id'], [...subjectRows.values()], ['count', 'seconds', 'people']);
  await addTo(trx, 'stats_people', ['scope', 'day', 'location_key', 'department_key'], newPeople.rows(tenantId, 'people'));
  await addTo(trx, 'stats_org_hourly', ['day', 'hour'], orgHourly.rows(tenantId, 'count'));
  await addTo(trx, 'stats_org_daily', ['day', 'kind', 'device_kind', 'bucket'], orgDaily.rows(tenantId, 'count', 'seconds'));
  await addTo(trx, 'stats_org_people', ['scope', 'day'], orgPeople.rows(tenantId, 'people'));
  return candidates.map(keyOf);
}

const subjectKey = (r: { day: string; kind: string; subject_type: string; subject_id: string }) => `${r.day}\u0000${r.kind}\u0000${r.subject_type}\u0000${r.subject_id}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function* chunks<T>(list: readonly T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += ROWS_PER_STATEMENT) yield list.slice(i, i + ROWS_PER_STATEMENT);
}

/** Counts per key, kept in key order. */
class Sum<K extends Record<string, string | number>> {
  private readonly map = new Map<string, { key: K; a: number; b: number }>();
  add(key: K, a: number, b: number): void {
    const id = Object.values(key).join('\u0000');
    const entry = this.map.get(id) ?? { key, a: 0, b: 0 };
    entry.a += a;
    entry.b += b;
    this.map.set(id, entry);
  }
  rows<A extends string, B extends string = never>(tenantId: string, a: A, b?: B): (K & { tenant_id: string } & Record<A | B, number>)[] {
    return [...this.map]
      .sort(([x], [y]) => cmp(x, y))
      .map(([, e]) => ({ tenant_id: tenantId, ...e.key, [a]: e.a, ...(b ? { [b]: e.b } : {}) }) as K & { tenant_id: string } & Record<A | B, number>);
  }
}

type RollupTable = 'stats_hourly' | 'stats_daily' | 'stats_subjects' | 'stats_people' | 'stats_org_hourly' | 'stats_org_daily' | 'stats_org_people';

/** Adds each row's figures to the stored ones, or stores the row. */
async function addTo(trx: Trx, table: RollupTable, keys: string[], rows: readonly Record<string, string | number>[], figures?: string[]): Promise<void> {
  if (rows.length === 0) return;
  const added = figures ?? Object.keys(rows[0]!).filter((c) => c !== 'tenant_id' && !keys.includes(c));
  for (const chunk of chunks(rows)) {
    // The table is one of the rollups chosen above; Kysely cannot follow a table name held in a variable.
    await trx
      .insertInto(table)
      .values(chunk as never)
      .onConflict((oc) =>
        oc.columns(['tenant_id', ...keys] as never).doUpdateSet(Object.fromEntries(added.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`])) as never),
      )
      .execute();
  }
}

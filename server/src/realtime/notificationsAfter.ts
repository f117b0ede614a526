import { sql, type Kysely } from 'kysely';
import type { Notification } from '../../../common/src/api/entities.js';
import { readableIn } from '../../../common/src/api/sync.js';
import { createBatchedRead } from '../db/batchedReads.js';
import type { DialectName } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { groupNotification } from '../groups/notices.js';
import { reviewNotification } from '../kb/serialize.js';
import { inTurns, LISTENERS_PER_SLICE } from './slicedDelivery.js';

/** One event stream's question: its person's notifications after the last one it sent. */
export interface NotificationsRequest {
  personId: string;
  afterSeq: number;
  /** The client's sync protocol: kinds it cannot read are passed over. */
  protocol: number;
}

export interface NotificationsFound {
  /** In seq order, at most NOTIFIED_PER_CATCH_UP. */
  items: { seq: number; notification: Notification }[];
  /** The last seq scanned, readable or not, so kinds a client cannot read are passed over once; null when none. */
  scannedTo: number | null;
}

export type NotificationsLookup = (tenantId: string, request: NotificationsRequest) => Promise<NotificationsFound>;

/** How many notifications one catch-up sends at most; the next catch-up goes on from the last one scanned. */
export const NOTIFIED_PER_CATCH_UP = 200;
/** Streams answered by one statement: bounds a statement's time and its rows when ten thousand ask at once. */
const STREAMS_PER_STATEMENT = 2000;

interface Row {
  i: number;
  seq: number | string;
  n_id: string | null;
  n_kind: string | null;
  n_actor: string | null;
  n_post: string | null;
  n_comment: string | null;
  n_created: string | null;
  n_reason: string | null;
  g_id: string | null;
  g_kind: string | null;
  g_actor: string | null;
  g_group: string | null;
  g_created: string | null;
  r_id: string | null;
  r_person: string | null;
  r_page: string | null;
  r_created: string | null;
}

/**
 * Notifications for event streams, one statement for all streams of a tenant that ask together
 * (db/batchedReads.ts). A reminder to read a "lezen verplicht" post names thousands of people in one
 * write; the announcement then tells every stream to look, and each looking on its own was ten
 * thousand statements at once on a node's small pool, every other request of the node queued behind
 * them. Each stream still gets exactly its person's notifications after its own cursor: the streams'
 * cursors go in as a table (one row per stream) joined to the change feed on its (tenant, scope, seq)
 * index. The streams go on with their answers a slice at a time, as a fan-out reaches them.
 */
export function createNotificationsLookup(k: Kysely<Database>, dialect: DialectName): NotificationsLookup {
  const read = createBatchedRead<NotificationsRequest, NotificationsFound>(async (tenantId, requests) => {
    const found = new Map<NotificationsRequest, NotificationsFound>();
    for (let from = 0; from < requests.length; from += STREAMS_PER_STATEMENT) {
      const part = requests.slice(from, from + STREAMS_PER_STATEMENT);
      const rows = await notificationRows(k, dialect, tenantId, part);
      const byRequest = new Map<number, Row[]>();
      for (const r of rows) {
        const list = byRequest.get(Number(r.i));
        if (list) list.push(r);
        else byRequest.set(Number(r.i), [r]);
      }
      part.forEach((q, i) => found.set(q, answer(q, byRequest.get(i) ?? [])));
    }
    return found;
  });
  const turn = inTurns(LISTENERS_PER_SLICE);
  return async (tenantId, request) => {
    const found = (await read(tenantId, request))!;
    await turn();
    return found;
  };
}

/**
 * The first NOTIFIED_PER_CATCH_UP notification rows after each stream's cursor, in seq order per
 * stream. A notification is a row of `notifications`, `group_notices` or `kb_review_notices`, joined
 * by its id.
 */
async function notificationRows(k: Kysely<Database>, dialect: DialectName, tenantId: string, requests: NotificationsRequest[]): Promise<Row[]> {
  const cursors = JSON.stringify(requests.map((q, i) => ({ i, scope: `person:${q.personId}`, after_seq: q.afterSeq })));
  const streams =
    dialect === 'postgres'
      ? sql`json_to_recordset(${cursors}::json) as w(i int, scope text, after_seq bigint)`
      : sql`(select json_extract(value, '$.i') as i, json_extract(value, '$.scope') as scope, json_extract(value, '$.after_seq') as after_seq from json_each(${cursors})) as w`;
  const result = await sql<Row>`
    select c.i, c.seq,
      n.id as n_id, n.kind as n_kind, n.actor_id as n_actor, n.post_id as n_post, n.comment_id as n_comment, n.created_at as n_created, n.reason as n_reason,
      g.id as g_id, g.kind as g_kind, g.actor_id as g_actor, g.group_id as g_group, g.created_at as g_created,
      r.id as r_id, r.person_id as r_person, r.page_id as r_page, r.created_at as r_created
    from (
      select w.i, ch.seq, ch.entity_id, row_number() over (partition by w.i order by ch.seq) as nth
      from ${streams}
      join changes ch on ch.tenant_id = ${tenantId} and ch.scope = w.scope and ch.seq > w.after_seq
        and ch.entity = 'notification' and ch.op = 'upsert'
    ) c
    left join notifications n on n.tenant_id = ${tenantId} and n.id = c.entity_id
    left join group_notices g on g.tenant_id = ${tenantId} and g.id = c.entity_id
    left join kb_review_notices r on r.tenant_id = ${tenantId} and r.id = c.entity_id
    where c.nth <= ${NOTIFIED_PER_CATCH_UP}
    order by c.i, c.seq`.execute(k);
  return result.rows;
}

function answer(q: NotificationsRequest, rows: Row[]): NotificationsFound {
  const items = rows.flatMap((r) => {
    const notification: Notification | null =
      r.n_id !== null
        ? { id: r.n_id, kind: r.n_kind as Notification['kind'], actorId: r.n_actor!, postId: r.n_post, commentId: r.n_comment, ...(r.n_reason ? { reason: r.n_reason } : {}), createdAt: r.n_created! }
        : r.g_id !== null
          ? groupNotification({ id: r.g_id, kind: r.g_kind!, actor_id: r.g_actor!, group_id: r.g_group!, created_at: r.g_created! })
          : r.r_id !== null
            ? reviewNotification({ id: r.r_id, person_id: r.r_person!, page_id: r.r_page!, created_at: r.r_created! })
            : null;
    const seq = Number(r.seq);
    // A kind newer than the client's protocol would fail its parse, as in /v1/sync.
    if (!notification || !readableIn(q.protocol, { seq, entity: 'notification', id: notification.id, op: 'upsert', data: notification })) return [];
    return [{ seq, notification }];
  });
  const last = rows[rows.length - 1];
  return { items, scannedTo: last ? Number(last.seq) : null };
}

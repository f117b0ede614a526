import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { REPORT_REASON, type ModerationEntry, type ReportReason } from '../../../common/src/api/routes/moderation.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { canSeeGroupContent } from '../groups/access.js';

/** Entries one queue page shows: a queue longer than this is a crisis, not a list. */
const QUEUE_AT_MOST = 100;
/** Reporters' own words shown per entry. */
const NOTES_AT_MOST = 5;

/**
 * The moderators' queue: one entry per reported item, however many reported it, with its text, the
 * tally per reason and the reporters' notes (never their names). Items in a group the moderator may
 * not see are left out, as everywhere.
 */
export async function moderationQueue(k: Kysely<Database>, p: Principal, status: 'open' | 'hidden'): Promise<ModerationEntry[]> {
  const items = await k
    .selectFrom('moderation_items as m')
    .innerJoin('posts', (j) => j.onRef('posts.tenant_id', '=', 'm.tenant_id').onRef('posts.id', '=', 'm.post_id'))
    .leftJoin('comments', (j) =>
      j.onRef('comments.tenant_id', '=', 'm.tenant_id').onRef('comments.id', '=', 'm.item_id').on('m.item_kind', '=', 'comment'),
    )
    .select([
      'm.item_kind',
      'm.item_id',
      'm.post_id',
      'm.status',
      'm.reporters',
      'm.last_reported_at',
      'posts.author_id as post_author',
      'posts.body as post_body',
      'posts.created_at as post_created',
      'posts.hidden_reason as post_reason',
      'comments.author_id as comment_author',
      'comments.body as comment_body',
      'comments.created_at as comment_created',
      'comments.hidden_reason as comment_reason',
    ])
    .where('m.tenant_id', '=', p.tenantId)
    .where('m.status', '=', status)
    .where(canSeeGroupContent(p, 'posts.group_id'))
    .orderBy('m.last_reported_at', 'desc')
    .orderBy('m.item_id', 'desc')
    .limit(QUEUE_AT_MOST)
    .execute();
  const live = items.filter((r) => r.item_kind === 'post' || r.comment_author !== null);
  if (live.length === 0) return [];
  const ids = live.map((r) => r.item_id);
  const tallies = await k
    .selectFrom('moderation_reports')
    .select(['item_kind', 'item_id', 'reason', sql<number>`count(*)`.as('n')])
    .where('tenant_id', '=', p.tenantId)
    .where('item_id', 'in', ids)
    .groupBy(['item_kind', 'item_id', 'reason'])
    .execute();
  const notes = await k
    .selectFrom('moderation_reports')
    .select(['item_kind', 'item_id', 'note'])
    .where('tenant_id', '=', p.tenantId)
    .where('item_id', 'in', ids)
    .where('note', 'is not', null)
    .orderBy('created_at', 'desc')
    .execute();
  const key = (kind: string, id: string) => `${kind}:${id}`;
  return live.map((r): ModerationEntry => {
    const isPost = r.item_kind === 'post';
    const here = (t: { item_kind: string; item_id: string }) => key(t.item_kind, t.item_id) === key(r.item_kind, r.item_id);
    return {
      itemKind: isPost ? 'post' : 'comment',
      itemId: r.item_id,
      postId: r.post_id,
      authorId: isPost ? r.post_author : r.comment_author!,
      body: isPost ? r.post_body : r.comment_body!,
      createdAt: isPost ? r.post_created : r.comment_created!,
      status: r.status as ModerationEntry['status'],
      reporters: Number(r.reporters),
      reasons: REPORT_REASON.options
        .map((reason: ReportReason) => ({ reason, count: Number(tallies.find((t) => here(t) && t.reason === reason)?.n ?? 0) }))
        .filter((x) => x.count > 0),
      notes: notes.filter(here).slice(0, NOTES_AT_MOST).map((n) => n.note!),
      lastReportedAt: r.last_reported_at,
      hiddenReason: (isPost ? r.post_reason : r.comment_reason) ?? null,
    };
  });
}

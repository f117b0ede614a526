import type { Kysely } from 'kysely';
import type { PostView } from '../../../common/src/api/routes.js';
import type { Principal } from '../auth/principal.js';
import type { Database, PostsTable } from '../db/schema.js';
import { canSeeGroupContent, contentScope } from '../groups/access.js';
import type { Scope, Trx } from '../sync/feed.js';
import { executePrepared } from '../db/preparedStatements.js';
import { notFound } from '../http/apiError.js';
import { mayModerateContent } from '../moderation/access.js';
import { asReactionKind } from './reactionCounts.js';
import { postFromRow } from './serialize.js';

/** Every column of a post, named: what a prepared statement reads instead of `select *`. A column added to `PostsTable` and not here fails the typecheck. */
const POST_COLUMN_SET = {
  tenant_id: true, id: true, author_id: true, group_id: true, body: true, hashtags: true, mentions: true, images: true, pinned: true, like_count: true,
  comment_count: true, created_at: true, edited_at: true, read_requirement: true, read_confirmed_count: true, view_count: true, poll: true, ends_at: true,
  reactions_hart: true, reactions_applaus: true, reactions_inzichtelijk: true, reactions_bedankt: true, conversation_starter: true, photo_consent_at: true,
  videos: true, hidden_at: true, hidden_reason: true, hidden_by: true,
} satisfies Record<keyof PostsTable, true>;
const POST_COLUMNS = Object.keys(POST_COLUMN_SET) as (keyof PostsTable)[];

/** The post if the caller may see it; otherwise not found (a private group's post does not exist for outsiders). */
export async function visiblePost(k: Kysely<Database>, p: Principal, postId: string): Promise<PostsTable> {
  // Nearly every request about one post starts here, so it is a prepared statement, which names its columns.
  const query = k.selectFrom('posts').select(POST_COLUMNS).where('tenant_id', '=', p.tenantId).where('id', '=', postId).where(canSeeGroupContent(p, 'posts.group_id'));
  const [row] = (await executePrepared(k, query.compile())).rows;
  // A hidden post exists for its author, and for the coaches and editors who may restore it.
  if (!row || (row.hidden_at && row.author_id !== p.personId && !mayModerateContent(p))) throw notFound('Dit bericht bestaat niet (meer).');
  return row;
}

export async function toPostViews(k: Kysely<Database>, p: Principal, rows: PostsTable[]): Promise<PostView[]> {
  if (rows.length === 0) return [];
  const liked = await k
    .selectFrom('likes')
    .select(['post_id', 'kind'])
    .where('tenant_id', '=', p.tenantId)
    .where('person_id', '=', p.personId)
    .where(
      'post_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const mine = new Map(liked.map((l) => [l.post_id, asReactionKind(l.kind)]));
  return rows.map((r) => ({ ...postFromRow(r), likedByMe: mine.has(r.id), myReaction: mine.get(r.id) ?? null }));
}

/** The scope each post's changes are announced in (its group's, or everyone's); a deleted post has none. */
export async function postScopes(k: Kysely<Database> | Trx, tenantId: string, ids: string[]): Promise<Map<string, Scope>> {
  if (ids.length === 0) return new Map();
  const posts = await k
    .selectFrom('posts')
    .leftJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
    .select(['posts.id', 'groups.id as group_id', 'groups.visibility', 'groups.archived_at'])
    .where('posts.tenant_id', '=', tenantId)
    .where('posts.id', 'in', ids)
    .execute();
  return new Map(posts.map((r) => [r.id, contentScope(r.group_id && r.visibility ? { id: r.group_id, visibility: r.visibility, archived_at: r.archived_at } : null)]));
}

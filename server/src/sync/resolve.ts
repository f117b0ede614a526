import { asReactionKind } from '../timeline/reactionCounts.js';
import type { Kysely } from 'kysely';
import type { EntityName, SyncChange } from '../../../common/src/api/sync.js';
import type { Database } from '../db/schema.js';
import { groupFromRow, membersOnly, membershipFromRow } from '../groups/access.js';
import { visibleJoinRequests } from '../groups/joinRequestRoutes.js';
import { groupNotification } from '../groups/notices.js';
import { favouriteFromRow, feedbackFromRow, pagesFromRows, quickLinkFromRow, reviewNotification, sectionFromRow } from '../kb/serialize.js';
import { departmentFromRow, locationFromRow, organisationFromRow, personFromRow } from '../people/serialize.js';
import { shownToViewer } from '../moderation/access.js';
import { sharedPolls } from '../polls/pollStore.js';
import { voteFromRow } from '../polls/serialize.js';
import { receiptFromRow } from '../readConfirmations/serialize.js';
import { commentFromRow, postFromRow } from '../timeline/serialize.js';

type Upsert = Extract<SyncChange, { op: 'upsert' }>;
type Data = Upsert['data'];

/** Who reads the feed: a person, or an enrolled device on its own (nobody: `personId` null). */
export interface Viewer {
  tenantId: string;
  personId: string | null;
}

/** What the caller may see of the current state; decides visibility at read time, not at write time. */
export interface Visibility {
  viewer: Viewer;
  /** Ids of every group the caller is a member of. */
  memberOf: Set<string>;
  /** The server's clock: whether a poll has closed (and shows its counts to everyone) is decided now. */
  now: Date;
}

const CHUNK = 400;

async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * Loads the current state of changed entities, in bulk per entity kind. Returns a map from
 * `entity/id` to the data to send, or nothing when the entity is gone or not visible to the caller.
 */
export async function loadVisible(
  k: Kysely<Database>,
  v: Visibility,
  wanted: Map<EntityName, string[]>,
): Promise<Map<string, { entity: EntityName; data: Data }>> {
  const t = v.viewer.tenantId;
  const out = new Map<string, { entity: EntityName; data: Data }>();
  const put = (entity: EntityName, id: string, data: Data) => out.set(`${entity}/${id}`, { entity, data });
  const ids = (e: EntityName) => wanted.get(e) ?? [];

  const groupMembersOnly = new Map<string, boolean>();
  const groupIds = new Set(ids('group'));
  const postRows = await inChunks(ids('post'), (c) => k.selectFrom('posts').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute());
  const commentRows = await inChunks(ids('comment'), (c) => k.selectFrom('comments').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute());
  const commentPosts = await inChunks([...new Set(commentRows.map((r) => r.post_id))], (c) =>
    k.selectFrom('posts').select(['id', 'group_id', 'author_id', 'hidden_at']).where('tenant_id', '=', t).where('id', 'in', c).execute(),
  );
  const pollPosts = await inChunks(ids('poll'), (c) =>
    k.selectFrom('posts').select(['id', 'group_id', 'body', 'author_id', 'hidden_at']).where('tenant_id', '=', t).where('id', 'in', c).execute(),
  );
  // Hidden by moderation: only its author receives it (in her personal part), marked; for everyone
  // else it is not visible, so it goes out as a tombstone and leaves every cache.
  const shown = (r: { hidden_at?: string | null; author_id: string }) => shownToViewer(r, v.viewer.personId);
  for (const r of [...postRows, ...commentPosts, ...pollPosts]) if (r.group_id) groupIds.add(r.group_id);
  const membershipKeys = ids('membership').map((key) => key.split(':') as [string, string]);
  for (const [g] of membershipKeys) groupIds.add(g);
  const groupRows = await inChunks([...groupIds], (c) => k.selectFrom('groups').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute());
  for (const g of groupRows) groupMembersOnly.set(g.id, membersOnly(g));
  const canSeeGroup = (groupId: string | null) =>
    groupId === null || (groupMembersOnly.has(groupId) && (!groupMembersOnly.get(groupId) || v.memberOf.has(groupId)));

  for (const g of groupRows) if (ids('group').includes(g.id) && canSeeGroup(g.id)) put('group', g.id, groupFromRow(g));
  for (const r of postRows) if (canSeeGroup(r.group_id) && shown(r)) put('post', r.id, postFromRow(r));
  const questions = new Map(pollPosts.filter((r) => canSeeGroup(r.group_id) && shown(r)).map((r) => [r.id, r.body]));
  for (let i = 0; i < questions.size; i += CHUNK) {
    const chunk = new Map([...questions].slice(i, i + CHUNK));
    for (const poll of await sharedPolls(k, t, chunk, v.now)) put('poll', poll.id, poll);
  }
  const postGroup = new Map(commentPosts.map((r) => [r.id, r.group_id]));
  const postShown = new Map(commentPosts.map((r) => [r.id, shown(r)]));
  for (const r of commentRows) {
    if (postGroup.has(r.post_id) && canSeeGroup(postGroup.get(r.post_id) ?? null) && shown(r) && postShown.get(r.post_id)) put('comment', r.id, commentFromRow(r));
  }

  for (const r of await inChunks(ids('person'), (c) => k.selectFrom('people').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute())) {
    put('person', r.id, personFromRow(r));
  }
  for (const r of await inChunks(ids('department'), (c) => k.selectFrom('departments').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute())) {
    put('department', r.id, departmentFromRow(r));
  }
  for (const r of await inChunks(ids('location'), (c) => k.selectFrom('locations').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute())) {
    put('location', r.id, locationFromRow(r));
  }
  if (ids('organisation').includes(t)) {
    const org = await k.selectFrom('organisations').selectAll().where('tenant_id', '=', t).executeTakeFirst();
    if (org) put('organisation', t, organisationFromRow(org));
  }

  // The knowledge base: organisation-wide, like the directory.
  for (const r of await inChunks(ids('section'), (c) => k.selectFrom('kb_sections').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute())) {
    put('section', r.id, sectionFromRow(r));
  }
  const pageRows = await inChunks(ids('page'), (c) => k.selectFrom('kb_pages').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute());
  for (const page of await pagesFromRows(k, t, pageRows)) put('page', page.id, page);
  for (const r of await inChunks(ids('quickLink'), (c) => k.selectFrom('kb_quick_links').selectAll().where('tenant_id', '=', t).where('id', 'in', c).execute())) {
    put('quickLink', r.id, quickLinkFromRow(r));
  }

  // Person-scoped entities: only ever the caller's own, and none for a device alone.
  const me = v.viewer.personId;
  if (me === null) return out;
  const mine = (key: string) => key.endsWith(`:${me}`);
  const myMemberships = membershipKeys.filter(([, person]) => person === me);
  if (myMemberships.length > 0) {
    const rows = await k
      .selectFrom('group_members')
      .selectAll()
      .where('tenant_id', '=', t)
      .where('person_id', '=', me)
      .where(
        'group_id',
        'in',
        myMemberships.map(([g]) => g),
      )
      .execute();
    for (const r of rows) put('membership', `${r.group_id}:${r.person_id}`, membershipFromRow(r));
  }
  const likePosts = ids('like').filter(mine).map((key) => key.split(':')[0]!);
  const likeRows = await inChunks(likePosts, (c) =>
    k.selectFrom('likes').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('post_id', 'in', c).execute(),
  );
  for (const r of likeRows) put('like', `${r.post_id}:${r.person_id}`, { postId: r.post_id, personId: r.person_id, createdAt: r.created_at, kind: asReactionKind(r.kind) });
  const notificationRows = await inChunks(ids('notification'), (c) =>
    k.selectFrom('notifications').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('id', 'in', c).execute(),
  );
  const hiddenFromMe = await hiddenItemsFor(k, t, me, notificationRows);
  for (const r of notificationRows) {
    if (r.kind !== 'moderation_hidden' && (hiddenFromMe.has(r.post_id) || (r.comment_id !== null && hiddenFromMe.has(r.comment_id)))) continue;
    put('notification', r.id, {
      id: r.id,
      kind: r.kind as 'mention' | 'reply' | 'read_reminder' | 'post_review' | 'moderation_hidden',
      actorId: r.actor_id,
      postId: r.post_id,
      commentId: r.comment_id,
      ...(r.reason ? { reason: r.reason } : {}),
      createdAt: r.created_at,
    });
  }

  // A page's review notice is a notification of its owner, kept with the knowledge base.
  const reviewNotices = await inChunks(ids('notification'), (c) =>
    k.selectFrom('kb_review_notices').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('id', 'in', c).execute(),
  );
  for (const r of reviewNotices) put('notification', r.id, reviewNotification(r));
  // Notices about groups: a request to join one she is an admin of, or being added to one.
  const groupNotices = await inChunks(ids('notification'), (c) =>
    k.selectFrom('group_notices').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('id', 'in', c).execute(),
  );
  for (const r of groupNotices) put('notification', r.id, groupNotification(r));
  for (const r of await inChunks(ids('joinRequest'), (c) => visibleJoinRequests(k, t, me, c))) put('joinRequest', r.id, r);
  // One's own favourites and answers to "Was dit nuttig?", keyed page:person like likes.
  const myPages = (entity: EntityName) => ids(entity).filter(mine).map((key) => key.split(':')[0]!);
  const favouriteRows = await inChunks(myPages('favourite'), (c) =>
    k.selectFrom('kb_favourites').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('page_id', 'in', c).execute(),
  );
  for (const r of favouriteRows) put('favourite', `${r.page_id}:${r.person_id}`, favouriteFromRow(r));
  const feedbackRows = await inChunks(myPages('pageFeedback'), (c) =>
    k.selectFrom('kb_feedback').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('page_id', 'in', c).execute(),
  );
  for (const r of feedbackRows) put('pageFeedback', `${r.page_id}:${r.person_id}`, feedbackFromRow(r));
  // One's own answers to "lezen verplicht" posts, keyed post:person.
  const receiptRows = await inChunks(ids('readReceipt').filter(mine).map((key) => key.split(':')[0]!), (c) =>
    k.selectFrom('read_receipts').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('post_id', 'in', c).execute(),
  );
  for (const r of receiptRows) put('readReceipt', `${r.post_id}:${r.person_id}`, receiptFromRow(r));
  // One's own votes, keyed poll:person; in an anonymous poll only that she voted.
  const voteRows = await inChunks(ids('pollVote').filter(mine).map((key) => key.split(':')[0]!), (c) =>
    k.selectFrom('poll_voters').selectAll().where('tenant_id', '=', t).where('person_id', '=', me).where('poll_id', 'in', c).execute(),
  );
  for (const r of voteRows) put('pollVote', `${r.poll_id}:${r.person_id}`, voteFromRow(r));
  return out;
}

/** Posts and comments of these notifications that are hidden from `me` (hidden, and not hers). */
async function hiddenItemsFor(k: Kysely<Database>, t: string, me: string, rows: { post_id: string; comment_id: string | null }[]): Promise<Set<string>> {
  const postIds = [...new Set(rows.map((r) => r.post_id))];
  const commentIds = [...new Set(rows.flatMap((r) => (r.comment_id === null ? [] : [r.comment_id])))];
  const posts = await inChunks(postIds, (c) =>
    k.selectFrom('posts').select(['id', 'author_id', 'hidden_at']).where('tenant_id', '=', t).where('id', 'in', c).where('hidden_at', 'is not', null).execute(),
  );
  const comments = await inChunks(commentIds, (c) =>
    k.selectFrom('comments').select(['id', 'author_id', 'hidden_at']).where('tenant_id', '=', t).where('id', 'in', c).where('hidden_at', 'is not', null).execute(),
  );
  return new Set([...posts, ...comments].filter((r) => !shownToViewer(r, me)).map((r) => r.id));
}

import type Database from 'better-sqlite3';
import type { Comment, Post } from '../../../common/src/api/entities.js';
import { fromRow, type EntityRow } from './entityRow.js';

export interface PostFilter {
  groupId?: string | undefined;
  /**
   * The home timeline: posts outside any group, and those of these groups (hers that she has in
   * her timeline). Absent: posts of every group.
   */
  homeGroupIds?: readonly string[] | undefined;
  /** Normalised (lower case, no `#`). */
  hashtag?: string | undefined;
  authorId?: string | undefined;
  pinnedOnly?: boolean | undefined;
  /** Leaves out posts whose end date (an editor's) is at or before this time. */
  liveAt?: string | undefined;
}

/** A position in a newest-first list: everything strictly older than this post. */
export interface PostPosition {
  createdAt: string;
  id: string;
}

/**
 * Reads posts and comments newest first. Each filter shape has its own statement, prepared once,
 * so the planner walks one index in order and stops after `limit` rows.
 */
export function createPostQueries(db: Database.Database) {
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };

  const byId = db.prepare<[string], EntityRow>('SELECT data FROM posts WHERE id = ?');
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM posts WHERE id = ?');
  const commentExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM comments WHERE id = ?');
  const commentsOf = db.prepare<[string], EntityRow>('SELECT data FROM comments WHERE post_id = ? ORDER BY created_at, id');
  // Newest first over the created_at index, stopping at `since`: a few weeks of posts at most.
  const latestStarter = db.prepare<{ groupId: string | null; since: string }, EntityRow>(
    "SELECT data FROM posts WHERE created_at > @since AND group_id IS @groupId AND json_extract(data, '$.conversationStarter') = 1 ORDER BY created_at DESC, id DESC LIMIT 1",
  );
  const commentById = db.prepare<[string], EntityRow>('SELECT data FROM comments WHERE id = ?');
  const newerInGroup = db.prepare<{ groupId: string; since: string; me: string }, { n: number }>(
    'SELECT count(*) AS n FROM posts WHERE group_id = @groupId AND created_at > @since AND author_id <> @me',
  );

  return {
    list(filter: PostFilter, before: PostPosition | null, limit: number): Post[] {
      const viaTag = filter.hashtag !== undefined;
      const p = viaTag ? 'p.' : '';
      const where: string[] = [];
      if (viaTag) where.push('h.tag = @hashtag');
      if (filter.groupId !== undefined) where.push(`${p}group_id = @groupId`);
      if (filter.homeGroupIds !== undefined) where.push(`(${p}group_id IS NULL OR ${p}group_id IN (SELECT value FROM json_each(@homeGroups)))`);
      if (filter.authorId !== undefined) where.push(`${p}author_id = @authorId`);
      if (filter.pinnedOnly) where.push(`${p}pinned = 1`);
      // Few posts have an end date, so this rarely skips a row and the index walk stays short.
      if (filter.liveAt !== undefined) where.push(`(json_extract(${p}data, '$.endsAt') IS NULL OR json_extract(${p}data, '$.endsAt') > @liveAt)`);
      const [created, id] = viaTag ? ['h.created_at', 'h.post_id'] : ['created_at', 'id'];
      if (before) where.push(`(${created}, ${id}) < (@beforeCreatedAt, @beforeId)`);
      const sql =
        (viaTag ? 'SELECT p.data FROM post_hashtags h JOIN posts p ON p.id = h.post_id' : 'SELECT data FROM posts') +
        (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
        ` ORDER BY ${created} DESC, ${id} DESC LIMIT @limit`;
      const params: Record<string, string | number> = { limit };
      if (filter.hashtag !== undefined) params.hashtag = filter.hashtag;
      if (filter.groupId !== undefined) params.groupId = filter.groupId;
      if (filter.homeGroupIds !== undefined) params.homeGroups = JSON.stringify(filter.homeGroupIds);
      if (filter.authorId !== undefined) params.authorId = filter.authorId;
      if (filter.liveAt !== undefined) params.liveAt = filter.liveAt;
      if (before) Object.assign(params, { beforeCreatedAt: before.createdAt, beforeId: before.id });
      return (statement(sql).all(params) as EntityRow[]).map(fromRow<Post>);
    },
    get(id: string): Post | null {
      const row = byId.get(id);
      return row ? fromRow<Post>(row) : null;
    },
    has: (id: string): boolean => exists.get(id) !== undefined,
    /** The newest conversation starter in a group (null: the organisation's timeline) since a time. */
    latestStarter(groupId: string | null, since: string): Post | null {
      const row = latestStarter.get({ groupId, since });
      return row ? fromRow<Post>(row) : null;
    },
    hasComment: (id: string): boolean => commentExists.get(id) !== undefined,
    comment: (id: string): Comment | null => {
      const row = commentById.get(id);
      return row ? fromRow<Comment>(row) : null;
    },
    comments: (postId: string): Comment[] => commentsOf.all(postId).map(fromRow<Comment>),
    /** Posts of a group by others than `me`, newer than `since`. */
    countNewer: (groupId: string, since: string, me: string): number => newerInGroup.get({ groupId, since, me })?.n ?? 0,
  };
}

export type PostQueries = ReturnType<typeof createPostQueries>;

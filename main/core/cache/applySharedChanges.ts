import type Database from 'better-sqlite3';
import type { Comment, Organisation, Page, Person, Poll, Post, QuickLink, Section } from '../../../common/src/api/entities.js';
import type { EntityName, SyncChange } from '../../../common/src/api/sync.js';
import { searchKey } from '../../../common/src/text/fold.js';
import type { SyncState } from './syncState.js';

/** Directory entities kept as their JSON alone; people have their search columns besides (`upsertPerson`). */
const JSON_TABLES = { organisation: 'organisation', location: 'locations', department: 'departments' } as const;
const DIRECTORY_TABLES = { ...JSON_TABLES, person: 'people' } as const;
const isDirectory = (entity: EntityName): entity is keyof typeof DIRECTORY_TABLES => Object.hasOwn(DIRECTORY_TABLES, entity);
const isJsonOnly = (entity: EntityName): entity is keyof typeof JSON_TABLES => Object.hasOwn(JSON_TABLES, entity);

export interface AppliedPage {
  /** Posts whose view may have changed (edited, deleted, commented, liked). */
  postIds: Set<string>;
  /** People, groups or the organisation changed, which every view may show. */
  directoryChanged: boolean;
  /** Pages saved or removed (their search entries must follow). */
  pageIds: Set<string>;
  /** Anything in the knowledge base changed: sections, pages or quick links. */
  kbChanged: boolean;
}

/** The knowledge base's tables; each entity is its JSON beside the columns the tree orders on. */
const KB_TABLES = { section: 'kb_sections', page: 'kb_pages', quickLink: 'kb_quick_links' } as const;
const isKb = (entity: EntityName): entity is keyof typeof KB_TABLES => Object.hasOwn(KB_TABLES, entity);

/**
 * Applies pages of the shared change feed. Each page and the cursor after it commit in one
 * transaction, so a crash leaves the cache at the cursor of the last whole page.
 *
 * Rules: an upsert replaces; removing a group removes its posts and their comments; removing a post
 * removes its comments and its poll. Personal entities (likes, memberships, notifications, own
 * votes) and private groups are never written here, whatever the feed says.
 */
export function createSharedApplier(db: Database.Database, state: SyncState) {
  const statements = <T extends Record<string, string>, A extends unknown[]>(tables: T, sql: (table: string) => string) =>
    Object.fromEntries(Object.entries(tables).map(([entity, table]) => [entity, db.prepare<A>(sql(table))])) as Record<keyof T, Database.Statement<A>>;
  const put = statements<typeof JSON_TABLES, [string, string]>(JSON_TABLES, (t) => `INSERT INTO ${t} (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`);
  const remove = statements<typeof DIRECTORY_TABLES, [string]>(DIRECTORY_TABLES, (t) => `DELETE FROM ${t} WHERE id = ?`);
  const s = {
    person: db.prepare<[string, string, number, string, string]>(
      `INSERT INTO people (id, handle, active, search_name, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, active = excluded.active, search_name = excluded.search_name, data = excluded.data`,
    ),
    group: db.prepare<[string, string, string]>(
      'INSERT INTO groups (id, visibility, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET visibility = excluded.visibility, data = excluded.data',
    ),
    postTags: db.prepare<[string], { hashtags: string }>("SELECT json_extract(data, '$.hashtags') AS hashtags FROM posts WHERE id = ?"),
    post: db.prepare<[string, string, string | null, number, string, string]>(
      `INSERT INTO posts (id, author_id, group_id, pinned, created_at, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET pinned = excluded.pinned, data = excluded.data`,
    ),
    deleteTagsOfPost: db.prepare<[string]>('DELETE FROM post_hashtags WHERE post_id = ?'),
    insertTag: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO post_hashtags (tag, created_at, post_id) VALUES (?, ?, ?)'),
    comment: db.prepare<[string, string, string, string]>(
      `INSERT INTO comments (id, post_id, created_at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET post_id = excluded.post_id, data = excluded.data`,
    ),
    commentPost: db.prepare<[string], { post_id: string }>('SELECT post_id FROM comments WHERE id = ?'),
    deleteGroup: db.prepare<[string]>('DELETE FROM groups WHERE id = ?'),
    poll: db.prepare<[string, string | null, string, string]>(
      'INSERT INTO polls (id, closes_at, created_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET closes_at = excluded.closes_at, data = excluded.data',
    ),
    deletePoll: db.prepare<[string]>('DELETE FROM polls WHERE id = ?'),
    deletePollsOfGroup: db.prepare<[string]>('DELETE FROM polls WHERE id IN (SELECT id FROM posts WHERE group_id = ?)'),
    postsOfGroup: db.prepare<[string], { id: string }>('SELECT id FROM posts WHERE group_id = ?'),
    deleteTagsOfGroup: db.prepare<[string]>('DELETE FROM post_hashtags WHERE post_id IN (SELECT id FROM posts WHERE group_id = ?)'),
    deleteCommentsOfGroup: db.prepare<[string]>('DELETE FROM comments WHERE post_id IN (SELECT id FROM posts WHERE group_id = ?)'),
    deletePostsOfGroup: db.prepare<[string]>('DELETE FROM posts WHERE group_id = ?'),
    deletePost: db.prepare<[string]>('DELETE FROM posts WHERE id = ?'),
    deleteCommentsOfPost: db.prepare<[string]>('DELETE FROM comments WHERE post_id = ?'),
    deleteComment: db.prepare<[string]>('DELETE FROM comments WHERE id = ?'),
    section: db.prepare<[string, string | null, number, string]>(
      `INSERT INTO kb_sections (id, parent_id, position, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, position = excluded.position, data = excluded.data`,
    ),
    page: db.prepare<[string, string | null, number, string]>(
      `INSERT INTO kb_pages (id, section_id, position, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET section_id = excluded.section_id, position = excluded.position, data = excluded.data`,
    ),
    quickLink: db.prepare<[string, number, string]>(
      'INSERT INTO kb_quick_links (id, position, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = excluded.data',
    ),
  };
  const removeKb = statements<typeof KB_TABLES, [string]>(KB_TABLES, (t) => `DELETE FROM ${t} WHERE id = ?`);

  const upsertKb = (change: Extract<SyncChange, { op: 'upsert'; entity: keyof typeof KB_TABLES }>, page: AppliedPage) => {
    page.kbChanged = true;
    switch (change.entity) {
      case 'section': {
        const x: Section = change.data;
        return void s.section.run(x.id, x.parentId, x.position, JSON.stringify(x));
      }
      case 'page': {
        const x: Page = change.data;
        page.pageIds.add(x.id);
        return void s.page.run(x.id, x.sectionId, x.position, JSON.stringify(x));
      }
      case 'quickLink': {
        const x: QuickLink = change.data;
        return void s.quickLink.run(x.id, x.position, JSON.stringify(x));
      }
    }
  };

  const removeGroup = (id: string, page: AppliedPage) => {
    for (const p of s.postsOfGroup.all(id)) page.postIds.add(p.id);
    s.deleteTagsOfGroup.run(id);
    s.deleteCommentsOfGroup.run(id);
    s.deletePollsOfGroup.run(id);
    s.deletePostsOfGroup.run(id);
    s.deleteGroup.run(id);
    page.directoryChanged = true;
  };

  const removePost = (id: string, page: AppliedPage) => {
    s.deleteTagsOfPost.run(id);
    s.deleteCommentsOfPost.run(id);
    s.deletePoll.run(id);
    s.deletePost.run(id);
    page.postIds.add(id);
  };

  // A post's author and group never change, so an update leaves the indexes on them alone.
  const upsertPost = (post: Post) => {
    const before = s.postTags.get(post.id);
    s.post.run(post.id, post.authorId, post.groupId, post.pinned ? 1 : 0, post.createdAt, JSON.stringify(post));
    // Like and comment counts change far more often than tags: only rewrite tags that changed.
    if (before?.hashtags === JSON.stringify(post.hashtags)) return;
    s.deleteTagsOfPost.run(post.id);
    for (const tag of post.hashtags) s.insertTag.run(tag, post.createdAt, post.id);
  };

  // The poll's card is its post's: a changed count is a changed post for the views.
  const upsertPoll = (poll: Poll, page: AppliedPage) => {
    s.poll.run(poll.id, poll.closesAt, poll.createdAt, JSON.stringify(poll));
    page.postIds.add(poll.id);
  };

  const upsertPerson = (p: Person) => s.person.run(p.id, p.handle, p.active ? 1 : 0, searchKey(p.name), JSON.stringify(p));
  const upsertComment = (c: Comment) => s.comment.run(c.id, c.postId, c.createdAt, JSON.stringify(c));
  const putOrganisation = (o: Organisation) => put.organisation.run(o.id, JSON.stringify(o));

  function applyOne(change: SyncChange, page: AppliedPage): void {
    if (change.op === 'delete') {
      if (isDirectory(change.entity)) {
        remove[change.entity].run(change.id);
        page.directoryChanged = true;
        return;
      }
      if (isKb(change.entity)) {
        // A section is only removed when empty, so its pages need no cascade here.
        removeKb[change.entity].run(change.id);
        if (change.entity === 'page') page.pageIds.add(change.id);
        page.kbChanged = true;
        return;
      }
      switch (change.entity) {
        case 'group':
          return removeGroup(change.id, page);
        case 'post':
          return removePost(change.id, page);
        case 'poll':
          s.deletePoll.run(change.id);
          page.postIds.add(change.id);
          return;
        case 'comment': {
          const postId = s.commentPost.get(change.id)?.post_id;
          if (postId) page.postIds.add(postId);
          s.deleteComment.run(change.id);
          return;
        }
        default:
          return;
      }
    }
    if (isDirectory(change.entity)) {
      if (change.entity === 'person') upsertPerson(change.data);
      else if (isJsonOnly(change.entity)) put[change.entity].run(change.id, JSON.stringify(change.data));
      page.directoryChanged = true;
      return;
    }
    if (change.entity === 'section' || change.entity === 'page' || change.entity === 'quickLink') return upsertKb(change, page);
    switch (change.entity) {
      case 'group':
        // A group that became private or was archived may no longer be known by this device.
        if (change.data.visibility === 'private' || change.data.archived) return removeGroup(change.id, page);
        s.group.run(change.id, change.data.visibility, JSON.stringify(change.data));
        page.directoryChanged = true;
        return;
      case 'post':
        upsertPost(change.data);
        page.postIds.add(change.id);
        return;
      case 'comment':
        upsertComment(change.data);
        page.postIds.add(change.data.postId);
        return;
      case 'poll':
        return upsertPoll(change.data, page);
      default:
        return;
    }
  }

  return {
    /** Applies one page and moves the cursor to `next`; all or nothing. */
    applyPage: db.transaction((changes: readonly SyncChange[], next: number, syncedAt: string | null): AppliedPage => {
      const page: AppliedPage = { postIds: new Set(), directoryChanged: false, pageIds: new Set(), kbChanged: false };
      for (const change of changes) applyOne(change, page);
      state.setCursor(next);
      if (syncedAt) state.setLastSyncedAt(syncedAt);
      return page;
    }),
    /** The organisation from a login answer, so its theme is there before the first sync. */
    putOrganisation,
  };
}

export type SharedApplier = ReturnType<typeof createSharedApplier>;

import type Database from 'better-sqlite3';
import type { Comment, Department, Group, Location, Organisation, Person, Post } from '../../../common/src/api/entities.js';
import type { SyncChange } from '../../../common/src/api/sync.js';
import { organisationToRow, postToRow, type OrganisationRow } from './rows.js';
import { searchKey } from '../../../common/src/text/fold.js';
import type { SyncState } from './syncState.js';

export interface AppliedPage {
  /** Posts whose view may have changed (edited, deleted, commented, liked). */
  postIds: Set<string>;
  /** People, groups or the organisation changed, which every view may show. */
  directoryChanged: boolean;
}

/**
 * Applies pages of the shared change feed. Each page and the cursor after it commit in one
 * transaction, so a crash leaves the cache at the cursor of the last whole page.
 *
 * Rules: an upsert replaces; removing a group removes its posts and their comments; removing a post
 * removes its comments. Personal entities (likes, memberships, notifications) and private groups are
 * never written here, whatever the feed says.
 */
export function createSharedApplier(db: Database.Database, state: SyncState) {
  const s = {
    organisation: db.prepare<OrganisationRow>(
      `INSERT INTO organisation (id, slug, name, intranet_name, primary_color, accent_color, logo_image_id, settings)
       VALUES (@id, @slug, @name, @intranet_name, @primary_color, @accent_color, @logo_image_id, @settings)
       ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, intranet_name = excluded.intranet_name,
         primary_color = excluded.primary_color, accent_color = excluded.accent_color, logo_image_id = excluded.logo_image_id,
         settings = excluded.settings`,
    ),
    location: db.prepare<Location>(
      `INSERT INTO locations (id, name, city) VALUES (@id, @name, @city)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, city = excluded.city`,
    ),
    department: db.prepare<Department>(
      `INSERT INTO departments (id, name, kind, location_id) VALUES (@id, @name, @kind, @locationId)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, location_id = excluded.location_id`,
    ),
    person: db.prepare<[string, string, string, string, string, string | null, string | null, string, string | null, number, string]>(
      `INSERT INTO people (id, employee_number, name, handle, job_title, department_id, location_id, roles, avatar_image_id, active, search_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET employee_number = excluded.employee_number, name = excluded.name, handle = excluded.handle,
         job_title = excluded.job_title, department_id = excluded.department_id, location_id = excluded.location_id,
         roles = excluded.roles, avatar_image_id = excluded.avatar_image_id, active = excluded.active, search_name = excluded.search_name`,
    ),
    group: db.prepare<Group>(
      `INSERT INTO groups (id, name, description, kind, visibility, member_count, created_at)
       VALUES (@id, @name, @description, @kind, @visibility, @memberCount, @createdAt)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, kind = excluded.kind,
         visibility = excluded.visibility, member_count = excluded.member_count`,
    ),
    postTags: db.prepare<[string], { hashtags: string }>('SELECT hashtags FROM posts WHERE id = ?'),
    post: db.prepare(
      `INSERT INTO posts (id, author_id, group_id, body, hashtags, mentions, images, pinned, like_count, comment_count, created_at, edited_at)
       VALUES (@id, @author_id, @group_id, @body, @hashtags, @mentions, @images, @pinned, @like_count, @comment_count, @created_at, @edited_at)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body,
         hashtags = excluded.hashtags, mentions = excluded.mentions, images = excluded.images, pinned = excluded.pinned,
         like_count = excluded.like_count, comment_count = excluded.comment_count, edited_at = excluded.edited_at`,
    ),
    deleteTagsOfPost: db.prepare<[string]>('DELETE FROM post_hashtags WHERE post_id = ?'),
    insertTag: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO post_hashtags (tag, created_at, post_id) VALUES (?, ?, ?)'),
    comment: db.prepare<[string, string, string, string, string, string, string | null]>(
      `INSERT INTO comments (id, post_id, author_id, body, mentions, created_at, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET post_id = excluded.post_id, author_id = excluded.author_id, body = excluded.body,
         mentions = excluded.mentions, edited_at = excluded.edited_at`,
    ),
    commentPost: db.prepare<[string], { post_id: string }>('SELECT post_id FROM comments WHERE id = ?'),
    deleteOrganisation: db.prepare<[string]>('DELETE FROM organisation WHERE id = ?'),
    deleteLocation: db.prepare<[string]>('DELETE FROM locations WHERE id = ?'),
    deleteDepartment: db.prepare<[string]>('DELETE FROM departments WHERE id = ?'),
    deletePerson: db.prepare<[string]>('DELETE FROM people WHERE id = ?'),
    deleteGroup: db.prepare<[string]>('DELETE FROM groups WHERE id = ?'),
    postsOfGroup: db.prepare<[string], { id: string }>('SELECT id FROM posts WHERE group_id = ?'),
    deleteTagsOfGroup: db.prepare<[string]>('DELETE FROM post_hashtags WHERE post_id IN (SELECT id FROM posts WHERE group_id = ?)'),
    deleteCommentsOfGroup: db.prepare<[string]>('DELETE FROM comments WHERE post_id IN (SELECT id FROM posts WHERE group_id = ?)'),
    deletePostsOfGroup: db.prepare<[string]>('DELETE FROM posts WHERE group_id = ?'),
    deletePost: db.prepare<[string]>('DELETE FROM posts WHERE id = ?'),
    deleteCommentsOfPost: db.prepare<[string]>('DELETE FROM comments WHERE post_id = ?'),
    deleteComment: db.prepare<[string]>('DELETE FROM comments WHERE id = ?'),
  };

  const removeGroup = (id: string, page: AppliedPage) => {
    for (const p of s.postsOfGroup.all(id)) page.postIds.add(p.id);
    s.deleteTagsOfGroup.run(id);
    s.deleteCommentsOfGroup.run(id);
    s.deletePostsOfGroup.run(id);
    s.deleteGroup.run(id);
    page.directoryChanged = true;
  };

  const removePost = (id: string, page: AppliedPage) => {
    s.deleteTagsOfPost.run(id);
    s.deleteCommentsOfPost.run(id);
    s.deletePost.run(id);
    page.postIds.add(id);
  };

  // A post's author and group never change, so an update leaves the indexes on them alone.
  const upsertPost = (post: Post) => {
    const before = s.postTags.get(post.id);
    const row = postToRow(post);
    s.post.run(row);
    // Like and comment counts change far more often than tags: only rewrite tags that changed.
    if (before?.hashtags === row.hashtags) return;
    s.deleteTagsOfPost.run(post.id);
    for (const tag of post.hashtags) s.insertTag.run(tag, post.createdAt, post.id);
  };

  const upsertPerson = (p: Person) =>
    s.person.run(p.id, p.employeeNumber, p.name, p.handle, p.jobTitle, p.departmentId, p.locationId, JSON.stringify(p.roles), p.avatarImageId, p.active ? 1 : 0, searchKey(p.name));

  const upsertComment = (c: Comment) => s.comment.run(c.id, c.postId, c.authorId, c.body, JSON.stringify(c.mentions), c.createdAt, c.editedAt);

  function applyOne(change: SyncChange, page: AppliedPage): void {
    if (change.op === 'delete') {
      switch (change.entity) {
        case 'organisation':
          s.deleteOrganisation.run(change.id);
          page.directoryChanged = true;
          return;
        case 'location':
          s.deleteLocation.run(change.id);
          page.directoryChanged = true;
          return;
        case 'department':
          s.deleteDepartment.run(change.id);
          page.directoryChanged = true;
          return;
        case 'person':
          s.deletePerson.run(change.id);
          page.directoryChanged = true;
          return;
        case 'group':
          return removeGroup(change.id, page);
        case 'post':
          return removePost(change.id, page);
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
    switch (change.entity) {
      case 'organisation':
        s.organisation.run(organisationToRow(change.data));
        page.directoryChanged = true;
        return;
      case 'location':
        s.location.run(change.data);
        page.directoryChanged = true;
        return;
      case 'department':
        s.department.run(change.data);
        page.directoryChanged = true;
        return;
      case 'person':
        upsertPerson(change.data);
        page.directoryChanged = true;
        return;
      case 'group':
        // A group that became private may no longer be known by this device.
        if (change.data.visibility === 'private') return removeGroup(change.id, page);
        s.group.run(change.data);
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
      default:
        return;
    }
  }

  return {
    /** Applies one page and moves the cursor to `next`; all or nothing. */
    applyPage: db.transaction((changes: readonly SyncChange[], next: number, syncedAt: string | null): AppliedPage => {
      const page: AppliedPage = { postIds: new Set(), directoryChanged: false };
      for (const change of changes) applyOne(change, page);
      state.setCursor(next);
      if (syncedAt) state.setLastSyncedAt(syncedAt);
      return page;
    }),
    /** The organisation from a login answer, so its theme is there before the first sync. */
    putOrganisation: (org: Organisation) => s.organisation.run(organisationToRow(org)),
  };
}

export type SharedApplier = ReturnType<typeof createSharedApplier>;

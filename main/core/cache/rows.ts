import { DEFAULT_ORGANISATION_SETTINGS, OrganisationSettingsSchema, type Comment, type Group, type ImageRef, type Organisation, type Person, type Post } from '../../../common/src/api/entities.js';
import type { Role } from '../../../common/src/api/primitives.js';

/** Rows as the cache stores them, and the entities they stand for. */

export interface PostRow {
  id: string;
  author_id: string;
  group_id: string | null;
  body: string;
  hashtags: string;
  mentions: string;
  images: string;
  pinned: number;
  like_count: number;
  comment_count: number;
  created_at: string;
  edited_at: string | null;
}

export const postFromRow = (r: PostRow): Post => ({
  id: r.id,
  authorId: r.author_id,
  groupId: r.group_id,
  body: r.body,
  hashtags: JSON.parse(r.hashtags) as string[],
  mentions: JSON.parse(r.mentions) as Post['mentions'],
  images: JSON.parse(r.images) as ImageRef[],
  pinned: r.pinned === 1,
  likeCount: r.like_count,
  commentCount: r.comment_count,
  createdAt: r.created_at,
  editedAt: r.edited_at,
});

export const postToRow = (p: Post): PostRow => ({
  id: p.id,
  author_id: p.authorId,
  group_id: p.groupId,
  body: p.body,
  hashtags: JSON.stringify(p.hashtags),
  mentions: JSON.stringify(p.mentions),
  images: JSON.stringify(p.images),
  pinned: p.pinned ? 1 : 0,
  like_count: p.likeCount,
  comment_count: p.commentCount,
  created_at: p.createdAt,
  edited_at: p.editedAt,
});

export interface CommentRow {
  id: string;
  post_id: string;
  author_id: string;
  body: string;
  mentions: string;
  created_at: string;
  edited_at: string | null;
}

export const commentFromRow = (r: CommentRow): Comment => ({
  id: r.id,
  postId: r.post_id,
  authorId: r.author_id,
  body: r.body,
  mentions: JSON.parse(r.mentions) as Comment['mentions'],
  createdAt: r.created_at,
  editedAt: r.edited_at,
});

export interface PersonRow {
  id: string;
  employee_number: string;
  name: string;
  handle: string;
  job_title: string;
  department_id: string | null;
  location_id: string | null;
  roles: string;
  avatar_image_id: string | null;
  active: number;
}

export const personFromRow = (r: PersonRow): Person => ({
  id: r.id,
  employeeNumber: r.employee_number,
  name: r.name,
  handle: r.handle,
  jobTitle: r.job_title,
  departmentId: r.department_id,
  locationId: r.location_id,
  roles: JSON.parse(r.roles) as Role[],
  avatarImageId: r.avatar_image_id,
  active: r.active === 1,
});

export interface GroupRow {
  id: string;
  name: string;
  description: string;
  kind: string;
  visibility: string;
  member_count: number;
  created_at: string;
}

export const groupFromRow = (r: GroupRow): Group => ({
  id: r.id,
  name: r.name,
  description: r.description,
  kind: r.kind as Group['kind'],
  visibility: r.visibility as Group['visibility'],
  memberCount: r.member_count,
  createdAt: r.created_at,
});

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  intranet_name: string;
  primary_color: string;
  accent_color: string;
  logo_image_id: string | null;
  /** JSON; null in rows written before the settings were kept. */
  settings: string | null;
}

const settingsFromJson = (json: string | null): Organisation['settings'] => {
  if (json === null) return DEFAULT_ORGANISATION_SETTINGS;
  try {
    const parsed = OrganisationSettingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_ORGANISATION_SETTINGS;
  } catch {
    return DEFAULT_ORGANISATION_SETTINGS;
  }
};

export const organisationFromRow = (r: OrganisationRow): Organisation => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  intranetName: r.intranet_name,
  primaryColor: r.primary_color,
  accentColor: r.accent_color,
  logoImageId: r.logo_image_id,
  settings: settingsFromJson(r.settings),
});

export const organisationToRow = (o: Organisation): OrganisationRow => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  intranet_name: o.intranetName,
  primary_color: o.primaryColor,
  accent_color: o.accentColor,
  logo_image_id: o.logoImageId,
  settings: JSON.stringify(o.settings),
});

import type { Role } from '../../../common/src/api/primitives.js';
import type { PersonCard } from '../../../common/src/ipc/views.js';
import type { DirectoryQueries } from '../cache/directoryQueries.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { ReadScope } from '../timeline/readScope.js';

const RECENT_POSTS = 5;

/**
 * A colleague's card: who they are, where they work, what they posted lately. Null if unknown.
 * `viewer`: who looks, to say whether she may show this colleague the first-time tour again (an
 * ambassador, editor or admin, for someone else).
 */
export function personCard(directory: DirectoryQueries, scope: ReadScope, id: string, imageUrl: ImageUrl, viewer: { id: string; roles: readonly Role[] } | null): PersonCard | null {
  const p = directory.person(id);
  if (!p) return null;
  const mayRestartTour =
    viewer !== null && viewer.id !== id && (viewer.roles.includes('editor') || viewer.roles.includes('admin') || directory.person(viewer.id)?.ambassador !== undefined);
  return {
    id: p.id,
    name: p.name,
    handle: p.handle,
    jobTitle: p.jobTitle,
    departmentName: p.departmentName,
    locationName: p.locationName,
    avatarUrl: p.avatarImageId ? imageUrl(p.avatarImageId, 'thumb') : null,
    ...(p.ambassador ? { ambassador: p.ambassador } : {}),
    mayRestartTour,
    recentPosts: scope.list({ authorId: id }, null, RECENT_POSTS).slice(0, RECENT_POSTS).map(scope.view),
  };
}

import type { PersonCard } from '../../../common/src/ipc/views.js';
import type { DirectoryQueries } from '../cache/directoryQueries.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { ReadScope } from '../timeline/readScope.js';

const RECENT_POSTS = 5;

/** A colleague's card: who they are, where they work, what they posted lately. Null if unknown. */
export function personCard(directory: DirectoryQueries, scope: ReadScope, id: string, imageUrl: ImageUrl): PersonCard | null {
  const p = directory.person(id);
  if (!p) return null;
  return {
    id: p.id,
    name: p.name,
    handle: p.handle,
    jobTitle: p.jobTitle,
    departmentName: p.departmentName,
    locationName: p.locationName,
    avatarUrl: p.avatarImageId ? imageUrl(p.avatarImageId, 'thumb') : null,
    recentPosts: scope.list({ authorId: id }, null, RECENT_POSTS).slice(0, RECENT_POSTS).map(scope.view),
  };
}

import type { MethodOutput } from '../../../common/src/ipc/contract.js';
import type { DirectoryQueries } from '../cache/directoryQueries.js';
import type { ImageUrl } from '../images/imageUrl.js';

/** Colleagues for the composer's @-suggestions: name (any word) or handle starting with the prefix. */
export function mentionSuggestions(directory: DirectoryQueries, prefix: string, limit: number, imageUrl: ImageUrl): MethodOutput<'people.suggest'> {
  return {
    items: directory.suggestPeople(prefix, limit).map((p) => ({
      id: p.id,
      name: p.name,
      handle: p.handle,
      jobTitle: p.jobTitle,
      avatarUrl: p.avatarImageId ? imageUrl(p.avatarImageId, 'thumb') : null,
    })),
  };
}

import type { MethodOutput } from '../../../common/src/ipc/contract.js';
import { normaliseHashtag } from '../../../common/src/text/hashtags.js';
import type { DirectoryQueries } from '../cache/directoryQueries.js';
import type { PersonalView } from '../personal/personalStore.js';

/** Hashtags starting with the prefix, most used first: the organisation's plus those in one's private groups. */
export function hashtagSuggestions(directory: DirectoryQueries, personal: PersonalView, prefix: string, limit: number): MethodOutput<'hashtags.suggest'> {
  const wanted = normaliseHashtag(prefix.trim());
  const counts = new Map<string, number>();
  for (const { tag, count } of directory.hashtagCounts(wanted, limit)) counts.set(tag, count);
  for (const post of personal.posts()) {
    for (const tag of post.hashtags) if (tag.startsWith(wanted)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const items = [...counts].map(([tag, count]) => ({ tag, count }));
  items.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  return { items: items.slice(0, limit) };
}

import type { Post } from '../../../common/src/api/entities.js';

/**
 * View counts the server answered to this device's batches, shown until the feed brings the same
 * (or higher) count into the cache. Counts say how many, never who, so they need no wiping.
 */
export function createViewCounts() {
  const heard = new Map<string, number>();
  return {
    heard(counts: readonly { postId: string; viewCount: number }[]): void {
      for (const c of counts) heard.set(c.postId, Math.max(c.viewCount, heard.get(c.postId) ?? 0));
    },
    /** The higher of the feed's count and the one heard; absent where neither knows (an older server). */
    of: (post: Post): number | undefined => {
      const answered = heard.get(post.id);
      if (answered === undefined) return post.viewCount;
      if (post.viewCount !== undefined && post.viewCount >= answered) {
        heard.delete(post.id);
        return post.viewCount;
      }
      return answered;
    },
  };
}

import { z } from 'zod';
import { StatsSocialSchema, type StatsSocial } from '../../../common/src/api/routes/stats.js';
import type { SocialFiguresView } from '../../../common/src/ipc/moderationViews.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { authorLookup } from '../timeline/postViews.js';

const KEY = 'social_figures';
const Stored = StatsSocialSchema.extend({ asOf: z.string() });

/**
 * The side column's figures are organisation-wide (no person's own activity), so the last answer is
 * kept on disk beside the cache's bookkeeping (`sync_state`, dropped with the cache's content when it
 * is bound to another organisation) and shown offline. Each time the home page asks, the server is
 * asked first; when it cannot answer, the kept answer is shown with its date.
 */
export function createSocialHandlers(d: { http: HttpClient; cache: Cache; clock: Clock; imageUrl: ImageUrl; session(): ActiveSession | null }): Pick<Handlers, 'stats.social'> {
  const keep = (figures: StatsSocial) =>
    d.cache.write((c) =>
      c.db
        .prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(KEY, JSON.stringify({ ...figures, asOf: d.clock.now().toISOString() })),
    );
  const kept = (): SocialFiguresView | null =>
    d.cache.read((c) => {
      const row = c.db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(KEY);
      const parsed = row ? Stored.safeParse(JSON.parse(row.value)) : null;
      if (!parsed?.success) return null;
      const { mostLiked, ...rest } = parsed.data;
      const post = mostLiked ? c.posts.get(mostLiked.postId) : null;
      return { ...rest, mostLiked: mostLiked ? { ...mostLiked, author: post ? authorLookup(c.directory, d.imageUrl)(post.authorId) : null } : null };
    });

  return {
    'stats.social': async () => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('statsSocial', { token: s.token });
      if (answer.ok) keep(answer.value);
      return ok(kept());
    },
  };
}

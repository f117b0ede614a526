import type { PlaylistEntry } from '../../../common/src/api/routes/kiosks.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { KioskPlaylistsTable } from '../db/schema.js';
import type { Dataset } from './generate.js';
import { hashSeed, Rng } from './prng.js';

/**
 * The demo organisation's kiosk playlist: every source once, and a welcome slide over a landscape
 * photo of an organisation-wide post (which every kiosk may show), so `npm start -- --mode kiosk`
 * shows a full rotation.
 */
export function demoKioskPlaylist(data: Dataset): KioskPlaylistsTable {
  const openPosts = new Set(data.posts.filter((p) => p.group_id === null).map((p) => p.id));
  const photo = data.images.find((i) => i.post_id !== null && openPosts.has(i.post_id) && i.width > i.height) ?? null;
  const at = data.organisation.created_at as string;
  const entries: PlaylistEntry[] = [
    {
      kind: 'slide',
      id: uuidv7(Date.parse(at), new Rng(hashSeed('kiosk-slide', data.tenantId)).bytes),
      seconds: 12,
      weight: 1,
      until: null,
      title: 'Welkom in de pauzeruimte',
      text: 'Tik je pas op de lezer om te reageren, te stemmen of te bevestigen dat je iets gelezen hebt.',
      imageId: photo?.id ?? null,
    },
    { kind: 'pinned', seconds: 15, weight: 2, until: null },
    { kind: 'polls', seconds: 15, weight: 2, until: null },
    { kind: 'newPosts', seconds: 12, weight: 1, until: null, count: 5 },
    { kind: 'readRequired', seconds: 15, weight: 1, until: null },
    { kind: 'topOfWeek', seconds: 12, weight: 1, until: null },
    { kind: 'celebrations', seconds: 12, weight: 1, until: null },
  ];
  return { tenant_id: data.tenantId, scope: 'organisation', target_id: '', entries: JSON.stringify(entries), updated_at: at, updated_by: null };
}

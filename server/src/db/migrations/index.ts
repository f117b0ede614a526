import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_devices.js';
import * as m0003 from './0003_login_throttles.js';
import * as m0004 from './0004_limits.js';
import * as m0005 from './0005_audit_targets.js';
import * as m0006 from './0006_knowledge_base.js';
import * as m0007 from './0007_search.js';
import * as m0008 from './0008_groups.js';
import * as m0010 from './0010_read_confirmations.js';
import * as m0011 from './0011_post_views.js';
import * as m0012 from './0012_stats.js';
import * as m0013 from './0013_mailings.js';
import * as m0018 from './0018_feed_numbered_at_commit.js';
import * as m0019 from './0019_polls.js';
import * as m0020 from './0020_mailing_poll.js';
import * as m0029 from './0029_stats_fold_queue.js';
import * as m0030 from './0030_feed_numbered_after_commit.js';
import * as m0031 from './0031_kiosks.js';
import * as m0032 from './0032_kiosk_playlists.js';
import * as m0033 from './0033_scheduled_posts.js';
import * as m0034 from './0034_categories.js';
import * as m0035 from './0035_reactions.js';
import * as m0036 from './0036_celebrations.js';
import * as m0037 from './0037_moderation.js';
import * as m0038 from './0038_conversation_starters.js';
import * as m0039 from './0039_photo_consent.js';
import * as m0040 from './0040_post_reviews.js';
import * as m0041 from './0041_review_photo_consent.js';
import * as m0042 from './0042_videos.js';
import * as m0043 from './0043_ambassadors.js';
import * as m0044 from './0044_stats_organisation_rollups.js';
import * as m0045 from './0045_stats_place_indexes.js';
import * as m0046 from './0046_numbering_skips_numbered_rows.js';
import * as m0047 from './0047_stream_nodes.js';

export interface MigrationContext {
  /** Column type for bytes: `blob` on SQLite, `bytea` on PostgreSQL. */
  binaryType: 'blob' | 'bytea';
}

export interface NumberedMigration {
  name: string;
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
}

/** Forward only: a released migration is never edited; a fix is a new number. */
export const migrations: NumberedMigration[] = [
  { name: '0001_initial', up: m0001.up },
  { name: '0002_devices', up: m0002.up },
  { name: '0003_login_throttles', up: m0003.up },
  { name: '0004_limits', up: m0004.up },
  { name: '0005_audit_targets', up: m0005.up },
  { name: '0006_knowledge_base', up: m0006.up },
  { name: '0007_search', up: m0007.up },
  { name: '0008_groups', up: m0008.up },
  { name: '0010_read_confirmations', up: m0010.up },
  { name: '0011_post_views', up: m0011.up },
  { name: '0012_stats', up: m0012.up },
  { name: '0013_mailings', up: m0013.up },
  { name: '0018_feed_numbered_at_commit', up: m0018.up },
  { name: '0019_polls', up: m0019.up },
  { name: '0020_mailing_poll', up: m0020.up },
  { name: '0029_stats_fold_queue', up: m0029.up },
  { name: '0030_feed_numbered_after_commit', up: m0030.up },
  { name: '0031_kiosks', up: m0031.up },
  { name: '0032_kiosk_playlists', up: m0032.up },
  { name: '0033_scheduled_posts', up: m0033.up },
  { name: '0034_categories', up: m0034.up },
  { name: '0035_reactions', up: m0035.up },
  { name: '0036_celebrations', up: m0036.up },
  { name: '0037_moderation', up: m0037.up },
  { name: '0038_conversation_starters', up: m0038.up },
  { name: '0039_photo_consent', up: m0039.up },
  { name: '0040_post_reviews', up: m0040.up },
  { name: '0041_review_photo_consent', up: m0041.up },
  { name: '0042_videos', up: m0042.up },
  { name: '0043_ambassadors', up: m0043.up },
  { name: '0044_stats_organisation_rollups', up: m0044.up },
  { name: '0045_stats_place_indexes', up: m0045.up },
  { name: '0046_numbering_skips_numbered_rows', up: m0046.up },
  { name: '0047_stream_nodes', up: m0047.up },
];

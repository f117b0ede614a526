import { ambassadorRoutes } from './routes/ambassadors.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { categoryRoutes } from './routes/categories.js';
import { celebrationRoutes } from './routes/celebrations.js';
import { deviceRoutes } from './routes/devices.js';
import { groupRoutes } from './routes/groups.js';
import { healthRoutes } from './routes/health.js';
import { hrImportRoutes } from './routes/hrImport.js';
import { imageRoutes } from './routes/images.js';
import { kbRoutes } from './routes/kb.js';
import { kioskRoutes } from './routes/kiosks.js';
import { mailingRoutes } from './routes/mailings.js';
import { moderationRoutes } from './routes/moderation.js';
import { peopleRoutes } from './routes/people.js';
import { pollRoutes } from './routes/polls.js';
import { postViewRoutes } from './routes/postViews.js';
import { readConfirmationRoutes } from './routes/readConfirmations.js';
import { realtimeRoutes } from './routes/realtime.js';
import { reviewRoutes } from './routes/reviews.js';
import { schedulingRoutes } from './routes/scheduling.js';
import { searchRoutes } from './routes/search.js';
import { starterRoutes } from './routes/starters.js';
import { statsRoutes } from './routes/stats.js';
import { syncRoutes } from './routes/sync.js';
import { timelineRoutes } from './routes/timeline.js';
import { videoRoutes } from './routes/videos.js';

export { BadgeId, Pin, SessionSchema, type Session } from './routes/auth.js';
export { IMAGE_BYTES_MAX } from './routes/images.js';
export { VIDEO_BYTES_MAX, VIDEO_SECONDS_MAX } from './routes/videos.js';
export { COMMENT_BODY_MAX, POST_BODY_MAX, POST_IMAGES_MAX, POST_VIDEOS_MAX, PostViewSchema, type PostView } from './routes/timeline.js';

/**
 * The whole API, one table: each capability declares its routes in routes/<capability>.ts; the server
 * registers from this table, the client calls through it and /v1/openapi.json is generated from it.
 */
export const routes = {
  ...healthRoutes,
  ...authRoutes,
  ...deviceRoutes,
  ...auditRoutes,
  ...peopleRoutes,
  ...groupRoutes,
  ...timelineRoutes,
  ...schedulingRoutes,
  ...categoryRoutes,
  ...imageRoutes,
  ...videoRoutes,
  ...kbRoutes,
  ...readConfirmationRoutes,
  ...postViewRoutes,
  ...searchRoutes,
  ...mailingRoutes,
  ...pollRoutes,
  ...kioskRoutes,
  ...celebrationRoutes,
  ...hrImportRoutes,
  ...statsRoutes,
  ...moderationRoutes,
  ...syncRoutes,
  ...realtimeRoutes,
  ...reviewRoutes,
  ...starterRoutes,
  ...ambassadorRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

import { registerReviewRoutes } from './reviews/reviewRoutes.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { routes } from '../../common/src/api/routes.js';
import { registerAuditRoutes } from './audit/auditRoutes.js';
import { purgeExpiredAuditEvents } from './audit/retention.js';
import { registerAuthRoutes } from './auth/authRoutes.js';
import { registerCategoryRoutes } from './categories/categoryRoutes.js';
import { registerCelebrationRoutes } from './celebrations/celebrationRoutes.js';
import { registerHrImportRoutes } from './celebrations/hrImportRoutes.js';
import { registerAmbassadorRoutes } from './ambassadors/ambassadorRoutes.js';
import { purgeOldDeviceAttempts } from './auth/deviceSuspension.js';
import { purgeOldLockouts } from './auth/pinLockout.js';
import { registerQuickLoginRoutes } from './auth/quickLoginRoutes.js';
import { createSessionLookup } from './auth/sessionLookup.js';
import { createLatestSeqLookup } from './sync/feed.js';
import { createNotificationsLookup } from './realtime/notificationsAfter.js';
import { registerSyncRoute } from './sync/syncRoute.js';
import { defaultServerOptions, type ServerContext, type ServerOptions } from './context.js';
import type { Db } from './db/connect.js';
import { registerDeviceRoutes } from './devices/deviceRoutes.js';
import { registerGroupRoutes } from './groups/groupRoutes.js';
import { installErrorHandler } from './http/errorHandler.js';
import { register } from './http/register.js';
import { registerServerTiming } from './http/serverTiming.js';
import { purgeExpiredKeys } from './idempotency/store.js';
import { registerImageRoutes } from './images/imageRoutes.js';
import { purgeStrayUploads } from './images/strayUploads.js';
import { purgeStrayVideos } from './videos/strayVideos.js';
import { mediaTools } from './videos/mediaTools.js';
import { registerVideoRoutes } from './videos/videoRoutes.js';
import { createJobLimiter } from './limits/jobLimiter.js';
import { registerKbRoutes } from './kb/kbRoutes.js';
import { registerKioskRoutes } from './kiosks/kioskRoutes.js';
import { createDeliveries, defaultMailOptions, type MailOptions } from './mailings/delivery.js';
import { registerMailingRoutes } from './mailings/mailingRoutes.js';
import { registerMailPreferenceRoutes } from './mailings/preferenceRoutes.js';
import { registerMailPublicRoutes } from './mailings/publicRoutes.js';
import { createMailSender } from './mailings/sender.js';
import { registerMailSettingsRoutes } from './mailings/settingsRoutes.js';
import { noticeDueReviews } from './kb/review.js';
import { purgeOldRateLimits } from './limits/rateLimit.js';
import { buildOpenApiDocument } from './openapi/document.js';
import { registerPeopleRoutes } from './people/peopleRoutes.js';
import { announceClosedPolls } from './polls/closePolls.js';
import { registerPollRoutes } from './polls/pollRoutes.js';
import { publishViewCounts } from './postViews/publishViewCounts.js';
import { registerPostViewRoutes } from './postViews/viewRoutes.js';
import { registerReadConfirmationRoutes } from './readConfirmations/readRoutes.js';
import { buildStaleIndexes } from './search/build.js';
import { publishDuePosts } from './scheduling/publishDue.js';
import { postDueStarters } from './starters/askStarter.js';
import { registerStarterRoutes } from './starters/starterRoutes.js';
import { registerSchedulingRoutes } from './scheduling/schedulingRoutes.js';
import { registerSearchRoutes } from './search/searchRoutes.js';
import { foldAllQueuedActivity } from './stats/record.js';
import { leftoverNumbering } from './sync/numbering.js';
import { purgeOldStatsEvents } from './stats/retention.js';
import { registerModerationRoutes } from './moderation/moderationRoutes.js';
import { registerStatsRoutes } from './stats/statsRoutes.js';
import { registerCommentRoutes } from './timeline/commentRoutes.js';
import { registerLikeRoutes } from './timeline/likeRoutes.js';
import { registerPostRoutes } from './timeline/postRoutes.js';
import { registerEventsRoute } from './realtime/eventsRoute.js';
import { registerUpdateFeedRoutes } from './updates/updateFeedRoutes.js';
import { createRealtimeHub } from './realtime/hub.js';
import { createSharedDeltas } from './realtime/sharedDeltas.js';
import { createStreamRegistry } from './realtime/streamRegistry.js';

export const API_VERSION = '1.0.0';
const JSON_BODY_LIMIT = 256 * 1024;

export interface BuildOptions {
  db: Db;
  options?: Partial<ServerOptions>;
  /** Fastify logger settings; false in tests. */
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** Trust X-Forwarded-For from a load balancer in front. */
  trustProxy?: boolean;
  /** Mail delivery; `folder` defaults to `mail/` in the system's temporary folder. */
  mail?: Partial<MailOptions>;
  /** The folder the desktop client's update feed is served from (`--updates-dir`); none: no feed. */
  updatesDir?: string;
}

/**
 * Logs carry method, route and status only: no query strings (an event stream may carry a token
 * there), no headers, no bodies — so no personal data or credentials reach the log.
 */
export const safeLogSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

export interface BuiltServer {
  app: FastifyInstance;
  ctx: ServerContext;
  /** The hourly clean-up: expired keys and counters, stray uploads, streams of stopped nodes; tests call it after moving the clock. */
  runMaintenance(): Promise<void>;
  /** Publishes the view counts that changed since the last run (runs every `viewCountPublishSeconds`); answers how many posts. */
  publishViewCounts(): Promise<number>;
  /** Announces the polls whose closing time has passed (runs with the view counts); answers how many. */
  announceClosedPolls(): Promise<number>;
  /** Publishes the scheduled posts whose time has come (at start and with the view counts); answers how many. */
  publishDuePosts(): Promise<number>;
  /** Asks the conversation starters whose slot has come (at start and with the view counts); answers how many. */
  postDueStarters(): Promise<number>;
  /** Counts the statistics events writes queued into the rollups (runs every `statsFoldSeconds`); answers how many. */
  foldStats(): Promise<number>;
  close(): Promise<void>;
}

/** Seconds between looks for changes a dead node committed but did not number (numbered at the second look). */
const LEFTOVER_CHANGES_SECONDS = 3;

export async function buildServer(opts: BuildOptions): Promise<BuiltServer> {
  const app = Fastify({
    logger: opts.logger === undefined ? false : opts.logger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: opts.trustProxy ?? false,
    return503OnClosing: true,
  });
  // A node stopping (a rolling deploy) closes idle keep-alive connections at once, but one whose last
  // response was still being finished at that moment would stay open until its keep-alive timeout
  // (72 s) and hold the stop that long; each response that ends while stopping takes its connection along.
  let stopping = false;
  app.addHook('onResponse', async (request) => {
    if (stopping) request.raw.socket.destroySoon();
  });
  registerServerTiming(app);
  const now = opts.now ?? (() => new Date());
  const sharedDeltas = createSharedDeltas({ k: opts.db.kysely, now, onError: (err) => app.log.warn({ err }, 'shared changes for an announcement not read') });
  const realtime = createRealtimeHub(opts.db, (err) => app.log.error({ err }, 'realtime hub error'), sharedDeltas);
  const options = { ...defaultServerOptions, ...opts.options };
  const mailOptions: MailOptions = { ...defaultMailOptions(path.join(tmpdir(), 'samen')), ...opts.mail };
  const deliveries = createDeliveries(opts.db.kysely, mailOptions);
  let wakeSender = () => {};
  const ctx: ServerContext = {
    db: opts.db,
    k: opts.db.kysely,
    realtime,
    sharedDeltas,
    streams: createStreamRegistry({
      k: opts.db.kysely,
      hub: realtime,
      now,
      limits: { perPerson: options.streamsPerPerson, perDevice: options.streamsPerDevice },
      heartbeatSeconds: options.heartbeatSeconds,
      onError: (err) => app.log.warn({ err }, 'event stream registry heartbeat failed'),
    }),
    imageDecoding: createJobLimiter({
      concurrent: options.imageDecodes,
      queue: options.imageDecodeQueue,
      retryAfterSeconds: 5,
      busyMessage: 'Het is even druk met foto’s verwerken. Probeer het over een paar seconden opnieuw.',
      now,
    }),
    videoProcessing: createJobLimiter({
      concurrent: options.videoProcesses,
      queue: options.videoProcessQueue,
      retryAfterSeconds: 20,
      busyMessage: 'Het is even druk met video’s verwerken. Probeer het over een halve minuut opnieuw.',
      now,
    }),
    mediaTools: mediaTools(options.ffmpegPath),
    lookups: {
      session: createSessionLookup(opts.db.kysely),
      latestSeq: createLatestSeqLookup(opts.db.kysely),
      notifications: createNotificationsLookup(opts.db.kysely, opts.db.dialect),
    },
    now,
    options,
    mail: {
      options: mailOptions,
      deliveries,
      baseUrl: () => mailOptions.publicUrl ?? 'http://127.0.0.1',
      wake: () => wakeSender(),
    },
    onNumberingFailed: (err) => app.log.warn({ err }, 'numbering a committed write failed; the leftover sweep numbers it'),
  };

  installErrorHandler(app);
  register(app, ctx, routes.health, async () => {
    await sql`select 1`.execute(ctx.k);
    return { status: 'ok' as const, database: ctx.db.dialect };
  });
  const openapi = buildOpenApiDocument(API_VERSION);
  register(app, ctx, routes.openapi, async () => openapi);
  registerAuthRoutes(app, ctx);
  registerQuickLoginRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerGroupRoutes(app, ctx);
  registerPostRoutes(app, ctx);
  registerSchedulingRoutes(app, ctx);
  registerCategoryRoutes(app, ctx);
  registerStarterRoutes(app, ctx);
  registerCommentRoutes(app, ctx);
  registerLikeRoutes(app, ctx);
  registerImageRoutes(app, ctx);
  registerVideoRoutes(app, ctx);
  registerKbRoutes(app, ctx);
  registerReadConfirmationRoutes(app, ctx);
  registerPostViewRoutes(app, ctx);
  registerPollRoutes(app, ctx);
  registerKioskRoutes(app, ctx);
  registerCelebrationRoutes(app, ctx);
  registerHrImportRoutes(app, ctx);
  registerAmbassadorRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerMailingRoutes(app, ctx);
  registerMailPreferenceRoutes(app, ctx);
  registerMailSettingsRoutes(app, ctx);
  registerMailPublicRoutes(app, ctx);
  registerStatsRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerModerationRoutes(app, ctx);
  registerSyncRoute(app, ctx);
  registerEventsRoute(app, ctx);
  registerUpdateFeedRoutes(app, opts.updatesDir);

  const runMaintenance = async () => {
    await Promise.all([
      purgeExpiredKeys(ctx),
      purgeOldRateLimits(ctx),
      purgeOldLockouts(ctx),
      purgeOldDeviceAttempts(ctx),
      purgeExpiredAuditEvents(ctx),
      purgeOldStatsEvents(ctx),
      purgeStrayUploads(ctx),
      purgeStrayVideos(ctx),
      ctx.streams.purgeStale(),
      noticeDueReviews(ctx),
    ]);
  };
  const maintenance = setInterval(() => {
    runMaintenance().catch((err: unknown) => app.log.warn({ err }, 'maintenance failed'));
  }, 3_600_000);
  maintenance.unref();
  // One run at a time per node; close() waits for the one under way.
  let publishing: Promise<void> | null = null;
  const publishScheduled = () => {
    publishing ??= publishDuePosts(ctx)
      .then(() => undefined, (err: unknown) => app.log.error({ err }, 'publishing scheduled posts failed'))
      .then(() => postDueStarters(ctx))
      .then(() => undefined, (err: unknown) => app.log.error({ err }, 'posting conversation starters failed'))
      .finally(() => {
        publishing = null;
      });
  };
  const viewCounts = setInterval(() => {
    publishViewCounts(ctx).catch((err: unknown) => app.log.warn({ err }, 'publishing view counts failed'));
    announceClosedPolls(ctx).catch((err: unknown) => app.log.warn({ err }, 'announcing closed polls failed'));
    publishScheduled();
  }, options.viewCountPublishSeconds * 1000);
  viewCounts.unref();
  // One fold at a time per node: a slow fold under load must not pile up behind the timer.
  let folding: Promise<unknown> = Promise.resolve();
  let foldRunning = false;
  const statsFold = setInterval(() => {
    if (foldRunning) return;
    foldRunning = true;
    folding = foldAllQueuedActivity(ctx.db)
      .catch((err: unknown) => app.log.warn({ err }, 'folding statistics failed'))
      .finally(() => (foldRunning = false));
  }, options.statsFoldSeconds * 1000);
  statsFold.unref();
  // A node that died between a write's commit and its numbering left changes no reader sees yet.
  const numberLeftovers = leftoverNumbering(ctx.db, ctx.realtime);
  const leftovers = setInterval(() => {
    numberLeftovers().catch((err: unknown) => app.log.warn({ err }, 'numbering left-over changes failed'));
  }, LEFTOVER_CHANGES_SECONDS * 1000);
  leftovers.unref();
  // The first look: what is still provisional at the next one is numbered then.
  await numberLeftovers();

  await app.ready();
  const sender = createMailSender({
    db: opts.db,
    options: mailOptions,
    deliveries,
    baseUrl: ctx.mail.baseUrl,
    now,
    onError: (err) => app.log.error({ err }, 'mail sender failed'),
  });
  if (mailOptions.sender) {
    sender.start();
    wakeSender = () => sender.wake();
  }
  // What fell due while no node was running goes out now, not a tick later.
  publishScheduled();
  const indexing = buildStaleIndexes(ctx.db).catch((err: unknown) => app.log.error({ err }, 'building search indexes failed'));
  return {
    app,
    ctx,
    runMaintenance,
    publishViewCounts: () => publishViewCounts(ctx),
    announceClosedPolls: () => announceClosedPolls(ctx),
    publishDuePosts: () => publishDuePosts(ctx),
    postDueStarters: () => postDueStarters(ctx),
    foldStats: () => foldAllQueuedActivity(ctx.db),
    async close() {
      clearInterval(maintenance);
      clearInterval(viewCounts);
      clearInterval(statsFold);
      clearInterval(leftovers);
      await publishing;
      await folding;
      ctx.streams.stop();
      await sender.stop();
      await indexing;
      stopping = true;
      await app.close();
      await realtime.close();
    },
  };
}

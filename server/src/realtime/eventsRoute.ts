import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { formatServerEvent, type ServerEventData, type ServerEventName } from '../../../common/src/api/events.js';
import { authenticateRoute } from '../auth/principal.js';
import { SYNC_PROTOCOL } from '../../../common/src/api/sync.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { REPLY_SENT, register } from '../http/register.js';
import type { Announced } from './hub.js';
import { seqFrame } from './seqFrames.js';
import { writeOrCut } from './streamBacklog.js';
import { createStreamAuthSweep } from './streamAuth.js';

/**
 * GET /v1/events: a server-sent event stream per client. Each event's id is a seq, so a client that
 * reconnects with Last-Event-ID receives every notification it missed and the newest seq. A device on
 * its own (no one logged in) hears only `seq`: it has nobody to notify. A person and a device may
 * each hold a few streams (streamRegistry.ts); opening one more ends the oldest with `stream-replaced`.
 *
 * Fan-out costs no database work per stream: an announcement carries the newest seq and who it
 * concerns, so a stream looks for notifications only when its person was named, the looks of all
 * streams asking together share one statement (notificationsAfter.ts), and sessions are re-checked
 * for the whole node at once each heartbeat (streamAuth.ts). Each `seq` says whether it may concern the
 * person's own part of the feed (`personal`), so a client pulls that part only when it might have
 * changed: thousands of clients pulling the shared part of one change all get the same page
 * (sharedPages.ts).
 */
export function registerEventsRoute(app: FastifyInstance, ctx: ServerContext): void {
  const open = new Set<() => Promise<void>>();
  const sweep = createStreamAuthSweep({
    k: ctx.k,
    now: ctx.now,
    intervalSeconds: ctx.options.heartbeatSeconds,
    onError: (err) => app.log.warn({ err }, 'event stream session sweep failed'),
  });
  app.addHook('preClose', async () => {
    sweep.stop();
    await Promise.all([...open].map((close) => close()));
  });

  register(app, ctx, routes.events, async ({ principal: p, req, reply, query }) => {
    const { protocol } = query;
    const personId = p.kind === 'person' ? p.personId : null;
    const lastEventHeader = req.headers['last-event-id'];
    const resumeFrom = typeof lastEventHeader === 'string' && /^\d{1,15}$/.test(lastEventHeader) ? Number(lastEventHeader) : null;
    if (lastEventHeader !== undefined && resumeFrom === null) throw new ApiError('validation', 'Last-Event-ID moet een getal zijn.');

    // Notifications count from here: the resume point, or "now" for a fresh stream (read before
    // subscribing, so nothing written in between is skipped).
    let notifiedSeq = resumeFrom ?? (await ctx.lookups.latestSeq(p.tenantId));
    // Bound late: a newer stream may push this one out before it is fully set up.
    let replaced = () => {};
    const registration = await ctx.streams.open({ tenantId: p.tenantId, personId, deviceId: p.deviceId }, () => replaced());
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');

    let sentSeq = resumeFrom ?? -1;
    let chain: Promise<void> = Promise.resolve();
    let closed = false;

    // Events go to the socket itself, framed as the response's own writes would be: a response's
    // write corks the socket and uncorks it on the next tick, which for one announcement to ten
    // thousand streams is ten thousand scheduled callbacks and vectored writes (about a fifth of the
    // fan-out's time). Headers and the first bytes went through the response above, so the socket
    // carries the body from here on; `raw.end()` writes the closing chunk as usual.
    // A client that stops reading has its stream cut (streamBacklog.ts).
    let wroteSinceBeat = false;
    const writeOut = (bytes: string | Buffer) => {
      const socket = raw.socket;
      if (closed || !socket) return;
      wroteSinceBeat = true;
      writeOrCut(socket, bytes, ctx.options.streamBacklogBytes);
    };
    const out = (text: string) => writeOut(raw.chunkedEncoding ? `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n` : text);
    /** A frame made once for every stream of its kind (seqFrames.ts), already chunk-framed where this response is chunked. */
    const outFrame = (frame: Buffer) => writeOut(frame);

    const send = <E extends ServerEventName>(event: E, id: number | null, data: ServerEventData<E>) => {
      out(formatServerEvent(event, id, data));
    };
    const catchUp = async (forMe: boolean, personal: boolean, announced: Announced | null) => {
      const seq = announced && announced.seq >= 0 ? announced.seq : await ctx.lookups.latestSeq(p.tenantId);
      // Its client pulls up to here at least; shared changes carried from here on are of use to it.
      if (!announced) ctx.sharedDeltas.opened(p.tenantId, seq);
      if (forMe && personId !== null) {
        const found = await ctx.lookups.notifications(p.tenantId, { personId, afterSeq: notifiedSeq, protocol });
        for (const n of found.items) send('notification', n.seq, { seq: n.seq, notification: n.notification });
        if (found.scannedTo !== null) notifiedSeq = Math.max(notifiedSeq, found.scannedTo);
      }
      tellSeq(seq, personal, announced);
    };
    // Announcements from several nodes may arrive out of seq order: one that concerns this person
    // but comes after a newer seq was sent is told again as that seq, now marked personal (without
    // the shared changes, which were for the seq before it).
    const tellSeq = (seq: number, personal: boolean, announced: Announced | null) => {
      const mine = personal && personId !== null;
      if (seq > sentSeq && announced?.seq === seq) {
        sentSeq = seq;
        outFrame(seqFrame(announced, { personal: mine, withShared: protocol === SYNC_PROTOCOL, chunked: raw.chunkedEncoding }));
      } else if (seq > sentSeq || mine) {
        sentSeq = Math.max(sentSeq, seq);
        send('seq', sentSeq, { seq: sentSeq, personal: mine });
      }
    };
    // Events are handled one after another so a stream never goes back in seq.
    let pending = 0;
    const enqueue = (work: () => Promise<void>) => {
      pending++;
      chain = chain
        .then(work)
        .catch((err: unknown) => {
          req.log.warn({ err }, 'event stream update failed');
        })
        .finally(() => pending--);
    };

    const close = async () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      unwatch();
      clearInterval(heartbeat);
      open.delete(close);
      raw.end();
      await registration.close().catch((err: unknown) => req.log.warn({ err }, 'event stream registration not removed'));
    };
    replaced = () => {
      send('stream-replaced', null, {});
      void close();
    };
    const hear = (a: Announced) => {
      const forMe = personId !== null && (a.seq < 0 || a.personIds.includes(personId) || a.personIds.includes('*'));
      const personal = forMe || a.privateGroups !== false;
      // Most announcements concern someone else: told at once, as a bare broadcaster would, unless
      // earlier work of this stream is still under way and must go first.
      if (!forMe && a.seq >= 0 && pending === 0) tellSeq(a.seq, personal, a);
      else enqueue(() => catchUp(forMe, personal, a));
    };
    const unsubscribe = ctx.realtime.subscribe(p.tenantId, (announced) => {
      // Several that queued up go out in one write: the socket holds them until the last is framed.
      const socket = announced.length > 1 && !closed ? raw.socket : null;
      socket?.cork();
      try {
        for (const a of announced) hear(a);
      } finally {
        socket?.uncork();
      }
    });
    // The sweep only raises a doubt; the full check of this one request gives the reason to send.
    const unwatch = sweep.watch({ tenantId: p.tenantId, tokenHash: p.kind === 'person' ? p.tokenHash : null, deviceId: p.deviceId }, () =>
      enqueue(async () => {
        try {
          await authenticateRoute(ctx, req, routes.events);
        } catch (err) {
          // A revoked or expired session, or a revoked device, ends its stream; the client then logs
          // in again (or shows that the device is no longer linked).
          const code = err instanceof ApiError ? err.code : 'unauthenticated';
          send('session-ended', null, { code });
          await close();
        }
      }),
    );
    // Only a stream that carried nothing since the last beat needs one, to stay under the idle
    // timeouts of balancers and clients (never silent for two beats). Streams opened together at a
    // shift start beat together: ten thousand pings at once were the slowest fan-outs of a busy node.
    const heartbeat = setInterval(() => {
      if (!wroteSinceBeat) out(': ping\n\n');
      wroteSinceBeat = false;
    }, ctx.options.heartbeatSeconds * 1000);
    open.add(close);
    raw.on('close', () => void close());
    // A client that left while the stream was being set up has already had its 'close'.
    if (raw.destroyed) void close();

    enqueue(() => catchUp(true, true, null));
    return REPLY_SENT;
  });
}

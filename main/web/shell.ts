import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CONTENT_SECURITY_POLICY } from '../core/serving/contentSecurityPolicy.js';
import { imageRequest } from '../core/serving/imageRequest.js';
import { videoRequest } from '../core/serving/videoRequest.js';
import { createGuard } from './guard.js';
import { BRIDGE_PATH, cacheControlFor, etagOf, KEEP_FOR_GOOD, unchanged, versionOf, withVersionedBridge } from './staticCaching.js';
import type { ShellCore } from './shellCore.js';
import { readStatic } from './staticFiles.js';

export interface BrowserShellOptions {
  core: ShellCore;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** The bundled window.samen bridge for browsers (preload/web.ts). */
  bridgeScript: string;
  port?: number;
}

export interface BrowserShell {
  /** The address to open, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

// A post with a minute of video carries it as base64 (60 MB becomes 80 MB) beside its photos.
const RPC_BODY_LIMIT = 100 * 1024 * 1024;

/**
 * The browser shell: serves the renderer and the same core handlers as Electron's IPC, over HTTP and
 * server-sent events on 127.0.0.1 only.
 */
export async function startBrowserShell(opts: BrowserShellOptions): Promise<BrowserShell> {
  let port = 0;
  const guard = createGuard(() => port);
  const bridgeVersion = versionOf(opts.bridgeScript);
  const bridgeEtag = etagOf(opts.bridgeScript);
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Er ging iets mis.');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!guard.hostAllowed(req)) return send(res, 421, 'text/plain; charset=utf-8', 'Onbekend adres.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handover = url.searchParams.get('t');
    if (req.method === 'GET' && url.pathname === '/' && handover !== null) {
      if (!guard.sameToken(handover)) return send(res, 403, 'text/plain; charset=utf-8', NO_ACCESS);
      // The token leaves the address bar (and history) at once; from here on the cookie carries it.
      res.writeHead(303, { location: '/', 'set-cookie': guard.cookieHeader(), 'cache-control': 'no-store' });
      return res.end();
    }
    if (!guard.hasCookie(req)) return send(res, 403, 'text/plain; charset=utf-8', NO_ACCESS);

    if (req.method === 'POST' && url.pathname === '/rpc') {
      if (!guard.originAllowed(req)) return send(res, 403, 'text/plain; charset=utf-8', 'Geweigerd.');
      const body = await readJson(req);
      if (!body || typeof body.method !== 'string') return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Bad RPC request' } });
      return sendJson(res, 200, await opts.core.invoke(body.method, body.input ?? {}));
    }
    if (req.method === 'GET' && url.pathname === '/events') return openEvents(res);
    const wanted = imageRequest(url);
    if (req.method === 'GET' && wanted) {
      const image = await opts.core.image(wanted.id, wanted.size);
      if (!image) return send(res, 404, 'text/plain; charset=utf-8', 'Niet gevonden.');
      // A photo that may be of a private group never enters the browser's disk cache; the core keeps
      // a memory copy for the session, so serving it again costs one request on loopback.
      const cacheControl = image.shared ? 'private, max-age=86400' : 'no-store';
      res.writeHead(200, { 'content-type': image.mime, 'cache-control': cacheControl, 'x-content-type-options': 'nosniff' });
      return res.end(image.bytes);
    }
    const video = videoRequest(url);
    if (req.method === 'GET' && video) return serveVideo(res, video, req.headers.range);
    if (req.method === 'GET' && url.pathname === BRIDGE_PATH) {
      const cacheControl = url.searchParams.get('v') === bridgeVersion ? KEEP_FOR_GOOD : 'no-cache';
      if (unchanged(req, bridgeEtag)) return notModified(res, bridgeEtag, cacheControl);
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': cacheControl, etag: bridgeEtag, 'x-content-type-options': 'nosniff' });
      return res.end(opts.bridgeScript);
    }
    if (req.method === 'GET') {
      const found = await readStatic(opts.rendererDir, url.pathname);
      const file = found ?? (await readStatic(opts.rendererDir, '/index.html'));
      if (file) {
        if (file.type.startsWith('text/html')) file.body = withVersionedBridge(file.body, bridgeVersion);
        const etag = etagOf(file.body);
        const cacheControl = found ? cacheControlFor(url.pathname) : 'no-cache';
        if (unchanged(req, etag)) return notModified(res, etag, cacheControl);
        res.writeHead(200, {
          'content-type': file.type,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'cache-control': cacheControl,
          etag,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        });
        return res.end(file.body);
      }
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Niet gevonden.');
  }

  /** A video's range streams through as the server sends it; nothing of it is written to disk here. */
  async function serveVideo(res: ServerResponse, video: { id: string; part: 'video' | 'poster' }, range: string | undefined) {
    if (video.part === 'poster') {
      const poster = await opts.core.videoPoster(video.id);
      if (!poster) return send(res, 404, 'text/plain; charset=utf-8', 'Niet gevonden.');
      res.writeHead(200, { 'content-type': poster.mime, 'cache-control': poster.shared ? 'private, max-age=86400' : 'no-store', 'x-content-type-options': 'nosniff' });
      return res.end(poster.bytes);
    }
    const answer = await opts.core.video(video.id, range);
    if (!answer) return send(res, 404, 'text/plain; charset=utf-8', 'Niet gevonden.');
    res.writeHead(answer.status, { ...answer.headers, 'x-content-type-options': 'nosniff' });
    if (answer.body === null) return res.end();
    if (answer.body instanceof Uint8Array) return res.end(answer.body);
    const body = Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>);
    // The <video> often stops reading mid-range (it seeks, or has enough): the download stops with it.
    res.on('close', () => body.destroy());
    body.pipe(res);
  }

  function openEvents(res: ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    streams.add(res);
    const unsubscribe = opts.core.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?t=${guard.token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const NO_ACCESS = 'Geen toegang. Open Samen via de link die bij het starten werd getoond.';

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function notModified(res: ServerResponse, etag: string, cacheControl: string) {
  res.writeHead(304, { etag, 'cache-control': cacheControl });
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<{ method?: unknown; input?: unknown } | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > RPC_BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as { method?: unknown; input?: unknown }) : null;
  } catch {
    return null;
  }
}

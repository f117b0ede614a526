import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { SamenCore } from '../core/api.js';
import { CONTENT_SECURITY_POLICY } from '../core/serving/contentSecurityPolicy.js';
import { imageRequest } from '../core/serving/imageRequest.js';
import { staticPath } from '../core/serving/staticPath.js';
import { videoRequest } from '../core/serving/videoRequest.js';

/** Must run before the app is ready: `app://` behaves like https for the renderer (secure, standard). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer at app://samen/, images at app://samen/images/<id>?size=… and videos at
 * app://samen/videos/<id> (with range requests, and /poster), so the
 * renderer never loads files by path or talks to the server itself.
 */
export function serveApp(root: string, core: SamenCore): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'samen') return new Response('Not found', { status: 404 });
    const wanted = imageRequest(url);
    if (wanted) {
      const result = await core.images.fetch(wanted.id, wanted.size);
      if (!result.ok) return new Response('Not found', { status: 404 });
      return new Response(Buffer.from(result.value.bytes), { headers: { 'content-type': result.value.mime } });
    }
    const video = videoRequest(url);
    if (video) {
      if (video.part === 'poster') {
        const poster = await core.videos.poster(video.id);
        if (!poster.ok) return new Response('Not found', { status: 404 });
        return new Response(Buffer.from(poster.value.bytes), { headers: { 'content-type': poster.value.mime } });
      }
      const result = await core.videos.video(video.id, request.headers.get('range') ?? undefined);
      if (!result.ok) return new Response('Not found', { status: 404 });
      const { status, headers, body } = result.value;
      return new Response(body instanceof Uint8Array ? Buffer.from(body) : body, { status, headers });
    }
    const file = staticPath(root, url.pathname);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

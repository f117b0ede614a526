import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SamenCore } from '../core/api.js';
import { CONTENT_SECURITY_POLICY } from './securityPolicy.js';

/** Must run before the app is ready: `app://` behaves like https for the renderer (secure, standard). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer at app://samen/ and images at app://samen/images/<id>?size=…, so the
 * renderer never loads files by path or talks to the server itself.
 */
export function serveApp(rendererDir: string, core: SamenCore): void {
  const root = path.resolve(rendererDir);
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'samen') return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/images/')) {
      const size = url.searchParams.get('size') === 'thumb' ? 'thumb' : 'full';
      const result = await core.images.fetch(url.pathname.slice('/images/'.length), size);
      if (!result.ok) return new Response('Not found', { status: 404 });
      return new Response(Buffer.from(result.value.bytes), { headers: { 'content-type': result.value.mime } });
    }
    const file = path.resolve(root, `.${path.posix.normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname))}`);
    if (!file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

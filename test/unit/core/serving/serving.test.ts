import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../main/core/serving/contentSecurityPolicy.js';
import { imagePath, imageRequest } from '../../../../main/core/serving/imageRequest.js';
import { staticPath } from '../../../../main/core/serving/staticPath.js';

describe('what both shells serve the same way', () => {
  it('the page may load only its own code and images, never from the internet', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });

  const root = path.resolve('/srv/renderer');
  it.each([
    ['/', path.join(root, 'index.html')],
    ['/assets/app.js', path.join(root, 'assets/app.js')],
    ['/assets/../index.html', path.join(root, 'index.html')],
  ])('serves %s from inside the renderer folder', (url, file) => {
    expect(staticPath(root, url)).toBe(file);
  });

  it.each(['/../secrets/device.secret', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fclient%2foutbox.sqlite', '/%E0%A4%A', '/index.html%00.png'])(
    'never serves %s, which would leave the renderer folder or cannot be read',
    (url) => {
      const file = staticPath(root, url);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
      if (url.includes('%00') || url.includes('%E0%A4%A')) expect(file).toBeNull();
    },
  );

  it('reads an image request back from the path it made', () => {
    const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(imageRequest(new URL(`app://samen${imagePath(id, 'thumb')}`))).toEqual({ id, size: 'thumb' });
    expect(imageRequest(new URL(`http://127.0.0.1:1${imagePath(id, 'full')}`))).toEqual({ id, size: 'full' });
    expect(imageRequest(new URL('http://127.0.0.1:1/images/../secrets'))).toBeNull();
    expect(imageRequest(new URL('http://127.0.0.1:1/images/not-an-id'))).toBeNull();
  });
});

import path from 'node:path';

/**
 * The file below `root` that a request path names, or null when it would leave `root` (`..`,
 * encoded slashes, absolute paths) or cannot be decoded. Both shells serve the renderer through it.
 */
export function staticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  return file.startsWith(base + path.sep) ? file : null;
}

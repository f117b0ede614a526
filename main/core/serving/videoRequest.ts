import type { ImageUrl } from '../images/imageUrl.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const VIDEO_PATH = new RegExp(`^/videos/(${UUID})(/poster)?$`);

/** Where both shells serve a video (`<origin>/videos/<id>`) and its poster frame (`…/poster`). */
export const videoPath = (id: string, part: 'video' | 'poster'): string => `/videos/${id}${part === 'poster' ? '/poster' : ''}`;

/**
 * The URLs of a video for the renderer. Videos are served by the same shell, at the same origin, as
 * images, so they are made from the shell's image URL rather than from a second setting every shell
 * would have to pass. A video still in the outbox has no poster yet.
 */
export function videoUrls(imageUrl: ImageUrl, id: string, hasPoster: boolean): { url: string; posterUrl: string | null } {
  const image = imageUrl(id, 'full');
  const at = image.lastIndexOf('/images/');
  const origin = at >= 0 ? image.slice(0, at) : '';
  return { url: origin + videoPath(id, 'video'), posterUrl: hasPoster ? origin + videoPath(id, 'poster') : null };
}

/** The video (or poster) a request asks for, or null when the path is not a video path. */
export function videoRequest(url: URL): { id: string; part: 'video' | 'poster' } | null {
  const match = VIDEO_PATH.exec(url.pathname);
  if (!match) return null;
  return { id: match[1]!, part: match[2] ? 'poster' : 'video' };
}

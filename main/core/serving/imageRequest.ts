import type { ImageSize } from '../images/imageUrl.js';

/** Where both shells serve images: `<origin>/images/<id>?size=thumb|full`. */
export const imagePath = (id: string, size: ImageSize): string => `/images/${id}?size=${size}`;

const IMAGE_PATH = /^\/images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The image a request asks for, or null when the path is not an image path. */
export function imageRequest(url: URL): { id: string; size: ImageSize } | null {
  const match = IMAGE_PATH.exec(url.pathname);
  if (!match) return null;
  return { id: match[1]!, size: url.searchParams.get('size') === 'thumb' ? 'thumb' : 'full' };
}

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

export interface ImageInfo {
  mime: ImageMime;
  width: number;
  height: number;
}

/**
 * Type and size of an image from its first bytes, so a picture waiting in the outbox can be shown
 * at its real proportions, and a file that is no image is refused before it is queued.
 */
export function imageInfo(b: Uint8Array): ImageInfo | null {
  const at = (i: number) => b[i] ?? 0;
  const be16 = (i: number) => (at(i) << 8) | at(i + 1);
  const le16 = (i: number) => at(i) | (at(i + 1) << 8);
  const le24 = (i: number) => at(i) | (at(i + 1) << 8) | (at(i + 2) << 16);
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  const sized = (mime: ImageMime, width: number, height: number) => (width > 0 && height > 0 ? { mime, width, height } : null);

  if (b.length >= 24 && at(0) === 0x89 && ascii(1, 3) === 'PNG') {
    return sized('image/png', (be16(16) << 16) | be16(18), (be16(20) << 16) | be16(22));
  }
  if (b.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return sized('image/gif', le16(6), le16(8));
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8 ') return sized('image/webp', le16(26) & 0x3fff, le16(28) & 0x3fff);
    if (chunk === 'VP8L') {
      const bits = at(21) | (at(22) << 8) | (at(23) << 16) | (at(24) << 24);
      return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (chunk === 'VP8X') return sized('image/webp', le24(24) + 1, le24(27) + 1);
    return null;
  }
  if (at(0) === 0xff && at(1) === 0xd8) return jpegSize(b, be16);
  return null;
}

/** Walks JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegSize(b: Uint8Array, be16: (i: number) => number): ImageInfo | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = be16(i + 5);
      const width = be16(i + 7);
      return width > 0 && height > 0 ? { mime: 'image/jpeg', width, height } : null;
    }
    i += 2 + be16(i + 2);
  }
  return null;
}

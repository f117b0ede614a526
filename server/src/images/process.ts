import sharp from 'sharp';
import { ApiError } from '../http/apiError.js';
import { sniffImageType } from './sniff.js';

export const MAX_EDGE = 2560;
export const THUMB_WIDTH = 480;
// Refuses decompression bombs: a small file that would unpack to gigabytes of pixels.
const MAX_INPUT_PIXELS = 50_000_000;

export interface ProcessedImage {
  mime: 'image/jpeg' | 'image/webp';
  data: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Re-encodes an upload: turned upright, at most 2560 px, without metadata (no GPS position or camera
 * serial leaves the ward), plus a 480 px WebP thumbnail for the timeline.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const type = sniffImageType(input);
  if (!type) throw new ApiError('unsupported_media_type', 'Dit bestand is geen foto. Kies een JPEG-, PNG-, WebP- of GIF-bestand.');
  try {
    const base = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false, failOn: 'error' }).rotate();
    const resized = base().resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const mime = type === 'image/jpeg' ? 'image/jpeg' : 'image/webp';
    const { data, info } = await (mime === 'image/jpeg' ? resized.jpeg({ quality: 85, mozjpeg: true }) : resized.webp({ quality: 85 })).toBuffer({ resolveWithObject: true });
    const thumb = await base().resize({ width: THUMB_WIDTH, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
    return { mime, data, thumb, width: info.width, height: info.height };
  } catch {
    throw new ApiError('invalid_image', 'Deze foto kan niet worden gelezen. Probeer een andere.');
  }
}

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageInfo } from '../../../../main/core/outbox/imageInfo.js';

const picture = () => sharp({ create: { width: 123, height: 45, channels: 4, background: { r: 200, g: 30, b: 60, alpha: 0.5 } } });

describe('recognising a picture from its bytes', () => {
  it.each([
    ['JPEG', () => picture().jpeg().toBuffer(), 'image/jpeg'],
    ['progressive JPEG', () => picture().jpeg({ progressive: true }).toBuffer(), 'image/jpeg'],
    ['PNG', () => picture().png().toBuffer(), 'image/png'],
    ['GIF', () => picture().gif().toBuffer(), 'image/gif'],
    ['lossy WebP', () => picture().flatten().webp({ lossless: false }).toBuffer(), 'image/webp'],
    ['lossless WebP', () => picture().webp({ lossless: true }).toBuffer(), 'image/webp'],
    ['WebP with transparency', () => picture().webp({ alphaQuality: 50 }).toBuffer(), 'image/webp'],
  ])('reads type and size of a %s', async (_name, make, mime) => {
    expect(imageInfo(new Uint8Array(await make()))).toEqual({ mime, width: 123, height: 45 });
  });

  it('refuses what is no picture, or only the start of one', async () => {
    const png = await picture().png().toBuffer();
    expect(imageInfo(new TextEncoder().encode('%PDF-1.7 not a picture'))).toBeNull();
    expect(imageInfo(new Uint8Array(png.subarray(0, 12)))).toBeNull();
    expect(imageInfo(new Uint8Array(0))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { sniffVideoType } from '../../../../common/src/video/sniff.js';

const box = (type: string, brand = '') => Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from(type), Buffer.from(brand.padEnd(4)), Buffer.alloc(20)]);

describe('recognising a video by its first bytes', () => {
  it('knows MP4 by its ftyp box, MOV by the QuickTime brand or an old leading atom, and WebM by its EBML header', () => {
    expect(sniffVideoType(box('ftyp', 'isom'))).toBe('video/mp4');
    expect(sniffVideoType(box('ftyp', 'mp42'))).toBe('video/mp4');
    expect(sniffVideoType(box('ftyp', 'qt'))).toBe('video/quicktime');
    expect(sniffVideoType(box('moov'))).toBe('video/quicktime');
    expect(sniffVideoType(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]))).toBe('video/webm');
  });

  it('refuses photos, text, archives and files too short to tell', () => {
    expect(sniffVideoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))).toBeNull();
    expect(sniffVideoType(Buffer.from('<html><body>geen video</body></html>'))).toBeNull();
    expect(sniffVideoType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(sniffVideoType(Buffer.from([0, 0, 0, 0x20, 0x66, 0x74]))).toBeNull();
    expect(sniffVideoType(Buffer.alloc(0))).toBeNull();
  });
});

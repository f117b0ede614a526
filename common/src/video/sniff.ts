export type VideoType = 'video/mp4' | 'video/quicktime' | 'video/webm';

/** Top-level QuickTime atoms an older MOV may start with instead of `ftyp`. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * Recognises a video container by its first bytes; the Content-Type a client claims is not trusted.
 * MP4 and MOV share the ISO box layout (a `ftyp` box, its brand telling them apart); WebM is EBML
 * (Matroska), which ffmpeg reads alike.
 */
export function sniffVideoType(b: Uint8Array): VideoType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'video/webm';
  if (b.length < 12) return null;
  const box = ascii(4, 8);
  if (box === 'ftyp') return ascii(8, 12) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  if (QUICKTIME_ATOMS.has(box)) return 'video/quicktime';
  return null;
}

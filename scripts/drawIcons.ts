import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/**
 * Draws the app and tray icons into build/ (committed; run again only to change them):
 * two figures side by side, "samen", on the house teal; the tray's unread variant adds a red dot.
 */
const out = path.resolve(import.meta.dirname, '../build');
const TEAL = '#0b6e6e';
const SUN = '#f2b640';

const figures = (fill: string) => `
  <circle cx="188" cy="190" r="62" fill="${fill}"/>
  <path d="M88 412c0-70 45-122 100-122s100 52 100 122z" fill="${fill}"/>
  <circle cx="324" cy="190" r="62" fill="${fill}" opacity="0.85"/>
  <path d="M224 412c0-70 45-122 100-122s100 52 100 122z" fill="${fill}" opacity="0.85"/>`;

const appSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${TEAL}"/>${figures(SUN)}</svg>`;
const traySvg = (unread: boolean) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="112" fill="${TEAL}"/>${figures('#ffffff')}${
    unread ? '<circle cx="400" cy="112" r="112" fill="#d1242f" stroke="#ffffff" stroke-width="28"/>' : ''
  }</svg>`;

const png = (svg: string, size: number) => sharp(Buffer.from(svg)).resize(size, size).png().toBuffer();

/** An .ico holding PNG images (Windows Vista and later read these), one entry per size. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

writeFileSync(path.join(out, 'icon.png'), await png(appSvg, 512));
writeFileSync(path.join(out, 'icon.ico'), ico(await Promise.all([16, 24, 32, 48, 64, 128, 256].map(async (size) => ({ size, data: await png(appSvg, size) })))));
for (const [name, unread] of [['tray', false], ['tray-unread', true]] as const) {
  writeFileSync(path.join(out, `${name}.png`), await png(traySvg(unread), 32));
  writeFileSync(path.join(out, `${name}@2x.png`), await png(traySvg(unread), 64));
}
writeFileSync(path.join(out, 'tray.ico'), ico([{ size: 16, data: await png(traySvg(false), 16) }, { size: 32, data: await png(traySvg(false), 32) }]));
writeFileSync(path.join(out, 'tray-unread.ico'), ico([{ size: 16, data: await png(traySvg(true), 16) }, { size: 32, data: await png(traySvg(true), 32) }]));

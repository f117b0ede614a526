import type * as SharpNamespace from 'sharp';
import type { Rng } from './prng.js';
import type { ImageTopic } from './texts.js';

/**
 * Demo pictures drawn locally: an SVG scene per topic, rasterised with sharp into a 1200×800 JPEG and a
 * 480 px wide WebP thumbnail. Nothing is downloaded. Each distinct picture is rendered once per seed run
 * and its bytes are shared by every row that uses it.
 */
export interface ImageAsset {
  mime: string;
  width: number;
  height: number;
  data: Buffer;
  thumb: Buffer;
}

type SharpModule = typeof SharpNamespace;
let sharpModule: Promise<SharpModule> | null = null;
// Loaded on first use: a seed without images never pays for the native library.
const loadSharp = () => (sharpModule ??= import('sharp'));

const W = 1200;
const H = 800;
const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

const CAPTIONS: Record<ImageTopic, string[]> = {
  taart: ['Taart voor de jarige', 'Feestelijk gebak', 'Koffie met taart in de teamkamer'],
  feest: ['Feest op de afdeling', 'Proost op het succes!', 'Slingers en ballonnen'],
  fiets: ['Op de fiets door de polder', 'Fietsen langs de dijk', 'Klaar voor vertrek'],
  wol: ['Breiwerk voor de bewoners', 'Bolletjes wol', 'Warme sjaals'],
  hardlopen: ['Samen hardlopen', 'Op weg naar de finish', 'Ochtendrondje'],
  eten: ['Vers van het fornuis', 'Samen koken', 'Aan tafel!'],
  landschap: ['Ochtend in de uiterwaarden', 'Zonsondergang boven de wei', 'Wandelen langs het water'],
  moestuin: ['Oogst uit eigen tuin', 'De moestuin in bloei', 'Verse groenten'],
  muziek: ['Muziekmiddag', 'Zingen met de bewoners', 'Swingen in de huiskamer'],
  huiskamer: ['De vernieuwde huiskamer', 'Gezellig samen', 'Koffie in de huiskamer'],
  team: ['Ons team', 'Samen sterk', 'Welkom in het team'],
};

const BRIGHT = ['#E63946', '#F4A261', '#E9C46A', '#2A9D8F', '#264653', '#8AB17D', '#E76F51', '#6D597A', '#B56576', '#457B9D', '#F28482', '#84A59D'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function skyGradient(rng: Rng, id: string): string {
  const skies = [
    ['#8EC5FC', '#E0F7FA'],
    ['#FAD0C4', '#FFD1A9'],
    ['#A1C4FD', '#C2E9FB'],
    ['#FDA085', '#F6D365'],
    ['#84FAB0', '#8FD3F4'],
  ];
  const [a, b] = rng.pick(skies);
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>`;
}

function hills(rng: Rng, colours: string[]): string {
  let out = '';
  colours.forEach((c, i) => {
    const base = 460 + i * 90;
    let d = `M0 ${base}`;
    for (let x = 0; x <= W; x += 200) d += ` Q${x + 100} ${base - rng.int(20, 110)} ${x + 200} ${base - rng.int(-10, 40)}`;
    out += `<path d="${d} L${W} ${H} L0 ${H} Z" fill="${c}"/>`;
  });
  return out;
}

function sun(rng: Rng): string {
  return `<circle cx="${rng.int(150, 1050)}" cy="${rng.int(100, 220)}" r="${rng.int(50, 90)}" fill="#FFE66D" opacity="0.9"/>`;
}

function trees(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const x = rng.int(40, W - 40);
    const y = rng.int(470, 560);
    const s = rng.int(30, 60);
    out += `<rect x="${x - 6}" y="${y}" width="12" height="${s}" fill="#6B4226"/><circle cx="${x}" cy="${y - s * 0.3}" r="${s * 0.8}" fill="${rng.pick(['#2D6A4F', '#40916C', '#52B788', '#1B4332'])}"/>`;
  }
  return out;
}

function bicycle(x: number, y: number, colour: string): string {
  return `<g stroke="#222" stroke-width="8" fill="none"><circle cx="${x}" cy="${y}" r="70"/><circle cx="${x + 220}" cy="${y}" r="70"/></g>
<g stroke="${colour}" stroke-width="12" stroke-linecap="round" fill="none"><path d="M${x} ${y} L${x + 80} ${y - 110} L${x + 190} ${y - 110} L${x + 220} ${y} M${x + 80} ${y - 110} L${x + 110} ${y} L${x} ${y} M${x + 110} ${y} L${x + 190} ${y - 110}"/><path d="M${x + 70} ${y - 135} L${x + 100} ${y - 135} M${x + 190} ${y - 110} L${x + 180} ${y - 150} L${x + 215} ${y - 160}"/></g>`;
}

function runner(x: number, y: number, colour: string, flip: boolean): string {
  const s = flip ? -1 : 1;
  return `<g stroke="${colour}" stroke-width="14" stroke-linecap="round" fill="none"><path d="M${x} ${y - 120} L${x - 10 * s} ${y - 40} L${x + 35 * s} ${y} M${x - 10 * s} ${y - 40} L${x - 45 * s} ${y - 5} M${x} ${y - 105} L${x + 40 * s} ${y - 75} M${x} ${y - 105} L${x - 40 * s} ${y - 85}"/></g><circle cx="${x + 5 * s}" cy="${y - 148}" r="20" fill="${colour}"/>`;
}

function landscapeScene(rng: Rng, topic: ImageTopic): string {
  let body = `<defs>${skyGradient(rng, 'sky')}</defs><rect width="${W}" height="${H}" fill="url(#sky)"/>${sun(rng)}`;
  body += hills(rng, ['#95D5B2', '#74C69D', '#52B788']);
  if (topic === 'landschap' && rng.chance(0.6)) {
    body += `<path d="M0 620 Q300 590 600 630 T1200 610 L1200 700 Q900 680 600 700 T0 690 Z" fill="#4EA8DE" opacity="0.85"/>`;
  }
  body += trees(rng, rng.int(3, 8));
  if (topic === 'fiets') {
    body += bicycle(rng.int(150, 350), 660, rng.pick(BRIGHT));
    if (rng.chance(0.6)) body += bicycle(rng.int(600, 800), 680, rng.pick(BRIGHT));
  }
  if (topic === 'hardlopen') {
    body += `<path d="M-20 760 C300 640 700 760 1220 640" stroke="#D4A373" stroke-width="70" fill="none"/>`;
    for (let i = 0; i < rng.int(2, 4); i++) body += runner(250 + i * 230 + rng.int(-30, 30), 700 - i * 20, rng.pick(BRIGHT), false);
  }
  return body;
}

function cakeScene(rng: Rng, topic: ImageTopic): string {
  const wall = rng.pick(['#FFF1E6', '#FDE2E4', '#E2ECE9', '#FFF3B0']);
  let body = `<rect width="${W}" height="${H}" fill="${wall}"/><rect y="560" width="${W}" height="240" fill="${rng.pick(['#B08968', '#DDB892', '#9C6644'])}"/>`;
  // bunting
  for (let x = 0; x < W; x += 100) body += `<path d="M${x} 40 L${x + 100} 40 L${x + 50} 130 Z" fill="${rng.pick(BRIGHT)}"/>`;
  body += `<path d="M0 40 L${W} 40" stroke="#555" stroke-width="4"/>`;
  if (topic === 'feest') {
    for (let i = 0; i < rng.int(4, 7); i++) {
      const x = rng.int(80, 1120);
      const y = rng.int(200, 380);
      body += `<path d="M${x} ${y + 80} Q${x + 15} ${y + 180} ${x - 5} ${y + 280}" stroke="#666" stroke-width="3" fill="none"/><ellipse cx="${x}" cy="${y}" rx="55" ry="72" fill="${rng.pick(BRIGHT)}"/>`;
    }
    for (let i = 0; i < 60; i++) {
      const x = rng.int(0, W);
      const y = rng.int(150, 560);
      body += `<rect x="${x}" y="${y}" width="14" height="7" fill="${rng.pick(BRIGHT)}" transform="rotate(${rng.int(0, 180)} ${x} ${y})"/>`;
    }
  }
  const cx = rng.int(450, 750);
  const layers = rng.int(2, 3);
  let top = 560;
  for (let i = 0; i < layers; i++) {
    const w = 420 - i * 100;
    const h = 110;
    top -= h;
    body += `<rect x="${cx - w / 2}" y="${top}" width="${w}" height="${h}" rx="18" fill="${rng.pick(['#F8EDEB', '#FFD6E0', '#FFE5B4', '#CDB4DB'])}"/>`;
    body += `<path d="M${cx - w / 2} ${top + 25} q${w / 8} 40 ${w / 4} 0 t${w / 4} 0 t${w / 4} 0 t${w / 4} 0" stroke="${rng.pick(['#E5989B', '#B5838D', '#F4A261'])}" stroke-width="14" fill="none"/>`;
  }
  for (let i = 0; i < rng.int(3, 7); i++) {
    const x = cx - 90 + i * 30;
    body += `<rect x="${x}" y="${top - 70}" width="12" height="70" fill="${rng.pick(BRIGHT)}"/><ellipse cx="${x + 6}" cy="${top - 85}" rx="9" ry="16" fill="#FFB703"/>`;
  }
  return body;
}

function yarnScene(rng: Rng): string {
  let body = `<rect width="${W}" height="${H}" fill="${rng.pick(['#F1FAEE', '#FEFAE0', '#F8EDEB'])}"/>`;
  body += `<path d="M0 ${rng.int(80, 200)} L${W} ${rng.int(80, 200)} L${W} ${rng.int(260, 340)} L0 ${rng.int(260, 340)} Z" fill="${rng.pick(BRIGHT)}" opacity="0.75"/>`;
  for (let i = 0; i < rng.int(4, 7); i++) {
    const x = rng.int(140, 1060);
    const y = rng.int(420, 600);
    const r = rng.int(70, 120);
    const c = rng.pick(BRIGHT);
    body += `<circle cx="${x}" cy="${y}" r="${r}" fill="${c}"/>`;
    for (let k = -2; k <= 2; k++) body += `<path d="M${x - r * 0.9} ${y + k * r * 0.3} Q${x} ${y + k * r * 0.3 - r * 0.5} ${x + r * 0.9} ${y + k * r * 0.3}" stroke="#fff" stroke-opacity="0.45" stroke-width="6" fill="none"/>`;
  }
  body += `<path d="M300 700 L700 380 M340 720 L760 410" stroke="#8D6E63" stroke-width="12" stroke-linecap="round"/>`;
  return body;
}

function foodScene(rng: Rng): string {
  let body = `<rect width="${W}" height="${H}" fill="${rng.pick(['#FEFAE0', '#F0EFEB', '#E9EDC9'])}"/>`;
  body += `<rect y="380" width="${W}" height="420" fill="${rng.pick(['#CCD5AE', '#D4A373', '#B7B7A4'])}"/>`;
  for (let x = 0; x < W; x += 80) body += `<rect x="${x}" y="380" width="40" height="420" fill="#fff" opacity="0.12"/>`;
  const px = rng.int(350, 850);
  body += `<ellipse cx="${px}" cy="560" rx="260" ry="120" fill="#fff"/><ellipse cx="${px}" cy="555" rx="190" ry="85" fill="${rng.pick(['#E9C46A', '#F4A261', '#90BE6D'])}"/>`;
  for (let i = 0; i < 14; i++) body += `<circle cx="${px + rng.int(-150, 150)}" cy="${555 + rng.int(-55, 55)}" r="${rng.int(12, 24)}" fill="${rng.pick(['#E63946', '#2A9D8F', '#F77F00', '#6A994E'])}"/>`;
  for (let i = 0; i < 3; i++) body += `<path d="M${px - 60 + i * 60} 420 c-30 -50 30 -80 0 -140 c-30 -50 30 -80 0 -120" stroke="#999" stroke-width="8" fill="none" opacity="0.6"/>`;
  body += `<rect x="${px + 300}" y="430" width="24" height="260" rx="10" fill="#ADB5BD"/><rect x="${px - 340}" y="430" width="24" height="260" rx="10" fill="#ADB5BD"/>`;
  return body;
}

function gardenScene(rng: Rng): string {
  let body = `<defs>${skyGradient(rng, 'sky')}</defs><rect width="${W}" height="${H}" fill="url(#sky)"/>${sun(rng)}<rect y="430" width="${W}" height="370" fill="#6A994E"/>`;
  for (let b = 0; b < 3; b++) {
    const x = 60 + b * 380;
    body += `<rect x="${x}" y="520" width="320" height="200" fill="#7F4F24"/><rect x="${x + 14}" y="530" width="292" height="40" fill="#582F0E"/>`;
    for (let p = 0; p < 5; p++) {
      const sx = x + 40 + p * 60;
      const h = rng.int(90, 190);
      body += `<path d="M${sx} 535 L${sx} ${535 - h}" stroke="#386641" stroke-width="8"/><ellipse cx="${sx - 22}" cy="${535 - h * 0.6}" rx="26" ry="12" fill="#A7C957"/><ellipse cx="${sx + 22}" cy="${535 - h * 0.8}" rx="26" ry="12" fill="#A7C957"/>`;
      if (rng.chance(0.6)) body += `<circle cx="${sx + rng.int(-15, 15)}" cy="${535 - h}" r="${rng.int(14, 24)}" fill="${rng.pick(['#E63946', '#F77F00', '#FFD166', '#9D4EDD'])}"/>`;
    }
  }
  return body;
}

function musicScene(rng: Rng): string {
  const [a, b] = rng.pick([
    ['#6A4C93', '#1982C4'],
    ['#FF595E', '#FFCA3A'],
    ['#264653', '#2A9D8F'],
  ]);
  let body = `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#bg)"/>`;
  for (let i = 0; i < rng.int(6, 10); i++) {
    const x = rng.int(80, 1100);
    const y = rng.int(150, 450);
    body += `<ellipse cx="${x}" cy="${y}" rx="34" ry="24" fill="#fff" transform="rotate(-20 ${x} ${y})"/><rect x="${x + 26}" y="${y - 150}" width="9" height="150" fill="#fff"/>`;
    if (rng.chance(0.5)) body += `<path d="M${x + 35} ${y - 150} q50 30 30 90" stroke="#fff" stroke-width="9" fill="none"/>`;
  }
  body += `<rect y="560" width="${W}" height="240" fill="#fff"/>`;
  for (let x = 0; x < W; x += 60) body += `<rect x="${x}" y="560" width="58" height="240" fill="#fff" stroke="#222" stroke-width="3"/>`;
  // Black keys in groups of two and three, as on a piano.
  for (let k = 0; k < W / 60 - 1; k++) if (k % 7 !== 2 && k % 7 !== 6) body += `<rect x="${k * 60 + 40}" y="560" width="36" height="140" fill="#222"/>`;
  return body;
}

function roomScene(rng: Rng): string {
  let body = `<rect width="${W}" height="${H}" fill="${rng.pick(['#E9EDC9', '#FAEDCD', '#D8E2DC', '#FFE5D9'])}"/><rect y="600" width="${W}" height="200" fill="${rng.pick(['#A68A64', '#936639', '#B6AD90'])}"/>`;
  body += `<rect x="700" y="120" width="380" height="300" fill="#BDE0FE" stroke="#fff" stroke-width="18"/><path d="M890 120 L890 420 M700 270 L1080 270" stroke="#fff" stroke-width="12"/>`;
  const sofa = rng.pick(BRIGHT);
  body += `<rect x="120" y="430" width="480" height="180" rx="30" fill="${sofa}"/><rect x="90" y="470" width="70" height="160" rx="25" fill="${sofa}"/><rect x="560" y="470" width="70" height="160" rx="25" fill="${sofa}"/><rect x="150" y="390" width="420" height="90" rx="30" fill="${sofa}" opacity="0.85"/>`;
  body += `<rect x="800" y="520" width="90" height="100" fill="#BC6C25"/><circle cx="845" cy="470" r="70" fill="#588157"/><circle cx="810" cy="430" r="45" fill="#3A5A40"/>`;
  body += `<path d="M300 0 L300 140" stroke="#333" stroke-width="4"/><path d="M240 200 L360 200 L330 140 L270 140 Z" fill="#FFB703"/>`;
  return body;
}

function teamScene(rng: Rng): string {
  let body = `<rect width="${W}" height="${H}" fill="${rng.pick(['#F1FAEE', '#EDF6F9', '#FFF8E7'])}"/>`;
  body += `<circle cx="600" cy="330" r="260" fill="${rng.pick(BRIGHT)}" opacity="0.18"/>`;
  const n = rng.int(5, 8);
  for (let i = 0; i < n; i++) {
    const x = 120 + (i * 960) / (n - 1);
    const y = 420 + (i % 2) * 40;
    const c = rng.pick(BRIGHT);
    body += `<path d="M${x - 70} ${y + 330} Q${x - 75} ${y + 60} ${x} ${y + 60} Q${x + 75} ${y + 60} ${x + 70} ${y + 330} Z" fill="${c}"/><circle cx="${x}" cy="${y}" r="48" fill="${rng.pick(['#F1C27D', '#C68642', '#8D5524', '#FFDBAC', '#E0AC69'])}"/>`;
  }
  body += `<path d="M600 190 C600 140 530 120 510 170 C490 220 600 270 600 300 C600 270 710 220 690 170 C670 120 600 140 600 190 Z" fill="#E63946"/>`;
  return body;
}

/** The scene drawn for each picture topic; some scenes serve several topics. */
const SCENES: Record<ImageTopic, (rng: Rng, topic: ImageTopic) => string> = {
  landschap: landscapeScene,
  fiets: landscapeScene,
  hardlopen: landscapeScene,
  taart: cakeScene,
  feest: cakeScene,
  wol: yarnScene,
  eten: foodScene,
  moestuin: gardenScene,
  muziek: musicScene,
  huiskamer: roomScene,
  team: teamScene,
};

function sceneSvg(topic: ImageTopic, variant: number, rng: Rng): string {
  let body = SCENES[topic](rng, topic);
  const caption = CAPTIONS[topic][variant % CAPTIONS[topic].length]!;
  body += `<rect y="${H - 110}" width="${W}" height="110" fill="#000" opacity="0.45"/>`;
  body += `<text x="48" y="${H - 38}" font-family="${FONT}" font-size="52" font-weight="bold" fill="#fff">${esc(caption)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`;
}

async function rasterise(svg: string, width: number, height: number, thumbWidth: number, mime: 'image/jpeg' | 'image/png'): Promise<ImageAsset> {
  const { default: sharp } = await loadSharp();
  let pipeline = sharp(Buffer.from(svg)).resize(width, height);
  // JPEG has no transparency; a PNG logo keeps its rounded corners.
  pipeline = mime === 'image/jpeg' ? pipeline.flatten({ background: '#ffffff' }) : pipeline.ensureAlpha();
  const { data: raw, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const rawInput = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  const data =
    mime === 'image/jpeg'
      ? await sharp(raw, rawInput).jpeg({ quality: 82 }).toBuffer()
      : await sharp(raw, rawInput).png({ compressionLevel: 9 }).toBuffer();
  const thumb = await sharp(raw, rawInput).resize({ width: thumbWidth }).webp({ quality: 72 }).toBuffer();
  return { mime, width: info.width, height: info.height, data, thumb };
}

/** Renders each distinct picture once and hands out the same bytes after that. */
export class ImageFactory {
  private readonly cache = new Map<string, Promise<ImageAsset>>();

  constructor(private readonly rng: Rng) {}

  /** Number of variants per topic; a post picks one, so a big seed shows a few dozen distinct pictures. */
  static readonly VARIANTS = 3;

  scene(topic: ImageTopic, variant: number): Promise<ImageAsset> {
    const key = `scene:${topic}:${variant}`;
    return this.once(key, () => rasterise(sceneSvg(topic, variant, this.rng.fork(key)), W, H, 480, 'image/jpeg'));
  }

  avatar(name: string, colour: string): Promise<ImageAsset> {
    return this.once(`avatar:${name}:${colour}`, () => {
      const initials = name
        .split(/\s+/)
        .filter((part) => /^\p{Lu}/u.test(part))
        .map((part) => part[0])
        .slice(0, 2)
        .join('');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="${colour}"/><circle cx="330" cy="70" r="110" fill="#fff" opacity="0.12"/><text x="200" y="255" text-anchor="middle" font-family="${FONT}" font-size="150" font-weight="bold" fill="#fff">${esc(initials)}</text></svg>`;
      return rasterise(svg, 400, 400, 128, 'image/jpeg');
    });
  }

  logo(intranetName: string, primary: string, accent: string): Promise<ImageAsset> {
    return this.once(`logo:${intranetName}:${primary}:${accent}`, () => {
      const size = intranetName.length > 6 ? 96 : 120;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" rx="96" fill="${primary}"/><circle cx="256" cy="190" r="92" fill="${accent}"/><path d="M256 120 L300 230 L212 230 Z" fill="${primary}" opacity="0.85"/><path d="M190 240 Q256 200 322 240" stroke="#fff" stroke-width="14" fill="none" stroke-linecap="round"/><text x="256" y="420" text-anchor="middle" font-family="${FONT}" font-size="${size}" font-weight="bold" fill="#fff">${esc(intranetName)}</text></svg>`;
      return rasterise(svg, 512, 512, 128, 'image/png');
    });
  }

  private once(key: string, render: () => Promise<ImageAsset>): Promise<ImageAsset> {
    let asset = this.cache.get(key);
    if (!asset) {
      asset = render();
      this.cache.set(key, asset);
    }
    return asset;
  }

  /** Distinct pictures rendered so far. */
  get rendered(): number {
    return this.cache.size;
  }
}

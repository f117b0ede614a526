import type { ImagesTable } from '../db/schema.js';
import { iso, type SeedContext } from './context.js';
import { DEMO_PLACEMENT } from './demoPeople.js';
import type { ImageAsset, ImageFactory } from './images.js';
import type { Organisation } from './organisation.js';
import type { People, Person } from './people.js';

/** Generated people with an avatar, besides the fixed people DEMO_PLACEMENT gives one. */
const AVATARS_GENERATED = 8;
const AVATAR_COLOURS = ['#0B5E73', '#6A1B4D', '#1F5F3F', '#8A2C0F', '#4A3C8C', '#1D4E89', '#9C1C3B', '#37474F'];

export interface Pictures {
  logoImageId: string | null;
  avatars: Map<Person, string>;
  /** Image rows of the logo and the avatars. */
  images: ImagesTable[];
}

/** The logo (uploaded by Daan, the administrator) and a few avatars; nothing when the seed has no images. */
export async function drawPictures(ctx: SeedContext, org: Organisation, people: People, factory: ImageFactory | null): Promise<Pictures> {
  const pictures: Pictures = { logoImageId: null, avatars: new Map(), images: [] };
  if (!factory) return pictures;
  const rng = ctx.rng.images;
  const { name, palette, tenantId, createdMs } = org;
  pictures.logoImageId = ctx.newImageId(createdMs);
  const logo = await factory.logo(name.intranetName, palette.primary, palette.accent);
  pictures.images.push(imageRow(tenantId, pictures.logoImageId, logo, people.fixed.daan.id, null, createdMs));
  const avatarPeople = [
    ...people.all.filter((p) => DEMO_PLACEMENT[p.employeeNumber]?.avatar),
    ...rng.sample(people.active.filter((p) => !DEMO_PLACEMENT[p.employeeNumber]), AVATARS_GENERATED),
  ];
  for (const p of avatarPeople) {
    const id = ctx.newImageId(p.createdMs);
    pictures.avatars.set(p, id);
    pictures.images.push(imageRow(tenantId, id, await factory.avatar(p.name, rng.pick(AVATAR_COLOURS)), p.id, null, p.createdMs));
  }
  return pictures;
}

export function imageRow(tenantId: string, id: string, asset: ImageAsset, ownerId: string, postId: string | null, ms: number): ImagesTable {
  return {
    tenant_id: tenantId,
    id,
    owner_id: ownerId,
    post_id: postId,
    mime: asset.mime,
    width: asset.width,
    height: asset.height,
    byte_size: asset.data.length,
    data: asset.data,
    thumb: asset.thumb,
    created_at: iso(ms),
  };
}

import type { Insertable } from 'kysely';
import type { OrganisationsTable } from '../db/schema.js';
import { iso, type SeedContext } from './context.js';
import { DEMO_ORGANISATION, DEMO_PALETTE, ORGANISATION_NAMES, PALETTES, REGIONS, type OrganisationName, type Palette, type Region } from './vocabulary.js';

export interface Organisation {
  tenantId: string;
  name: OrganisationName;
  palette: Palette;
  /** The towns its locations are in. */
  region: Region;
  createdMs: number;
}

/** The demo organisation has a fixed name, colours and region; any other gets them from the seed. */
export function foundOrganisation(ctx: SeedContext): Organisation {
  const rng = ctx.rng.structure;
  const name = ctx.isDemo ? DEMO_ORGANISATION : rng.pick(ORGANISATION_NAMES);
  const palette = ctx.isDemo ? DEMO_PALETTE : rng.pick(PALETTES);
  const region = ctx.isDemo ? REGIONS[0]! : rng.pick(REGIONS);
  const createdMs = ctx.nextSetupMs();
  return { tenantId: ctx.newId(createdMs), name, palette, region, createdMs };
}

export function organisationRow(org: Organisation, slug: string, logoImageId: string | null): Insertable<OrganisationsTable> {
  return {
    tenant_id: org.tenantId,
    slug,
    name: org.name.name,
    intranet_name: org.name.intranetName,
    primary_color: org.palette.primary,
    accent_color: org.palette.accent,
    logo_image_id: logoImageId,
    created_at: iso(org.createdMs),
  };
}

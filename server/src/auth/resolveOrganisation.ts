import type { Selectable } from 'kysely';
import type { ServerContext } from '../context.js';
import type { OrganisationsTable } from '../db/schema.js';
import { ApiError } from '../http/apiError.js';

/**
 * The organisation named in a request (by slug), or the only one this server hosts. An unknown slug
 * gets the caller's own failure, so it reads like any other wrong input and tells nothing about which
 * organisations exist.
 */
export async function resolveOrganisation(
  ctx: ServerContext,
  slug: string | undefined,
  unknown: () => ApiError,
): Promise<Selectable<OrganisationsTable>> {
  if (slug) {
    const org = await ctx.k.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!org) throw unknown();
    return org;
  }
  const orgs = await ctx.k.selectFrom('organisations').selectAll().limit(2).execute();
  if (orgs.length !== 1) throw new ApiError('organisation_required', 'Kies eerst je organisatie.');
  return orgs[0]!;
}

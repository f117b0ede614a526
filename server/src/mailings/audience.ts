import { sql, type Kysely } from 'kysely';
import type { Audience, AudienceCount } from '../../../common/src/api/routes/mailings.js';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import type { Database } from '../db/schema.js';
import { ApiError } from '../http/apiError.js';
import { inReadAudience } from '../readConfirmations/audienceQuery.js';
import { storedRequirement } from '../readConfirmations/serialize.js';

export interface Recipient {
  personId: string;
  address: string;
}

/**
 * The people an audience names now, with their mail address. `all` is every active person; groups,
 * locations and departments add up (anyone in any of them). "Has not yet confirmed post X" narrows
 * to who must read X (its own "lezen verplicht" audience) and has not confirmed it, within the chosen
 * groups, locations or departments when any are chosen. It is read in the same statement as the rest,
 * so when called while queueing, confirmations up to that moment count.
 *
 * Opted-out people are left out of a non-mandatory mailing; people without an address are counted
 * but cannot be sent to.
 */
export async function resolveAudience(
  k: Kysely<Database>,
  tenantId: string,
  audience: Audience,
  mandatory: boolean,
): Promise<{ recipients: Recipient[]; count: AudienceCount }> {
  await checkReferences(k, tenantId, audience);
  const unconfirmed = audience.unconfirmedPostId === undefined ? null : await readAudienceOf(k, tenantId, audience.unconfirmedPostId);
  const chosen: ReadAudience = {
    everyone: audience.all === true,
    groupIds: audience.groupIds ?? [],
    locationIds: audience.locationIds ?? [],
    departmentIds: audience.departmentIds ?? [],
  };
  const anyChosen = chosen.everyone || chosen.groupIds.length + chosen.locationIds.length + chosen.departmentIds.length > 0;
  const rows = await k
    .selectFrom('people as p')
    .leftJoin('person_mail as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.person_id', '=', 'p.id'))
    .select(['p.id', 'm.address', 'm.opted_out'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.active', '=', 1)
    .$if(anyChosen, (q) => q.where((eb) => inReadAudience(eb, tenantId, chosen)))
    .$if(unconfirmed !== null, (q) =>
      q
        .where((eb) => inReadAudience(eb, tenantId, unconfirmed!.audience))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('read_receipts as r')
                .select(sql`1`.as('one'))
                .where('r.tenant_id', '=', tenantId)
                .where('r.post_id', '=', unconfirmed!.postId)
                .whereRef('r.person_id', '=', 'p.id')
                .where('r.confirmed_at', 'is not', null),
            ),
          ),
        ),
    )
    .orderBy('p.id')
    .execute();
  let optedOut = 0;
  let withoutAddress = 0;
  const recipients: Recipient[] = [];
  for (const r of rows) {
    if (r.address === null) withoutAddress += 1;
    else if (!mandatory && r.opted_out === 1) optedOut += 1;
    else recipients.push({ personId: r.id, address: r.address });
  }
  return { recipients, count: { recipients: recipients.length, optedOut, withoutAddress } };
}

/** Who must read a post: only a post that is "lezen verplicht" has such an audience. */
async function readAudienceOf(k: Kysely<Database>, tenantId: string, postId: string): Promise<{ postId: string; audience: ReadAudience }> {
  const post = await k.selectFrom('posts').select(['id', 'read_requirement']).where('tenant_id', '=', tenantId).where('id', '=', postId).executeTakeFirst();
  const stored = post ? storedRequirement(post) : null;
  if (!stored) {
    throw new ApiError('validation', 'Niet alles is goed ingevuld.', [
      { path: 'body.audience.unconfirmedPostId', message: 'Dit bericht is niet (meer) lezen verplicht: kies een bericht dat dat wel is.' },
    ]);
  }
  return { postId, audience: stored.audience };
}

async function checkReferences(k: Kysely<Database>, tenantId: string, audience: Audience): Promise<void> {
  const check = async (table: 'groups' | 'locations' | 'departments', ids: string[] | undefined, field: string, message: string) => {
    if (!ids || ids.length === 0) return;
    // A private group's members are not for an editor to mail: it is refused as if it did not exist.
    const rows =
      table === 'groups'
        ? await k.selectFrom('groups').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).where('visibility', '<>', 'private').execute()
        : await k.selectFrom(table).select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing !== -1) throw new ApiError('validation', 'Niet alles is goed ingevuld.', [{ path: `body.audience.${field}.${missing}`, message }]);
  };
  await check('groups', audience.groupIds, 'groupIds', 'Deze groep bestaat niet (meer).');
  await check('locations', audience.locationIds, 'locationIds', 'Deze locatie bestaat niet.');
  await check('departments', audience.departmentIds, 'departmentIds', 'Deze afdeling bestaat niet.');
}

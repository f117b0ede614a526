import { sql, type Kysely } from 'kysely';
import type { Audience, AudienceCount } from '../../../common/src/api/routes/mailings.js';
import type { Database } from '../db/schema.js';
import { ApiError } from '../http/apiError.js';

export interface Recipient {
  personId: string;
  address: string;
}

/**
 * The people an audience names now, with their mail address. `all` is every active person; groups,
 * locations and departments add up (anyone in any of them). "Has not yet confirmed post X" narrows
 * that to who has not confirmed it (everyone, when nothing else is chosen): it needs the read
 * confirmations of `readconfirm`, and until those are on this server such an audience is refused
 * with a clear message rather than quietly reaching everyone.
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
  if (audience.unconfirmedPostId !== undefined) {
    throw new ApiError('validation', 'Niet alles is goed ingevuld.', [
      { path: 'body.audience.unconfirmedPostId', message: 'Leesbevestigingen zijn op deze server nog niet beschikbaar: kies iedereen, groepen, locaties of afdelingen.' },
    ]);
  }
  const everyone = audience.all === true;
  const groupIds = audience.groupIds ?? [];
  const locationIds = audience.locationIds ?? [];
  const departmentIds = audience.departmentIds ?? [];
  const rows = await k
    .selectFrom('people')
    .leftJoin('person_mail', (j) => j.onRef('person_mail.tenant_id', '=', 'people.tenant_id').onRef('person_mail.person_id', '=', 'people.id'))
    .select(['people.id', 'person_mail.address', 'person_mail.opted_out'])
    .where('people.tenant_id', '=', tenantId)
    .where('people.active', '=', 1)
    .$if(!everyone, (q) =>
      q.where((eb) =>
        eb.or([
          ...(locationIds.length > 0 ? [eb('people.location_id', 'in', locationIds)] : []),
          ...(departmentIds.length > 0 ? [eb('people.department_id', 'in', departmentIds)] : []),
          ...(groupIds.length > 0
            ? [
                eb.exists(
                  eb
                    .selectFrom('group_members')
                    .select(sql`1`.as('one'))
                    .whereRef('group_members.tenant_id', '=', 'people.tenant_id')
                    .whereRef('group_members.person_id', '=', 'people.id')
                    .where('group_members.group_id', 'in', groupIds),
                ),
              ]
            : []),
        ]),
      ),
    )
    .orderBy('people.id')
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

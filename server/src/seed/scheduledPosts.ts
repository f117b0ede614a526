import type { Transaction } from 'kysely';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Database } from '../db/schema.js';
import { hashSeed, mulberry32 } from './prng.js';

const DAY_MS = 86_400_000;

/**
 * Two posts of the demo organisation waiting for their time, so "Gepland" has something to show:
 * Carla's (an editor) with an end date, Anna's in plain words. Made after the rest of the dataset,
 * from a stream of their own, so nothing else shifts; they publish by themselves days after seeding.
 */
export async function seedScheduledPosts(trx: Transaction<Database>, tenantId: string, anchorMs: number): Promise<void> {
  const people = await trx.selectFrom('people').select(['id', 'employee_number']).where('tenant_id', '=', tenantId).where('employee_number', 'in', ['1001', '1003']).execute();
  const idOf = (n: string) => people.find((p) => p.employee_number === n)?.id;
  const anna = idOf('1001');
  const carla = idOf('1003');
  if (!anna || !carla) return;
  const next = mulberry32(hashSeed('scheduled-posts', tenantId));
  const id = (ms: number) => uuidv7(ms, (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)));
  const created = new Date(anchorMs).toISOString();
  const at = (days: number, utcHour: number) => new Date(anchorMs + days * DAY_MS + utcHour * 3_600_000).toISOString();
  await trx
    .insertInto('scheduled_posts')
    .values([
      {
        tenant_id: tenantId,
        id: id(anchorMs),
        author_id: carla,
        group_id: null,
        body: 'Inloopspreekuur over de nieuwe roosters: dinsdagmiddag van 14 tot 16 uur in de kantine. Neem je vragen mee! #roosters',
        images: '[]',
        pinned: 0,
        publish_at: at(2, 13),
        ends_at: at(9, 13),
        created_at: created,
      },
      {
        tenant_id: tenantId,
        id: id(anchorMs + 1),
        author_id: anna,
        group_id: null,
        body: 'Vrijdag is mijn laatste dienst op 3B voor mijn verlof. Ik trakteer om 10 uur in de teamkamer!',
        images: '[]',
        pinned: 0,
        publish_at: at(5, 8),
        ends_at: null,
        created_at: created,
      },
    ])
    .execute();
}

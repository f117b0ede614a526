import type { Kysely } from 'kysely';
import type { PageView } from '../../../common/src/api/routes/kb.js';
import type { DevicePrincipal, Principal } from '../auth/principal.js';
import type { Database, KbPagesTable } from '../db/schema.js';
import { ApiError, notFound } from '../http/apiError.js';
import { pagesFromRows } from './serialize.js';

type K = Kysely<Database>;

export async function findPage(k: K, tenantId: string, id: string): Promise<KbPagesTable> {
  const row = await k.selectFrom('kb_pages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze pagina bestaat niet (meer).');
  return row;
}

export async function findSection(k: K, tenantId: string, id: string) {
  const row = await k.selectFrom('kb_sections').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze sectie bestaat niet (meer).');
  return row;
}

/** A section named in a body: refused as a field error when it does not exist, so the form can say where. */
export async function existingSection(k: K, tenantId: string, id: string | null, field: string): Promise<void> {
  if (id === null) return;
  const row = await k.selectFrom('kb_sections').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('validation', 'Deze sectie bestaat niet (meer).', [{ path: field, message: 'Kies een bestaande sectie.' }]);
}

/** An owner must be an active colleague of the same organisation. */
export async function existingOwner(k: K, tenantId: string, id: string | null): Promise<void> {
  if (id === null) return;
  const row = await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  if (!row) throw new ApiError('validation', 'Deze collega is niet gevonden.', [{ path: 'body.ownerId', message: 'Kies een collega uit de organisatie.' }]);
}

/** The page as this reader gets it: with her favourite and her answer to "Was dit nuttig?". */
export async function pageView(k: K, p: Principal | DevicePrincipal, row: KbPagesTable): Promise<PageView> {
  const [page] = await pagesFromRows(k, p.tenantId, [row]);
  if (p.kind === 'device') return { ...page!, favourite: false, myFeedback: null };
  const favourite = await k
    .selectFrom('kb_favourites')
    .select('page_id')
    .where('tenant_id', '=', p.tenantId)
    .where('page_id', '=', row.id)
    .where('person_id', '=', p.personId)
    .executeTakeFirst();
  const feedback = await k
    .selectFrom('kb_feedback')
    .select(['helpful', 'comment'])
    .where('tenant_id', '=', p.tenantId)
    .where('page_id', '=', row.id)
    .where('person_id', '=', p.personId)
    .executeTakeFirst();
  return { ...page!, favourite: favourite !== undefined, myFeedback: feedback ? { helpful: feedback.helpful === 1, comment: feedback.comment } : null };
}

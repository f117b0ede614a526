import type { Transaction } from 'kysely';
import type { Category } from '../../../common/src/api/entities.js';
import type { Database } from '../db/schema.js';

/**
 * The demo organisation's fixed categories. #tip and #vraag are already in its posts; #leermoment and
 * #succes are new, as an organisation starting with categories would have them. Colours are dark
 * enough for white text (WCAG AA).
 */
export const DEMO_CATEGORIES: Category[] = [
  { tag: 'tip', colour: '#1f6f5c' },
  { tag: 'leermoment', colour: '#6b3fa0' },
  { tag: 'succes', colour: '#8a4b08' },
  { tag: 'vraag', colour: '#1f5f8b' },
];

export async function seedCategories(trx: Transaction<Database>, tenantId: string): Promise<void> {
  await trx.updateTable('organisations').set({ categories: JSON.stringify(DEMO_CATEGORIES) }).where('tenant_id', '=', tenantId).execute();
}

import type { Kysely } from 'kysely';
import { DEFAULT_SYNONYMS, type SynonymEntry } from '../../../common/src/search/synonyms.js';
import type { Database } from '../db/schema.js';

/** The organisation's synonyms as its editors set them, or the default list while they have not. */
export async function loadSynonyms(k: Kysely<Database>, tenantId: string): Promise<{ items: SynonymEntry[]; custom: boolean }> {
  const row = await k.selectFrom('search_synonyms').select('entries').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row ? { items: JSON.parse(row.entries) as SynonymEntry[], custom: true } : { items: DEFAULT_SYNONYMS.map((e) => ({ ...e, synonyms: [...e.synonyms] })), custom: false };
}

/** Replaces the list (words as typed, one entry per term); null goes back to the default list. */
export async function saveSynonyms(k: Kysely<Database>, tenantId: string, items: SynonymEntry[] | null, now: Date): Promise<void> {
  if (items === null) {
    await k.deleteFrom('search_synonyms').where('tenant_id', '=', tenantId).execute();
    return;
  }
  const merged = new Map<string, Set<string>>();
  for (const e of items) {
    const set = merged.get(e.term.toLowerCase()) ?? new Set<string>();
    for (const s of e.synonyms) if (s.toLowerCase() !== e.term.toLowerCase()) set.add(s.toLowerCase());
    merged.set(e.term.toLowerCase(), set);
  }
  const entries = JSON.stringify([...merged].filter(([, s]) => s.size > 0).map(([term, s]) => ({ term, synonyms: [...s] })));
  await k
    .insertInto('search_synonyms')
    .values({ tenant_id: tenantId, entries, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ entries, updated_at: now.toISOString() }))
    .execute();
}

import type { Trx } from '../sync/feed.js';

/** Things kept in an order: the pages of one section, the sections under one parent, the shortcuts. */
export type SiblingList = { table: 'kb_pages'; parent: 'section_id' } | { table: 'kb_sections'; parent: 'parent_id' } | { table: 'kb_quick_links'; parent: null };
export const PAGES: SiblingList = { table: 'kb_pages', parent: 'section_id' };
export const SECTIONS: SiblingList = { table: 'kb_sections', parent: 'parent_id' };
export const QUICK_LINKS: SiblingList = { table: 'kb_quick_links', parent: null };

/** Where a new item waits until placeAt gives it and its siblings their numbers. */
export const LAST = 2_000_000_000;

/**
 * Puts `id` at `position` among the siblings under `parentId` (at the end when position is absent or
 * past it) and numbers them 0, 1, 2… again. Returns the ids whose position changed, for the change feed.
 * `id` must already be under `parentId`, or be new (it is then not in the list yet).
 */
export async function placeAt(trx: Trx, list: SiblingList, tenantId: string, parentId: string | null, id: string, position: number | undefined): Promise<string[]> {
  const siblings = await siblingsOf(trx, list, tenantId, parentId);
  const others = siblings.filter((s) => s.id !== id);
  const at = Math.min(position ?? others.length, others.length);
  const order = [...others.slice(0, at).map((s) => s.id), id, ...others.slice(at).map((s) => s.id)];
  return renumber(trx, list, tenantId, order, new Map(siblings.map((s) => [s.id, s.position])));
}

/** Numbers the siblings under `parentId` 0, 1, 2… again after one left; returns those that moved. */
export async function closeGap(trx: Trx, list: SiblingList, tenantId: string, parentId: string | null): Promise<string[]> {
  const siblings = await siblingsOf(trx, list, tenantId, parentId);
  return renumber(trx, list, tenantId, siblings.map((s) => s.id), new Map(siblings.map((s) => [s.id, s.position])));
}

async function siblingsOf(trx: Trx, list: SiblingList, tenantId: string, parentId: string | null) {
  let q = trx.selectFrom(list.table).select(['id', 'position']).where('tenant_id', '=', tenantId);
  if (list.parent !== null) q = q.where(list.parent, parentId === null ? 'is' : '=', parentId);
  return q.orderBy('position').orderBy('id').execute();
}

async function renumber(trx: Trx, list: SiblingList, tenantId: string, order: string[], before: Map<string, number>): Promise<string[]> {
  const moved: string[] = [];
  for (const [position, id] of order.entries()) {
    if (before.get(id) === position) continue;
    await trx.updateTable(list.table).set({ position }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    moved.push(id);
  }
  return moved;
}

import type { Transaction } from 'kysely';
import { readReceiptKey } from '../../../common/src/api/sync.js';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import type { ChangesTable, Database, PostViewsTable, ReadReceiptsTable } from '../db/schema.js';
import type { StoredRequirement } from '../readConfirmations/serialize.js';
import { iso } from './context.js';
import { DEMO_PEOPLE } from './demoPeople.js';
import type { Dataset } from './generate.js';
import { Rng, hashSeed } from './prng.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Organisation posts of these last days have been seen; older ones were before view counting. */
const VIEWED_DAYS = 21;

/** What the demo marks "lezen verplicht": two of the organisation's announcements, by their opening words. */
const REQUIRED = [
  { opening: 'Belangrijk: vanaf', audience: 'everyone', confirmRate: 0.64 },
  { opening: 'Nieuw in ', audience: 'wards', confirmRate: 0.38 },
] as const;

export interface SeededReads {
  receipts: ReadReceiptsTable[];
  views: PostViewsTable[];
  /** Per post: its requirement (if any), confirmations and viewers. */
  posts: Map<string, { requirement: StoredRequirement | null; confirmed: number; viewCount: number }>;
}

/**
 * The demo's read confirmations and view counts: two announcements "lezen verplicht" (one for
 * everyone, one for the care wards), each confirmed by part of its audience, and unique viewers of
 * the organisation's recent posts. The fixed demo people have confirmed both, so a tap-in with them
 * goes straight to the timeline; an editor makes a new one to see "Eerst lezen". Its own random
 * stream: the rest of the dataset stays as it was.
 */
export function planReadConfirmations(data: Dataset, seed: number, anchorMs: number): SeededReads {
  const rng = new Rng(hashSeed('samen-read-confirmations', seed));
  const tenant = data.tenantId;
  const active = data.people.filter((p) => p.active !== 0);
  const byNumber = new Map(data.people.map((p) => [p.employee_number, p]));
  const demoIds = new Set(DEMO_PEOPLE.flatMap((d) => (byNumber.get(d.employeeNumber)?.id ? [byNumber.get(d.employeeNumber)!.id] : [])));
  const editor = byNumber.get(DEMO_PEOPLE.find((d) => d.roles.includes('editor'))!.employeeNumber)!;
  const wards = [...new Set(['1001', '1002'].map((n) => byNumber.get(n)?.department_id).filter((d): d is string => typeof d === 'string'))];
  const out: SeededReads = { receipts: [], views: [], posts: new Map() };

  for (const want of REQUIRED) {
    const post = data.posts.find((p) => p.group_id === null && p.body.startsWith(want.opening));
    if (!post) continue;
    const audience: ReadAudience =
      want.audience === 'everyone'
        ? { everyone: true, locationIds: [], departmentIds: [], groupIds: [] }
        : { everyone: false, locationIds: [], departmentIds: wards, groupIds: [] };
    const markedMs = Date.parse(post.created_at) + HOUR;
    const requirement: StoredRequirement = { audience, markedAt: iso(markedMs), markedBy: editor.id! };
    let confirmed = 0;
    for (const person of active) {
      if (!audience.everyone && !audience.departmentIds.includes(person.department_id ?? '')) continue;
      const demo = demoIds.has(person.id!);
      const reads = demo || rng.chance(want.confirmRate);
      const laterCount = reads ? (rng.chance(0.2) ? 1 : 0) : rng.chance(0.4) ? rng.int(1, 2) : 0;
      if (!reads && laterCount === 0) continue;
      const at = iso(Math.min(anchorMs - HOUR, markedMs + rng.int(1, Math.max(2, Math.floor((anchorMs - markedMs) / HOUR) - 1)) * HOUR));
      out.receipts.push({ tenant_id: tenant, post_id: post.id, person_id: person.id!, confirmed_at: reads ? at : null, later_count: laterCount, updated_at: at });
      if (reads) confirmed++;
    }
    out.posts.set(post.id, { requirement, confirmed, viewCount: 0 });
  }

  for (const post of data.posts) {
    const createdMs = Date.parse(post.created_at);
    if (post.group_id !== null || createdMs < anchorMs - VIEWED_DAYS * DAY) continue;
    const share = 0.15 + rng.next() * 0.5;
    let viewers = 0;
    for (const person of active) {
      if (!rng.chance(share)) continue;
      out.views.push({ tenant_id: tenant, post_id: post.id, person_id: person.id!, viewed_at: iso(Math.min(anchorMs - 1, createdMs + rng.int(1, 72) * HOUR)) });
      viewers++;
    }
    const entry = out.posts.get(post.id) ?? { requirement: null, confirmed: 0, viewCount: 0 };
    out.posts.set(post.id, { ...entry, viewCount: viewers });
  }
  return out;
}

/**
 * Writes the plan: the posts' columns, the receipts and viewers, and a change-feed row for each
 * receipt (its person's own), numbered on after everything else. Answers how many rows the feed got.
 */
export async function insertReadConfirmations(
  trx: Transaction<Database>,
  tenantId: string,
  plan: SeededReads,
  insertRows: (table: 'read_receipts' | 'post_views' | 'changes', rows: readonly object[]) => Promise<void>,
): Promise<number> {
  for (const [id, p] of plan.posts) {
    await trx
      .updateTable('posts')
      .set({ read_requirement: p.requirement ? JSON.stringify(p.requirement) : null, read_confirmed_count: p.confirmed, view_count: p.viewCount })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  }
  await insertRows('read_receipts', plan.receipts);
  await insertRows('post_views', plan.views);
  const { last_seq: last } = await trx.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  const changes: ChangesTable[] = plan.receipts.map((r, i) => ({
    tenant_id: tenantId,
    seq: Number(last) + i + 1,
    entity: 'readReceipt',
    entity_id: readReceiptKey(r.post_id, r.person_id),
    op: 'upsert',
    scope: `person:${r.person_id}`,
    at: r.updated_at,
  }));
  await insertRows('changes', changes);
  await trx.updateTable('tenant_seq').set({ last_seq: Number(last) + changes.length }).where('tenant_id', '=', tenantId).execute();
  return changes.length;
}

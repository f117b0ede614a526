import type { SearchResult } from '../../../../common/src/api/routes/search';

export const KIND_ORDER = ['page', 'post', 'group', 'person'] as const;
export type ResultKind = (typeof KIND_ORDER)[number];

/**
 * Adds the server's results to those shown, without moving any: what is on screen keeps its place
 * (a finger may be on its way to it) and what only the server knew (private groups, pages not yet
 * synced) comes after the shown ones of its kind.
 */
export function mergeResults(shown: readonly SearchResult[], server: readonly SearchResult[]): SearchResult[] {
  const known = new Set(shown.map((r) => `${r.kind}:${r.id}`));
  const added = server.filter((r) => !known.has(`${r.kind}:${r.id}`));
  return KIND_ORDER.flatMap((kind) => [...shown.filter((r) => r.kind === kind), ...added.filter((r) => r.kind === kind)]);
}

/** The results as the box lists them: one group per kind that has any, in the box's order. */
export function groupResults(results: readonly SearchResult[]): { kind: ResultKind; items: { result: SearchResult; index: number }[] }[] {
  const numbered = results.map((result, index) => ({ result, index }));
  return KIND_ORDER.map((kind) => ({ kind, items: numbered.filter((n) => n.result.kind === kind) })).filter((g) => g.items.length > 0);
}

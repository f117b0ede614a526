/**
 * Whom an announcement of changes names, from the changes' scopes: the people who received something
 * for them alone (`person:`, and `history:` for a copy of a private group's history made for one
 * member), so only their streams look for notifications; and whether a private group was touched,
 * whose members then pull their personal part.
 */
export function concernedBy(scopes: readonly string[]): { personIds: string[]; privateGroups: boolean } {
  const personIds = scopes.flatMap((s) => (s.startsWith('person:') ? [s.slice(7)] : s.startsWith('history:') ? [s.split(':')[1]!] : []));
  return { personIds: [...new Set(personIds)], privateGroups: scopes.some((s) => s.startsWith('group:')) };
}

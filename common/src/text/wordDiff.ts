/** A piece of a word diff: kept in both texts, only in the first (`removed`) or only in the second (`added`). */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words and the spaces after them, so joining the kept and added parts gives the new text back exactly. */
const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];

/**
 * The words that changed from `before` to `after`, by the longest common subsequence of words, for
 * a coach's suggested text shown beside the author's own. Texts are posts (at most a few thousand
 * words); beyond `limit` words per side the whole text counts as changed rather than spend seconds.
 */
export function wordDiff(before: string, after: string, limit = 2_000): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length > limit || b.length > limit) return merge([...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])]);
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  // lcs[i][j]: common words of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = same(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!)) {
      parts.push({ kind: 'same', text: b[j]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) parts.push({ kind: 'removed', text: a[i++]! });
    else parts.push({ kind: 'added', text: b[j++]! });
  }
  while (i < a.length) parts.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) parts.push({ kind: 'added', text: b[j++]! });
  return merge(parts);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

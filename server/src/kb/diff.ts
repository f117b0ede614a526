import type { DiffLine } from '../../../common/src/api/routes/kb.js';

/** Above this many cells the middle of a diff is shown as removed and added, not aligned line by line. */
const CELLS_MAX = 4_000_000;

/**
 * Line by line what changed from `before` to `after`: kept lines, and removed lines before the added
 * ones that replace them. A longest common subsequence over the lines that differ, after the common
 * beginning and end are set aside, so editing one line of a long page costs little.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.replace(/\r\n?/g, '\n').split('\n');
  const b = after.replace(/\r\n?/g, '\n').split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const keep = (lines: string[]) => lines.map((text): DiffLine => ({ op: 'keep', text }));
  return [...keep(a.slice(0, start)), ...middle(a.slice(start, endA), b.slice(start, endB)), ...keep(a.slice(endA))];
}

function middle(a: string[], b: string[]): DiffLine[] {
  const removed = (lines: string[]) => lines.map((text): DiffLine => ({ op: 'remove', text }));
  const added = (lines: string[]) => lines.map((text): DiffLine => ({ op: 'add', text }));
  if (a.length === 0 || b.length === 0 || a.length * b.length > CELLS_MAX) return [...removed(a), ...added(b)];
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'keep', text: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push({ op: 'remove', text: a[i++]! });
    } else {
      out.push({ op: 'add', text: b[j++]! });
    }
  }
  return [...out, ...removed(a.slice(i)), ...added(b.slice(j))];
}

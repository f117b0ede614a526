import type { Kysely } from 'kysely';
import { amsterdamDay } from '../auth/pinPolicy.js';
import type { Database } from '../db/schema.js';

const TOP = 20;
const DAY_MS = 86_400_000;

interface Count {
  term: string;
  searches: number;
}

/**
 * What an organisation searched for from `from` to `to` (Amsterdam calendar days, both included):
 * searches and unique searches (distinct analysed words) per day, the most searched words, words
 * that found nothing, words whose results nobody opened, and the pages opened from a search. Counted
 * in code, so both databases give the same answer; no person is stored to count by.
 */
export async function searchStats(k: Kysely<Database>, tenantId: string, from: string, to: string) {
  const rows = await k
    .selectFrom('search_log')
    .select(['id', 'at', 'query', 'normalised', 'result_count'])
    .where('tenant_id', '=', tenantId)
    .where('at', '>=', new Date(Date.parse(from) - DAY_MS).toISOString())
    .where('at', '<', new Date(Date.parse(to) + 2 * DAY_MS).toISOString())
    .execute();
  const searches = rows.filter((r) => {
    const day = amsterdamDay(new Date(r.at));
    return day >= from && day <= to;
  });
  const clicks = await clicksOf(k, tenantId, searches.map((s) => s.id));
  const clicked = new Set(clicks.map((c) => c.search_id));

  const perDay = new Map<string, { searches: number; words: Set<string> }>();
  for (const s of searches) {
    const day = amsterdamDay(new Date(s.at));
    const entry = perDay.get(day) ?? { searches: 0, words: new Set<string>() };
    entry.searches += 1;
    entry.words.add(s.normalised);
    perDay.set(day, entry);
  }
  const label = labels(searches);
  const count = (list: typeof searches): Count[] => {
    const n = new Map<string, number>();
    for (const s of list) n.set(s.normalised, (n.get(s.normalised) ?? 0) + 1);
    return [...n]
      .map(([normalised, searches]) => ({ term: label.get(normalised)!, searches }))
      .sort((a, b) => b.searches - a.searches || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, TOP);
  };

  const opens = new Map<string, number>();
  for (const c of clicks) if (c.kind === 'page') opens.set(c.target_id, (opens.get(c.target_id) ?? 0) + 1);
  const titles = opens.size === 0 ? [] : await k.selectFrom('kb_pages').select(['id', 'title']).where('tenant_id', '=', tenantId).where('id', 'in', [...opens.keys()]).execute();
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));

  return {
    from,
    to,
    searches: searches.length,
    uniqueSearches: new Set(searches.map((s) => s.normalised)).size,
    days: [...perDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, e]) => ({ day, searches: e.searches, uniqueSearches: e.words.size })),
    topTerms: count(searches),
    noResults: count(searches.filter((s) => s.result_count === 0)),
    noClicks: count(searches.filter((s) => s.result_count > 0 && !clicked.has(s.id))),
    openedPages: [...opens]
      .map(([pageId, n]) => ({ pageId, title: titleOf.get(pageId) ?? null, opens: n }))
      .sort((a, b) => b.opens - a.opens || (a.pageId < b.pageId ? -1 : 1))
      .slice(0, TOP),
  };
}

/** The words people typed most for each analysed form ("Salaris", "salarissen" → "salaris"), lower case. */
function labels(rows: { query: string; normalised: string }[]): Map<string, string> {
  const typed = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const forms = typed.get(r.normalised) ?? new Map<string, number>();
    const form = r.query.toLowerCase();
    forms.set(form, (forms.get(form) ?? 0) + 1);
    typed.set(r.normalised, forms);
  }
  return new Map([...typed].map(([normalised, forms]) => [normalised, [...forms].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]![0]]));
}

async function clicksOf(k: Kysely<Database>, tenantId: string, searchIds: string[]) {
  const out: { search_id: string; kind: string; target_id: string }[] = [];
  for (let i = 0; i < searchIds.length; i += 500) {
    out.push(
      ...(await k
        .selectFrom('search_clicks')
        .select(['search_id', 'kind', 'target_id'])
        .where('tenant_id', '=', tenantId)
        .where('search_id', 'in', searchIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

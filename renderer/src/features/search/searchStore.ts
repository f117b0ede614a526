import { create } from 'zustand';
import type { SearchResult } from '../../../../common/src/api/routes/search';
import { uuidv7 } from '../../../../common/src/ids';
import { registerPersonalStore } from '../../app/personalStores';
import { invoke } from '../../app/samen';
import { mergeResults } from './mergeResults';

type SearchState = {
  open: boolean;
  query: string;
  results: SearchResult[];
  /** The query the results are for (typing runs ahead of them). */
  answered: string;
  /** The server's part could not be asked: results are this device's only. */
  offline: boolean;
  /** One per opening of the box: the statistics count one search, with its last words. */
  searchId: string;
  active: number;
};

const closed = (): SearchState => ({ open: false, query: '', results: [], answered: '', offline: false, searchId: uuidv7(), active: 0 });

export const useSearch = create<SearchState>(closed);

/** What someone searched is hers: it goes when she logs out. */
registerPersonalStore(() => useSearch.setState(closed()));

export function openSearch(): void {
  if (!useSearch.getState().open) useSearch.setState({ ...closed(), open: true });
}

export function closeSearch(): void {
  useSearch.setState(closed());
}

/** The server is asked once typing pauses this long; the cache answers every key at once. */
export const SERVER_PAUSE_MS = 250;
let serverTimer: ReturnType<typeof setTimeout> | null = null;

export async function typeQuery(query: string): Promise<void> {
  useSearch.setState({ query, active: 0 });
  if (serverTimer) clearTimeout(serverTimer);
  if (query.trim() === '') {
    useSearch.setState({ results: [], answered: '' });
    return;
  }
  const local = await invoke('search.local', { q: query });
  if (useSearch.getState().query !== query) return;
  if (local.ok) useSearch.setState({ results: local.value.results, answered: query });
  serverTimer = setTimeout(() => void askServer(query), SERVER_PAUSE_MS);
}

async function askServer(query: string): Promise<void> {
  const { searchId } = useSearch.getState();
  const remote = await invoke('search.remote', { q: query, searchId });
  const now = useSearch.getState();
  if (now.query !== query || now.searchId !== searchId) return;
  if (!remote.ok) {
    useSearch.setState({ offline: remote.error.code === 'offline' });
    return;
  }
  useSearch.setState({ results: mergeResults(now.results, remote.value.results), offline: false });
}

export function moveActive(step: 1 | -1): void {
  const { results, active } = useSearch.getState();
  if (results.length === 0) return;
  useSearch.setState({ active: (active + step + results.length) % results.length });
}

/** Tells the statistics which result was opened; a device offline just does not count it. */
export function reportOpened(result: SearchResult, position: number): void {
  const { searchId } = useSearch.getState();
  void invoke('search.click', { searchId, kind: result.kind, id: result.id, position: Math.min(position, 99) });
}

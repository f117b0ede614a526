import { useEffect, useState } from 'react';
import { invoke } from '../../app/samen';
import type { Trigger } from './suggestionTrigger';

export type Suggestion =
  | { kind: '#'; value: string; count: number }
  | { kind: '@'; value: string; name: string; jobTitle: string; avatarUrl: string | null };

const LIMIT = 6;

/** Asks main for tags or people matching what is typed; a slower, older answer never wins. */
export function useSuggestions(trigger: Trigger | null): Suggestion[] {
  const [items, setItems] = useState<Suggestion[]>([]);
  const kind = trigger?.kind;
  const query = trigger?.query;

  useEffect(() => {
    if (kind === undefined || query === undefined) {
      setItems([]);
      return;
    }
    let current = true;
    const load = async (): Promise<Suggestion[]> => {
      if (kind === '#') {
        const r = await invoke('hashtags.suggest', { prefix: query, limit: LIMIT });
        return r.ok ? r.value.items.map((x) => ({ kind: '#', value: x.tag, count: x.count })) : [];
      }
      const r = await invoke('people.suggest', { prefix: query, limit: LIMIT });
      return r.ok ? r.value.items.map((x) => ({ kind: '@', value: x.handle, name: x.name, jobTitle: x.jobTitle, avatarUrl: x.avatarUrl })) : [];
    };
    void load().then((found) => current && setItems(found));
    return () => {
      current = false;
    };
  }, [kind, query]);

  return items;
}

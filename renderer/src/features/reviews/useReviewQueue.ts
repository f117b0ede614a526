import { useCallback, useEffect, useState } from 'react';
import type { ReviewViewModel } from '../../../../common/src/ipc/reviewViews';
import { invoke, on } from '../../app/samen';
import type { errorText } from '../../ui/i18n/i18n';

export type ListState = { status: 'loading' } | { status: 'ready'; items: ReviewViewModel[]; complete: boolean } | { status: 'error'; code: Parameters<typeof errorText>[1] };

/** A list of drafts asked of main each time it is shown, again when the outbox or a notice says something changed. */
export function useReviewList(method: 'reviews.queue' | 'reviews.mine', enabled = true): [ListState, () => Promise<void>] {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const load = useCallback(async () => {
    if (!enabled) return;
    const r = await invoke(method, {});
    setState(r.ok ? { status: 'ready', ...r.value } : { status: 'error', code: r.error.code });
  }, [method, enabled]);
  useEffect(() => {
    void load();
    const off = [on('timeline.changed', () => void load()), on('notification', () => void load())];
    return () => {
      for (const f of off) f();
    };
  }, [load]);
  return [state, load];
}

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createRotation } from '../../../../common/src/kiosk/rotation';
import type { SignageItem } from '../../../../common/src/ipc/kioskViews';

/**
 * The item on screen now: the rotation picks the next when the current one's time is up. New content
 * replaces an item in place (same key) without restarting its time; one timer at a time, cleared on
 * every change, so a kiosk running for months holds no more than the current item's.
 */
export function useRotation(items: readonly SignageItem[]): { item: SignageItem | null; turn: number } {
  const rotation = useMemo(() => createRotation<SignageItem>(), []);
  const [state, setState] = useState<{ key: string | null; turn: number }>({ key: null, turn: 0 });
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const current = state.key === null ? null : (items.find((i) => i.key === state.key) ?? null);

  // Nothing on screen (the start, or the item left the playlist): pick one at once.
  useEffect(() => {
    if (current !== null || items.length === 0) return;
    const next = rotation.next(items, new Date());
    if (next) setState((s) => ({ key: next.key, turn: s.turn + 1 }));
  }, [current, items, rotation]);

  const seconds = current?.seconds ?? null;
  // Set as the item is committed, not after paint: its time on screen starts when it is shown.
  useLayoutEffect(() => {
    if (seconds === null) return;
    const timer = setTimeout(() => {
      const next = rotation.next(itemsRef.current, new Date());
      setState((s) => ({ key: next?.key ?? null, turn: s.turn + 1 }));
    }, seconds * 1000);
    return () => clearTimeout(timer);
  }, [state.turn, seconds, rotation]);

  return { item: current, turn: state.turn };
}

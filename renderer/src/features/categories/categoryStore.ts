import { create } from 'zustand';
import type { Category } from '../../../../common/src/api/entities';
import { invoke } from '../../app/samen';

/** The organisation's fixed categories as the cache has them; organisation-wide, so not personal. */
export const useCategories = create<{ items: Category[] }>(() => ({ items: [] }));

export async function loadCategories(): Promise<void> {
  const r = await invoke('categories.list', {});
  if (r.ok) useCategories.setState({ items: r.value.items });
}

/** The colour of a tag when it is a fixed category. */
export const categoryColour = (items: readonly Category[], tag: string): string | undefined => items.find((c) => c.tag === tag)?.colour;

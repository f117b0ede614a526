import type { Page, Section } from '../../../common/src/api/entities.js';
import type { KbHome, KbPageView } from '../../../common/src/ipc/kbViews.js';
import { parsePageMarkdown, type PageBlock, type PageInline } from '../../../common/src/text/markdown.js';
import type { CacheParts } from '../cache/openCache.js';
import type { PersonalView } from '../personal/personalStore.js';

/** Her own favourite and answer on a page, as the outbox would leave them once sent. */
export interface OwnKbState {
  favourite(pageId: string): boolean | undefined;
  feedback(pageId: string): { helpful: boolean; comment: string | null } | undefined;
  /** Something of hers about the page is still waiting to be sent. */
  pending(pageId: string): boolean;
}

export const noPendingKbWrites: OwnKbState = { favourite: () => undefined, feedback: () => undefined, pending: () => false };

/** The home of "Weten en regelen": the whole tree without page texts, the quick links, her favourites. */
export function kbHome(parts: CacheParts, personal: PersonalView, own: OwnKbState): KbHome {
  const pages = parts.kb.pages().map(({ body: _body, ...summary }) => summary);
  const known = new Set(pages.map((p) => p.id));
  const stored = personal.favourites().map((f) => f.pageId);
  // Waiting favourites first (newest), then those the server has; a waiting "remove" hides one.
  const favouriteIds = [...pages.filter((p) => own.favourite(p.id) === true && !stored.includes(p.id)).map((p) => p.id), ...stored.filter((id) => own.favourite(id) !== false)];
  return { sections: parts.kb.sections(), pages, quickLinks: parts.kb.quickLinks(), favouriteIds: favouriteIds.filter((id) => known.has(id)) };
}

/** The sections above a section, outermost first; a loop in bad data stops rather than hangs. */
export function breadcrumbs(sectionId: string | null, sectionOf: (id: string) => Section | null): { id: string; title: string }[] {
  const trail: { id: string; title: string }[] = [];
  const seen = new Set<string>();
  for (let id = sectionId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const section = sectionOf(id);
    if (!section) break;
    trail.unshift({ id: section.id, title: section.title });
    id = section.parentId;
  }
  return trail;
}

const linkedIds = (blocks: PageBlock[]): Set<string> => {
  const ids = new Set<string>();
  const walk = (tokens: PageInline[]) => {
    for (const t of tokens) {
      if (t.type === 'pageLink') ids.add(t.pageId);
      if ('children' in t) walk(t.children as PageInline[]);
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') walk(b.children);
    else if (b.type === 'table') [...b.header, ...b.rows.flat()].forEach(walk);
    else b.items.forEach(walk);
  }
  return ids;
};

/** One page to read, from the cache (or from the server when it was not synced yet). */
export function kbPageView(parts: CacheParts, personal: PersonalView, own: OwnKbState, page: Page): KbPageView {
  const titles: Record<string, string> = {};
  for (const linked of parts.kb.pagesByIds([...linkedIds(parsePageMarkdown(page.body))])) titles[linked.id] = linked.title;
  const stored = personal.feedback(page.id);
  const waitingFeedback = own.feedback(page.id);
  return {
    ...page,
    favourite: own.favourite(page.id) ?? personal.favourites().some((f) => f.pageId === page.id),
    myFeedback: waitingFeedback ?? (stored ? { helpful: stored.helpful, comment: stored.comment } : null),
    breadcrumbs: breadcrumbs(page.sectionId, parts.kb.section),
    ownerName: page.ownerId ? (parts.directory.person(page.ownerId)?.name ?? null) : null,
    linkedTitles: titles,
    pending: own.pending(page.id),
  };
}

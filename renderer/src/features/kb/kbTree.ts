import type { KbHome } from '../../../../common/src/ipc/kbViews';

export type TreeSection = KbHome['sections'][number];
export type TreePage = KbHome['pages'][number];

export interface SectionNode {
  section: TreeSection;
  pages: TreePage[];
  children: SectionNode[];
}

const byPosition = <T extends { position: number; title: string }>(a: T, b: T) => a.position - b.position || a.title.localeCompare(b.title, 'nl');

/** The sections nested by parent, each with its pages, siblings in their order; pages outside any section apart. */
export function buildTree(home: Pick<KbHome, 'sections' | 'pages'>): { roots: SectionNode[]; loosePages: TreePage[] } {
  const nodes = new Map(home.sections.map((section) => [section.id, { section, pages: [] as TreePage[], children: [] as SectionNode[] }]));
  const roots: SectionNode[] = [];
  for (const node of [...nodes.values()].sort((a, b) => byPosition(a.section, b.section))) {
    const parent = node.section.parentId ? nodes.get(node.section.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const loosePages: TreePage[] = [];
  for (const page of [...home.pages].sort(byPosition)) {
    const node = page.sectionId ? nodes.get(page.sectionId) : undefined;
    (node ? node.pages : loosePages).push(page);
  }
  return { roots, loosePages };
}

/** Where a page goes when moved one place up or down among its siblings; null at either end. */
export function stepPosition(siblings: readonly { id: string }[], id: string, step: 1 | -1): number | null {
  const at = siblings.findIndex((s) => s.id === id);
  const to = at + step;
  return at === -1 || to < 0 || to >= siblings.length ? null : to;
}

/** Where a page dropped on `targetId` lands among the target's siblings: in its place, pushing it down. */
export function dropPosition(siblings: readonly { id: string }[], movedId: string, targetId: string): number {
  const without = siblings.filter((s) => s.id !== movedId);
  const at = without.findIndex((s) => s.id === targetId);
  return at === -1 ? without.length : at;
}

import { describe, expect, it } from 'vitest';
import { buildTree, dropPosition, stepPosition } from '../../../../renderer/src/features/kb/kbTree.js';

const at = '2025-01-01T00:00:00.000Z';
const section = (id: string, position: number, parentId: string | null = null) => ({ id, parentId, title: id, position, createdAt: at, updatedAt: at });
const page = (id: string, sectionId: string | null, position: number) => ({
  id,
  sectionId,
  title: id,
  position,
  ownerId: null,
  reviewDate: null,
  version: 1,
  attachments: [],
  createdAt: at,
  updatedAt: at,
  updatedBy: null,
});

describe('the knowledge-base tree', () => {
  it('nests sections under their parent and puts each page in its section, in their order', () => {
    const tree = buildTree({
      sections: [section('ict', 1), section('hr', 0), section('verlof', 0, 'hr')],
      pages: [page('salaris', 'hr', 1), page('loonstrook', 'hr', 0), page('los', null, 0), page('vakantie', 'verlof', 0)],
    });
    expect(tree.roots.map((n) => n.section.id)).toEqual(['hr', 'ict']);
    expect(tree.roots[0]!.pages.map((p) => p.id)).toEqual(['loonstrook', 'salaris']);
    expect(tree.roots[0]!.children[0]!.pages.map((p) => p.id)).toEqual(['vakantie']);
    expect(tree.loosePages.map((p) => p.id)).toEqual(['los']);
  });

  it('moves a page one place with the keyboard, and not past either end', () => {
    const siblings = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(stepPosition(siblings, 'b', -1)).toBe(0);
    expect(stepPosition(siblings, 'b', 1)).toBe(2);
    expect(stepPosition(siblings, 'a', -1)).toBeNull();
    expect(stepPosition(siblings, 'c', 1)).toBeNull();
  });

  it('puts a dropped page in the place of the page it was dropped on', () => {
    const siblings = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(dropPosition(siblings, 'c', 'a')).toBe(0);
    expect(dropPosition(siblings, 'a', 'c')).toBe(1);
    expect(dropPosition([{ id: 'x' }], 'moved-in', 'x')).toBe(0);
  });
});

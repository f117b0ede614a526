import type Database from 'better-sqlite3';
import type { Page, QuickLink, Section } from '../../../common/src/api/entities.js';
import { fromRow, type EntityRow } from './entityRow.js';

/** The knowledge base as the views read it from the cache: every section and page in tree order. */
export function createKbQueries(db: Database.Database) {
  const sections = db.prepare<[], EntityRow>('SELECT data FROM kb_sections ORDER BY position, id');
  const pages = db.prepare<[], EntityRow>('SELECT data FROM kb_pages ORDER BY position, id');
  const page = db.prepare<[string], EntityRow>('SELECT data FROM kb_pages WHERE id = ?');
  const pagesByIds = (ids: readonly string[]) =>
    db.prepare<string[], EntityRow>(`SELECT data FROM kb_pages WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids);
  const section = db.prepare<[string], EntityRow>('SELECT data FROM kb_sections WHERE id = ?');
  const quickLinks = db.prepare<[], EntityRow>('SELECT data FROM kb_quick_links ORDER BY position, id');
  const pageCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM kb_pages');

  return {
    /** Siblings by position; the caller builds the tree (it is small: hundreds of rows). */
    sections: (): Section[] => sections.all().map(fromRow<Section>),
    /** With their text: the views show summaries, the search index reads the text. */
    pages: (): Page[] => pages.all().map(fromRow<Page>),
    page(id: string): Page | null {
      const row = page.get(id);
      return row ? fromRow<Page>(row) : null;
    },
    pagesByIds: (ids: readonly string[]): Page[] => (ids.length === 0 ? [] : pagesByIds(ids).map(fromRow<Page>)),
    section(id: string): Section | null {
      const row = section.get(id);
      return row ? fromRow<Section>(row) : null;
    },
    quickLinks: (): QuickLink[] => quickLinks.all().map(fromRow<QuickLink>),
    pageCount: (): number => pageCount.get()!.n,
  };
}

export type KbQueries = ReturnType<typeof createKbQueries>;

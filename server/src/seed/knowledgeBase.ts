import type { ChangesTable, KbPagesTable, KbPageVersionsTable, KbQuickLinksTable, KbSectionsTable } from '../db/schema.js';
import { DAY } from './calendar.js';
import { iso, type SeedContext } from './context.js';
import { knowledgeBaseTree } from './knowledgeBaseTree.js';
import type { KbOrganisation, KbSectionText, OwnerDepartment } from './knowledgeBaseTexts.js';
import type { Organisation } from './organisation.js';
import type { People, Person } from './people.js';
import type { Places } from './places.js';

export interface KnowledgeBase {
  sections: KbSectionsTable[];
  pages: KbPagesTable[];
  versions: KbPageVersionsTable[];
  quickLinks: KbQuickLinksTable[];
  /** Its change-feed rows, numbered on after the rest of the feed, which stays as it was. */
  changes: ChangesTable[];
}

/** "Snel regelen" of the demo: the five things staff look up most, by the title of their page. */
const QUICK_LINKS: { title: string; page: string; icon: string }[] = [
  { title: 'Salaris', page: 'Salaris en betaaldata', icon: 'wallet' },
  { title: 'Rooster', page: 'Je rooster inzien', icon: 'calendar' },
  { title: 'Verlof', page: 'Verlof aanvragen', icon: 'sun' },
  { title: 'Ziekmelden', page: 'Ziekmelden', icon: 'thermometer' },
  { title: 'Declaraties', page: 'Declaraties indienen', icon: 'receipt' },
];

/** A page is reviewed a year after it was last looked at; some were looked at more than a year ago. */
const REVIEW_PERIOD_DAYS = 365;
const LAST_REVIEWED_DAYS = { min: 20, max: 460 };

const PAGE_LINK = /\]\(page:@([^)\s]+)\)/g;

/**
 * The demo knowledge base ("Weten en regelen"): the same tree of sections and pages for every size of
 * organisation, with its own locations and departments in the texts, an owner per page from the
 * department that keeps it, review dates of which about one in five has passed, and the quick links.
 * Runs after every other part: it takes ids and setup moments after theirs and draws from its own
 * stream, so what the other parts make stays exactly as it was.
 */
export function writeKnowledgeBase(ctx: SeedContext, org: Organisation, places: Places, people: People, firstSeq: number): KnowledgeBase {
  const rng = ctx.rng.knowledgeBase;
  const tenantId = org.tenantId;
  const departments = new Map(places.departments.filter((d) => d.loc === places.main).map((d) => [d.key, d]));
  const kbOrg: KbOrganisation = {
    year: new Date(ctx.anchorMs).getUTCFullYear(),
    name: org.name.name,
    intranetName: org.name.intranetName,
    locations: places.locations.map((l) => ({ name: l.name, house: l.house, city: l.city, kind: l.kind })),
    departments: new Set(departments.keys()),
  };
  const ownerFrom = (key: OwnerDepartment): Person => {
    // Communication keeps the pages about the intranet: that is Carla, the demo's editor.
    if (key === 'comms') return people.fixed.carla;
    const staff = (departments.get(key) ?? departments.get('hr'))!.staff.filter((p) => p.active);
    return staff.length > 0 ? rng.pick(staff) : people.fixed.carla;
  };

  const kb: KnowledgeBase = { sections: [], pages: [], versions: [], quickLinks: [], changes: [] };
  const events: { ms: number; entity: 'section' | 'page' | 'quickLink'; id: string }[] = [];
  const titles = new Map<string, string>();
  const place = (sections: KbSectionText[], parentId: string | null) => {
    sections.forEach((section, position) => {
      const ms = ctx.nextSetupMs();
      const id = ctx.newId(ms);
      kb.sections.push({ tenant_id: tenantId, id, parent_id: parentId, title: section.title, position, created_at: iso(ms), updated_at: iso(ms) });
      events.push({ ms, entity: 'section', id });
      section.pages.forEach((text, pagePosition) => {
        if (titles.has(text.title)) throw new Error(`Seed: two knowledge-base pages are called "${text.title}".`);
        const pageMs = ctx.nextSetupMs();
        const pageId = ctx.newId(pageMs);
        titles.set(text.title, pageId);
        const owner = ownerFrom(text.owner ?? section.owner);
        const lastReviewed = ctx.anchorMs - rng.int(LAST_REVIEWED_DAYS.min, LAST_REVIEWED_DAYS.max) * DAY;
        kb.pages.push({
          tenant_id: tenantId,
          id: pageId,
          section_id: id,
          title: text.title,
          body: text.body,
          position: pagePosition,
          owner_id: owner.id,
          review_date: iso(lastReviewed + REVIEW_PERIOD_DAYS * DAY).slice(0, 10),
          review_noticed_for: null,
          version: 1,
          created_at: iso(pageMs),
          updated_at: iso(pageMs),
          updated_by: owner.id,
        });
        events.push({ ms: pageMs, entity: 'page', id: pageId });
      });
      place(section.sections ?? [], id);
    });
  };
  place(knowledgeBaseTree(kbOrg), null);

  for (const p of kb.pages) {
    p.body = p.body.replace(PAGE_LINK, (_, encoded: string) => {
      const title = decodeURIComponent(encoded);
      const target = titles.get(title);
      if (!target) throw new Error(`Seed: the page "${p.title}" links to "${title}", which does not exist.`);
      return `](page:${target})`;
    });
    kb.versions.push({ tenant_id: tenantId, page_id: p.id, version: 1, title: p.title, body: p.body, saved_by: p.updated_by, saved_at: p.updated_at });
  }
  QUICK_LINKS.forEach((link, position) => {
    const ms = ctx.nextSetupMs();
    const id = ctx.newId(ms);
    const pageId = titles.get(link.page);
    if (!pageId) throw new Error(`Seed: the quick link "${link.title}" goes to "${link.page}", which does not exist.`);
    kb.quickLinks.push({ tenant_id: tenantId, id, title: link.title, page_id: pageId, url: null, icon: link.icon, position });
    events.push({ ms, entity: 'quickLink', id });
  });
  kb.changes = events.map((e, i) => ({ tenant_id: tenantId, seq: firstSeq + i, entity: e.entity, entity_id: e.id, op: 'upsert', scope: 'org', at: iso(e.ms) }));
  return kb;
}

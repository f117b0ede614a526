import { parseMentionHandles } from '../../../common/src/text/mentions.js';
import { dateName, weekdayName } from './calendar.js';
import type { Colleagues } from './colleagues.js';
import type { Group } from './groups.js';
import type { Organisation } from './organisation.js';
import type { People, Person } from './people.js';
import type { Rng } from './prng.js';

const CLOCK_TIMES = ['9.30', '10.00', '10.30', '13.30', '14.00', '14.30', '15.00', '16.00', '19.30', '20.00'];
const JUBILEE_YEARS = ['10', '12,5', '25', '40'];

/** Fills the {slots} of post and reply templates (listed in texts.ts) and finds the mentions in the result. */
export class TemplateSlots {
  constructor(
    private readonly org: Organisation,
    private readonly people: People,
    private readonly colleagues: Colleagues,
  ) {}

  /**
   * `author` writes `text` at `ms`, in `group` if any; for a reply, `postAuthor` is whom {@auteur}
   * names. Every draw comes from `rng`, in the order the slots appear.
   */
  fill(text: string, rng: Rng, ms: number, author: Person, group: Group | null, postAuthor?: Person): string {
    let subject: Person | null = null;
    // The colleague a post is about (a welcome, a birthday) works in the author's team or group.
    const subjectOf = () => (subject ??= this.colleagues.close(rng, author, group));
    const dept = author.dept;
    const loc = dept.loc;
    return text.replace(/\{([@\w]+)\}/g, (whole, slot: string) => {
      switch (slot) {
        case '@collega':
          return `@${this.colleagues.colleague(rng, author, group, postAuthor ?? subject ?? undefined).handle}`;
        case '@nieuw':
          return `@${subjectOf().handle}`;
        case '@auteur':
          return `@${(postAuthor ?? author).handle}`;
        case 'nieuwnaam':
          return subjectOf().name;
        case 'nieuwfunctie':
          return subjectOf().jobTitle.toLowerCase();
        case 'afdeling':
          return dept.name.replace(/^(Afdeling|Thuiszorg)/, (w) => w.toLowerCase());
        case 'locatie':
          return `locatie ${loc.house}`;
        case 'stad':
          return loc.city;
        case 'dag':
          return weekdayName(ms, rng.int(1, 6));
        case 'datum':
          return dateName(ms, rng.int(4, 30));
        case 'tijd':
          return rng.pick(CLOCK_TIMES);
        case 'jaar':
          return rng.pick(JUBILEE_YEARS);
        case 'dienstjaren':
          return String(rng.int(15, 42));
        case 'kamer':
          return String(rng.int(1, 40));
        case 'aantal':
          return String(rng.int(5, 30));
        case 'procent':
          return String(rng.int(72, 91));
        case 'org':
          return this.org.name.name;
        case 'intranet':
          return this.org.name.intranetName;
        case 'teamtag':
          return group?.tag ?? '';
        case 'groep':
          return group?.name ?? '';
        default:
          return whole;
      }
    });
  }

  /** The `mentions` column: every @handle in the text that names someone. */
  mentions(body: string): string {
    return JSON.stringify(
      parseMentionHandles(body).flatMap((handle) => {
        const p = this.people.byHandle.get(handle);
        return p ? [{ personId: p.id, handle }] : [];
      }),
    );
  }
}

import type { MailingBody } from '../../../../common/src/api/routes/mailings';

export type AudienceKind = 'all' | 'groups' | 'locations' | 'departments' | 'unconfirmed';

/** What the editor has filled in so far on the compose screen. */
export interface MailingDraft {
  subject: string;
  intro: string;
  postIds: string[];
  pageIds: string[];
  /** The one poll in the mailing, if any. */
  pollId: string | null;
  audience: AudienceKind;
  /** The groups, locations or departments chosen, for the audience kind that takes them. */
  targetIds: string[];
  unconfirmedPostId: string | null;
  mandatory: boolean;
  /** `later`: at `at`, a local date and time as the datetime-local field gives it. */
  when: 'now' | 'later';
  at: string;
}

export const emptyDraft = (): MailingDraft => ({
  subject: '',
  intro: '',
  postIds: [],
  pageIds: [],
  pollId: null,
  audience: 'all',
  targetIds: [],
  unconfirmedPostId: null,
  mandatory: false,
  when: 'now',
  at: '',
});

/** What is still missing, as a text key under `mailings.problems`, first things first; null when it can go. */
export type DraftProblem = 'subject' | 'content' | 'targets' | 'unconfirmedPost' | 'at' | 'atPast';

export function draftProblem(d: MailingDraft, now: Date): DraftProblem | null {
  if (d.subject.trim() === '') return 'subject';
  if (d.postIds.length + d.pageIds.length === 0 && d.pollId === null && d.intro.trim() === '') return 'content';
  if ((d.audience === 'groups' || d.audience === 'locations' || d.audience === 'departments') && d.targetIds.length === 0) return 'targets';
  if (d.audience === 'unconfirmed' && d.unconfirmedPostId === null) return 'unconfirmedPost';
  if (d.when === 'later') {
    const at = sendAt(d);
    if (at === null) return 'at';
    if (at.getTime() <= now.getTime()) return 'atPast';
  }
  return null;
}

/** The problems that keep the preview and count from being asked for: the send time does not matter to them. */
export const blocksPreview = (p: DraftProblem | null) => p !== null && p !== 'at' && p !== 'atPast';

/** The local date and time the editor chose, or null when the field is empty or not a date. */
export function sendAt(d: MailingDraft): Date | null {
  if (d.when !== 'later' || d.at === '') return null;
  const at = new Date(d.at);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function toBody(d: MailingDraft): MailingBody {
  const audience: MailingBody['audience'] =
    d.audience === 'all'
      ? { all: true }
      : d.audience === 'groups'
        ? { groupIds: d.targetIds }
        : d.audience === 'locations'
          ? { locationIds: d.targetIds }
          : d.audience === 'departments'
            ? { departmentIds: d.targetIds }
            : { unconfirmedPostId: d.unconfirmedPostId ?? undefined };
  return { subject: d.subject, intro: d.intro, postIds: d.postIds, pageIds: d.pageIds, ...(d.pollId ? { pollId: d.pollId } : {}), audience, mandatory: d.mandatory };
}

/** Case- and accent-insensitive: "cliënt" is found by "client". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The items whose text has every word of the query in it. */
export function matching<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const hay = fold(text(item));
    return words.every((w) => hay.includes(w));
  });
}

export const toggled = (ids: readonly string[], id: string): string[] => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);

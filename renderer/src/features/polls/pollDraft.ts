import { POLL_OPTION_MAX, POLL_OPTIONS_MAX, POLL_OPTIONS_MIN, POLL_QUESTION_MAX } from '../../../../common/src/api/routes/polls';
import type { PollShowResults } from '../../../../common/src/api/entities';

/** The poll being written, as the form holds it. */
export interface PollDraft {
  question: string;
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  showResults: PollShowResults;
  /** From a datetime-local field: local time without zone; empty for no closing time. */
  closesAt: string;
}

export type DraftErrorKey = 'questionEmpty' | 'questionTooLong' | 'tooFew' | 'tooMany' | 'optionEmpty' | 'optionTooLong' | 'duplicate' | 'closesInPast';

export interface DraftErrors {
  question?: DraftErrorKey;
  /** Per option by position, for the field that is wrong. */
  option: Record<number, DraftErrorKey>;
  /** About the options as a whole (too few, too many). */
  options?: DraftErrorKey;
  closesAt?: DraftErrorKey;
}

export const emptyDraft = (): PollDraft => ({ question: '', options: ['', ''], multiple: false, anonymous: false, showResults: 'always', closesAt: '' });

/**
 * What is wrong with the draft, field by field, by the same rules as the server (common's limits):
 * empty option fields at the end are left out rather than refused, so two filled of three is fine.
 */
export function checkDraft(draft: PollDraft, now: Date): { errors: DraftErrors; ok: boolean } {
  const errors: DraftErrors = { option: {} };
  const question = draft.question.trim();
  if (!question) errors.question = 'questionEmpty';
  else if (question.length > POLL_QUESTION_MAX) errors.question = 'questionTooLong';
  const filled = filledOptions(draft);
  const seen = new Map<string, number>();
  draft.options.forEach((raw, i) => {
    const label = raw.trim();
    if (!label) {
      // A blank between filled ones is a mistake; blanks after the last filled one are just spare fields.
      if (i < lastFilled(draft)) errors.option[i] = 'optionEmpty';
      return;
    }
    if (label.length > POLL_OPTION_MAX) errors.option[i] = 'optionTooLong';
    const key = label.toLocaleLowerCase('nl');
    if (seen.has(key)) errors.option[i] = 'duplicate';
    else seen.set(key, i);
  });
  if (filled.length < POLL_OPTIONS_MIN) errors.options = 'tooFew';
  else if (filled.length > POLL_OPTIONS_MAX) errors.options = 'tooMany';
  const closes = closingTime(draft);
  if (closes && closes.getTime() <= now.getTime()) errors.closesAt = 'closesInPast';
  const ok = !errors.question && !errors.options && !errors.closesAt && Object.keys(errors.option).length === 0;
  return { errors, ok };
}

const lastFilled = (draft: PollDraft) => draft.options.reduce((last, o, i) => (o.trim() ? i : last), -1);

export const filledOptions = (draft: PollDraft): string[] => draft.options.map((o) => o.trim()).filter(Boolean);

/** The closing time as an instant; null when none was set (or the field holds nothing sensible). */
export function closingTime(draft: PollDraft): Date | null {
  if (!draft.closesAt) return null;
  const at = new Date(draft.closesAt);
  return Number.isNaN(at.getTime()) ? null : at;
}

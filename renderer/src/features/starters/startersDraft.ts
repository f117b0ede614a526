import type { StarterSettings } from '../../../../common/src/api/routes/starters';
import { nextStarterAt, type StarterRhythm } from '../../../../common/src/starters/rhythm';

export type DraftQuestion = { id?: string; text: string; key: number };
export type Draft = { questions: DraftQuestion[]; rhythm: StarterRhythm; groupId: string | null; enabled: boolean };

/**
 * What comes next as saved: the server's next slot and question, then the slots after it by the same
 * rule the server uses, the questions going on in list order.
 */
export function upcoming(s: StarterSettings, count: number): { at: string; question: string }[] {
  if (!s.next || s.questions.length === 0) return [];
  const start = Math.max(0, s.questions.findIndex((q) => q.text === s.next!.question));
  const out = [{ at: s.next.at, question: s.next.question }];
  let at = new Date(s.next.at);
  for (let i = 1; i < count; i++) {
    at = nextStarterAt(s.rhythm, at);
    out.push({ at: at.toISOString(), question: s.questions[(start + i) % s.questions.length]!.text });
  }
  return out;
}

import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../common/src/ids.js';
import type { StarterQuestion, StarterSettings } from '../../../common/src/api/routes/starters.js';
import { DEFAULT_STARTER_QUESTIONS } from '../../../common/src/starters/defaultQuestions.js';
import type { StarterRhythm } from '../../../common/src/starters/rhythm.js';
import type { ConversationStartersTable, Database } from '../db/schema.js';
import type { Trx } from '../sync/feed.js';

/** Until an editor saves, an organisation has the default questions, weekly on Tuesday at 14:00 (when most colleagues read along), off. */
export const DEFAULT_RHYTHM: StarterRhythm = { kind: 'weekly', weekday: 2, time: '14:00' };

export const questionsOf = (row: Pick<ConversationStartersTable, 'questions'>) => JSON.parse(row.questions) as StarterQuestion[];
export const rhythmOf = (row: Pick<ConversationStartersTable, 'rhythm'>) => JSON.parse(row.rhythm) as StarterRhythm;

/** The question after the one asked last, in the list as it is now; the first when that one is gone. */
export function nextQuestion(questions: readonly StarterQuestion[], lastId: string | null): StarterQuestion | null {
  if (questions.length === 0) return null;
  const last = lastId === null ? -1 : questions.findIndex((q) => q.id === lastId);
  return questions[(last + 1) % questions.length]!;
}

export function findStarters(k: Kysely<Database> | Trx, tenantId: string): Promise<ConversationStartersTable | undefined> {
  return k.selectFrom('conversation_starters').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

export function settingsOf(row: ConversationStartersTable | undefined, now: Date): StarterSettings {
  if (!row) {
    // Fresh ids each time: nothing refers to a default question before it is saved.
    const questions = DEFAULT_STARTER_QUESTIONS.map((text) => ({ id: uuidv7(now.getTime()), text }));
    return { questions, rhythm: DEFAULT_RHYTHM, groupId: null, enabled: false, next: null };
  }
  const questions = questionsOf(row);
  const question = nextQuestion(questions, row.last_question_id);
  return {
    questions,
    rhythm: rhythmOf(row),
    groupId: row.group_id,
    enabled: row.enabled === 1,
    next: row.next_at && question ? { at: row.next_at, question: question.text } : null,
  };
}

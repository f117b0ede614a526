import { z } from 'zod';
import { Id, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';

export const STARTER_QUESTIONS_MAX = 100;
export const STARTER_QUESTION_MAX = 300;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Kies een tijd (uu:mm).');
const Day = z.iso.date();

/** Weekly on an ISO weekday (1 = Monday), or every N days counted from `from`; always Amsterdam time. */
export const StarterRhythmSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), weekday: z.number().int().min(1).max(7), time: Time }),
  z.strictObject({ kind: z.literal('days'), every: z.number().int().min(1, 'Minstens elke dag.').max(60, 'Hoogstens elke 60 dagen.'), time: Time, from: Day }),
]);

export const StarterQuestionSchema = z.object({ id: Id, text: z.string() });
export type StarterQuestion = z.infer<typeof StarterQuestionSchema>;

/** What an editor sees and sets: the questions in order, the rhythm, where they are asked, and what comes next. */
export const StarterSettingsSchema = z.object({
  questions: z.array(StarterQuestionSchema),
  rhythm: StarterRhythmSchema,
  /** Null: the organisation's timeline. */
  groupId: Id.nullable(),
  enabled: z.boolean(),
  /** The next question and when it is asked; null when nothing is planned (off, or no questions). */
  next: z.object({ at: Timestamp, question: z.string() }).nullable(),
});
export type StarterSettings = z.infer<typeof StarterSettingsSchema>;

export const StarterSettingsInput = z.strictObject({
  /** An existing question keeps its id (so "what comes next" survives an edit); a new one has none. */
  questions: z
    .array(z.strictObject({ id: Id.optional(), text: UserText(STARTER_QUESTION_MAX).transform((s) => s.trim()).pipe(z.string().min(1, 'Een vraag mag niet leeg zijn.')) }))
    .max(STARTER_QUESTIONS_MAX, `Hoogstens ${STARTER_QUESTIONS_MAX} vragen.`),
  rhythm: StarterRhythmSchema,
  groupId: Id.nullable(),
  enabled: z.boolean(),
});

export const starterRoutes = {
  getStarterSettings: defineRoute({
    method: 'GET',
    path: '/v1/conversation-starters',
    summary: "Editors: the organisation's conversation starters (a default list until they are saved), rhythm, target and what comes next",
    auth: 'session',
    response: StarterSettingsSchema,
  }),
  setStarterSettings: defineRoute({
    method: 'PUT',
    path: '/v1/conversation-starters',
    summary: 'Editors: replace the questions, rhythm and target; the questions are posted in the name of the editor who saves',
    auth: 'session',
    body: StarterSettingsInput,
    response: StarterSettingsSchema,
  }),
  askNextStarter: defineRoute({
    method: 'POST',
    path: '/v1/conversation-starters/ask-now',
    summary: 'Editors: post the next question now (the rhythm goes on from now)',
    auth: 'session',
    response: z.object({ postId: Id }),
    status: 201,
  }),
} as const;

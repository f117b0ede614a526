import { z } from 'zod';
import { PollSchema, PollShowResults, PollVoteSchema } from '../entities.js';
import { Id, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams } from './shared.js';

export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 10;
export const POLL_QUESTION_MAX = 300;
export const POLL_OPTION_MAX = 120;

const trimmed = (max: number, empty: string) => UserText(max).transform((s) => s.trim()).pipe(z.string().min(1, empty));

/** The poll as its caller sees it: the counts when she may see them, and her own vote. */
export const PollViewSchema = PollSchema.extend({
  /** Whether this caller sees the counts now (then `votes` of every option is a number). */
  resultsVisible: z.boolean(),
  closed: z.boolean(),
  /** Her vote; `optionIds` null in an anonymous poll (the server only knows that she voted). */
  myVote: PollVoteSchema.pick({ optionIds: true, votedAt: true }).nullable(),
});
export type PollView = z.infer<typeof PollViewSchema>;

export const CreatePollBody = z
  .strictObject({
    /** Made by the client (UUIDv7) so an offline poll keeps its id; the server makes one if absent. */
    id: Id.optional(),
    question: trimmed(POLL_QUESTION_MAX, 'Stel eerst een vraag.'),
    options: z
      .array(trimmed(POLL_OPTION_MAX, 'Een keuze mag niet leeg zijn.'))
      .min(POLL_OPTIONS_MIN, `Geef minstens ${POLL_OPTIONS_MIN} keuzes.`)
      .max(POLL_OPTIONS_MAX, `Geef hoogstens ${POLL_OPTIONS_MAX} keuzes.`)
      .refine((o) => new Set(o.map((x) => x.toLocaleLowerCase('nl'))).size === o.length, 'Elke keuze mag maar één keer voorkomen.'),
    multiple: z.boolean().default(false),
    anonymous: z.boolean().default(false),
    /** Whether a vote may be changed until closing (default yes); an anonymous poll never allows it. */
    changeable: z.boolean().optional(),
    showResults: PollShowResults.default('always'),
    closesAt: Timestamp.nullable().optional(),
    groupId: Id.nullable().optional(),
    pinned: z.boolean().optional(),
  })
  .refine((b) => !(b.anonymous && b.changeable === true), {
    path: ['changeable'],
    message: 'In een anonieme peiling kan niemand zijn stem wijzigen: de server weet niet wat er gekozen is.',
  });

export const pollRoutes = {
  createPoll: defineRoute({
    method: 'POST',
    path: '/v1/polls',
    summary: 'Create a poll: a post with a question and 2 to 10 options, for the organisation (editors) or a group (members)',
    auth: 'session',
    grantable: true,
    body: CreatePollBody,
    response: PollViewSchema,
    status: 201,
  }),
  getPoll: defineRoute({
    method: 'GET',
    path: '/v1/polls/:id',
    summary: 'A poll with its counts when the caller may see them, and her own vote',
    auth: 'session',
    params: IdParams,
    response: PollViewSchema,
  }),
  votePoll: defineRoute({
    method: 'POST',
    path: '/v1/polls/:id/votes',
    summary: 'Vote (again: change the vote, where the poll allows it); one vote per person, counted once',
    auth: 'session',
    grantable: true,
    params: IdParams,
    body: z.strictObject({ optionIds: z.array(Id).min(1, 'Kies eerst een antwoord.').max(POLL_OPTIONS_MAX) }),
    response: PollVoteSchema,
  }),
} as const;

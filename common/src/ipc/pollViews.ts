import { z } from 'zod';
import { PollShowResults } from '../api/entities.js';
import { Id, Timestamp } from '../api/primitives.js';

/** One option as the card shows it: `votes` null while this person may not see the counts. */
export const PollOptionViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  votes: z.number().int().nullable(),
  /** In her vote (waiting or counted); in an anonymous poll only while this client remembers it. */
  chosen: z.boolean(),
});
export type PollOptionView = z.infer<typeof PollOptionViewSchema>;

/**
 * A poll as the logged-in person sees it now: the counts she may see (the feed's, or the server's
 * answer to her after voting), her vote with a waiting one laid over it, and what she may still do.
 */
export const PollViewModelSchema = z.object({
  id: Id,
  question: z.string(),
  options: z.array(PollOptionViewSchema),
  multiple: z.boolean(),
  anonymous: z.boolean(),
  changeable: z.boolean(),
  showResults: PollShowResults,
  closesAt: Timestamp.nullable(),
  closed: z.boolean(),
  /** How many people voted; her waiting first vote included. */
  voters: z.number().int(),
  resultsVisible: z.boolean(),
  /** She voted (counted or waiting); in an anonymous poll the choice itself may be unknown. */
  voted: z.boolean(),
  /** Her vote waits in the outbox (offline, or on its way). */
  votePending: z.boolean(),
  /** She may vote now, or change her vote. */
  mayVote: z.boolean(),
  /** The poll itself waits in the outbox: nobody can vote yet. */
  sending: z.boolean(),
});
export type PollViewModel = z.infer<typeof PollViewModelSchema>;

import type { Kysely } from 'kysely';
import type { MailingPollChoice } from '../../../common/src/api/routes/mailings.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { canSeeGroupContent } from '../groups/access.js';
import { ApiError } from '../http/apiError.js';
import { isClosed, resultsForEveryone } from '../polls/pollRules.js';
import { loadPollRows } from '../polls/pollStore.js';
import { pollFromRows, settingsOf } from '../polls/serialize.js';
import type { MailPoll } from './render.js';

const refused = (message: string) => new ApiError('validation', 'Niet alles is goed ingevuld.', [{ path: 'body.pollId', message }]);

/**
 * The poll of a mailing as it stands now. Like a post, a poll in a private group is refused as if it
 * did not exist, so a mailing cannot carry it past the group; so is one the composing editor may not
 * see. A closed poll is refused too: the mail would invite people to a vote that no longer takes them.
 * Counts go along only where the poll shows them to everyone (`resultsForEveryone`).
 */
export async function loadMailPoll(k: Kysely<Database>, tenantId: string, pollId: string, o: { now: Date; editor?: Principal }): Promise<MailPoll> {
  let q = k
    .selectFrom('posts')
    .leftJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
    .select(['posts.body', 'groups.visibility'])
    .where('posts.tenant_id', '=', tenantId)
    .where('posts.id', '=', pollId)
    .where('posts.poll', '=', 1);
  if (o.editor) q = q.where(canSeeGroupContent(o.editor, 'posts.group_id'));
  const post = await q.executeTakeFirst();
  const { polls, optionsOf } = await loadPollRows(k, tenantId, [pollId]);
  const row = polls[0];
  if (!post || !row || post.visibility === 'private') throw refused('Deze peiling bestaat niet (meer) of staat in een besloten groep.');
  const settings = settingsOf(row);
  if (isClosed(settings, o.now)) throw refused('Deze peiling is gesloten: er kan niet meer gestemd worden. Kies een peiling die nog loopt.');
  const withCounts = resultsForEveryone(settings, o.now);
  const poll = pollFromRows(row, post.body, optionsOf.get(pollId) ?? [], withCounts);
  return { id: poll.id, question: poll.question, multiple: poll.multiple, options: poll.options.map((x) => ({ label: x.label, votes: x.votes })), voters: withCounts ? poll.voters : null };
}

const POLL_CHOICES = 20;

/** The newest polls a mailing may carry for this editor: the ones `loadMailPoll` would take. */
export async function mailingPollChoices(k: Kysely<Database>, editor: Principal, now: Date): Promise<MailingPollChoice[]> {
  const rows = await k
    .selectFrom('posts')
    .innerJoin('polls', (j) => j.onRef('polls.tenant_id', '=', 'posts.tenant_id').onRef('polls.post_id', '=', 'posts.id'))
    .leftJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
    .select(['posts.id', 'posts.body', 'polls.closes_at'])
    .where('posts.tenant_id', '=', editor.tenantId)
    .where('posts.poll', '=', 1)
    .where(canSeeGroupContent(editor, 'posts.group_id'))
    .where((eb) => eb.or([eb('groups.visibility', 'is', null), eb('groups.visibility', '<>', 'private')]))
    .where((eb) => eb.or([eb('polls.closes_at', 'is', null), eb('polls.closes_at', '>', now.toISOString())]))
    .orderBy('posts.created_at', 'desc')
    .limit(POLL_CHOICES)
    .execute();
  const { optionsOf } = await loadPollRows(k, editor.tenantId, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    question: r.body,
    options: [...(optionsOf.get(r.id) ?? [])].sort((a, b) => a.position - b.position).map((o) => o.label),
    closesAt: r.closes_at,
  }));
}

/**
 * A mailing set for `at` must find its poll still open then: refused now, in Dutch, rather than the
 * scheduler finding a closed poll at sending time with no editor there to hear of it.
 */
export async function assertPollOpenAt(k: Kysely<Database>, tenantId: string, pollId: string | null, at: Date): Promise<void> {
  if (pollId === null) return;
  const poll = await k.selectFrom('polls').select('closes_at').where('tenant_id', '=', tenantId).where('post_id', '=', pollId).executeTakeFirst();
  if (poll && isClosed({ closesAt: poll.closes_at }, at)) {
    throw new ApiError('validation', 'Niet alles is goed ingevuld.', [{ path: 'body.at', message: 'De peiling in deze mailing is dan al gesloten. Kies een eerder moment of een andere peiling.' }]);
  }
}

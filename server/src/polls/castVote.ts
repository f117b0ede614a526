import { sql } from 'kysely';
import type { PollVote } from '../../../common/src/api/entities.js';
import { pollVoteKey } from '../../../common/src/api/sync.js';
import type { Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write, type Trx } from '../sync/feed.js';
import { scopeOfGroup } from '../timeline/postRoutes.js';
import { visiblePost } from '../timeline/queries.js';
import { checkChoice, isClosed, type PollSettings } from './pollRules.js';
import { settingsOf, voteFromRow } from './serialize.js';

const gone = () => notFound('Deze peiling bestaat niet (meer).');

/**
 * One person's vote, counted exactly once however often it arrives and whoever votes at the same
 * moment: her voter row is inserted with ON CONFLICT DO NOTHING (only the statement that inserted it
 * adds to the counts), and a change of vote replaces the choice only if it is still the one read
 * (so two changes at once cannot both take the old choice off the counts).
 */
export async function castVote(ctx: ServerContext, p: Principal, pollId: string, optionIds: string[]): Promise<PollVote> {
  const post = await visiblePost(ctx.k, p, pollId);
  if (Number(post.poll ?? 0) !== 1) throw gone();
  const now = ctx.now();
  return write(ctx, p.tenantId, async (trx, changes) => {
    const scope = await scopeOfGroup(trx, p.tenantId, post.group_id, { writing: true });
    const poll = await trx.selectFrom('polls').selectAll().where('tenant_id', '=', p.tenantId).where('post_id', '=', pollId).executeTakeFirst();
    if (!poll) throw gone();
    const settings = settingsOf(poll);
    if (isClosed(settings, now)) throw new ApiError('poll_closed', 'Deze peiling is gesloten. Je kunt niet meer stemmen.');
    const options = await trx.selectFrom('poll_options').select('id').where('tenant_id', '=', p.tenantId).where('poll_id', '=', pollId).execute();
    const chosen = checkChoice(settings, optionIds, new Set(options.map((o) => o.id)));
    const choice = settings.anonymous ? null : JSON.stringify(chosen);
    const key = { tenant_id: p.tenantId, poll_id: pollId, person_id: p.personId };
    const inserted = await trx
      .insertInto('poll_voters')
      .values({ ...key, choice, voted_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['tenant_id', 'poll_id', 'person_id']).doNothing())
      .returning('person_id')
      .execute();
    let removed: string[] = [];
    if (inserted.length === 1) {
      await countServerEvent(trx, p, { id: pollVoteKey(pollId, p.personId), kind: 'poll_vote', at: now, postId: pollId, groupId: post.group_id });
    } else {
      const previous = await replaceChoice(trx, settings, key, choice, now);
      if (previous === null) return currentVote(trx, key);
      removed = previous;
    }
    const vote = await currentVote(trx, key);
    // The poll's own rows are every voter's: written last, so their locks are held only until commit.
    if (inserted.length === 1) {
      await trx.updateTable('polls').set((eb) => ({ voters: eb('voters', '+', 1) })).where('tenant_id', '=', p.tenantId).where('post_id', '=', pollId).execute();
    }
    await addToCounts(trx, p.tenantId, pollId, options.map((o) => o.id), chosen, removed);
    changes.add('poll', pollId, 'upsert', scope);
    changes.add('pollVote', pollVoteKey(pollId, p.personId), 'upsert', `person:${p.personId}`);
    return vote;
  });
}

type VoterKey = { tenant_id: string; poll_id: string; person_id: string };

/** Her earlier choice, now replaced; null when she chose the same again (nothing to change). */
async function replaceChoice(trx: Trx, settings: PollSettings, key: VoterKey, choice: string | null, now: Date): Promise<string[] | null> {
  const final = (why: string) => new ApiError('poll_vote_final', why);
  if (settings.anonymous) throw final('Je hebt al gestemd. In een anonieme peiling kun je je stem niet wijzigen.');
  for (;;) {
    const row = await trx.selectFrom('poll_voters').select('choice').where('tenant_id', '=', key.tenant_id).where('poll_id', '=', key.poll_id).where('person_id', '=', key.person_id).executeTakeFirst();
    if (!row || row.choice === null) throw new ApiError('conflict', 'Je stem kon niet worden verwerkt. Probeer het opnieuw.');
    if (row.choice === choice) return null;
    if (!settings.changeable) throw final('Je hebt al gestemd. Bij deze peiling kun je je stem niet wijzigen.');
    const updated = await trx
      .updateTable('poll_voters')
      .set({ choice, voted_at: now.toISOString() })
      .where('tenant_id', '=', key.tenant_id)
      .where('poll_id', '=', key.poll_id)
      .where('person_id', '=', key.person_id)
      .where('choice', '=', row.choice)
      .executeTakeFirst();
    // Another change of hers committed in between: read it again and change from there.
    if (Number(updated.numUpdatedRows) === 1) return JSON.parse(row.choice) as string[];
  }
}

/**
 * Adds the new choice to the counts and takes the old one off, in one statement over every option of
 * the poll: each option row is written, chosen or not, so not even PostgreSQL's transaction stamps on
 * the rows (xmin) single out the option a voter chose.
 */
async function addToCounts(trx: Trx, tenantId: string, pollId: string, all: string[], added: string[], removed: string[]): Promise<void> {
  const delta = new Map(all.map((id) => [id, 0]));
  for (const id of added) delta.set(id, (delta.get(id) ?? 0) + 1);
  for (const id of removed) delta.set(id, (delta.get(id) ?? 0) - 1);
  const cases = sql.join([...delta].map(([id, d]) => sql`when ${id} then ${sql.lit(d)}`), sql` `);
  await trx
    .updateTable('poll_options')
    .set({ votes: sql`votes + (case id ${cases} else 0 end)` })
    .where('tenant_id', '=', tenantId)
    .where('poll_id', '=', pollId)
    .execute();
}

async function currentVote(trx: Trx, key: VoterKey): Promise<PollVote> {
  const row = await trx.selectFrom('poll_voters').selectAll().where('tenant_id', '=', key.tenant_id).where('poll_id', '=', key.poll_id).where('person_id', '=', key.person_id).executeTakeFirstOrThrow();
  return voteFromRow(row);
}

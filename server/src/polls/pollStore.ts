import type { Kysely } from 'kysely';
import type { Poll } from '../../../common/src/api/entities.js';
import type { Database } from '../db/schema.js';
import type { ChangeCollector, Scope, Trx } from '../sync/feed.js';
import { resultsForEveryone } from './pollRules.js';
import { pollFromRows, settingsOf, type OptionRow, type PollRow } from './serialize.js';

type Db = Kysely<Database> | Trx;

/** Polls with their options, by post id, in bulk. */
export async function loadPollRows(k: Db, tenantId: string, ids: string[]): Promise<{ polls: PollRow[]; optionsOf: Map<string, OptionRow[]> }> {
  if (ids.length === 0) return { polls: [], optionsOf: new Map() };
  const polls = await k.selectFrom('polls').selectAll().where('tenant_id', '=', tenantId).where('post_id', 'in', ids).execute();
  const options = await k.selectFrom('poll_options').selectAll().where('tenant_id', '=', tenantId).where('poll_id', 'in', ids).execute();
  const optionsOf = new Map<string, OptionRow[]>();
  for (const o of options) optionsOf.set(o.poll_id, [...(optionsOf.get(o.poll_id) ?? []), o]);
  return { polls, optionsOf };
}

/**
 * The poll entities for the feed, as everyone who may see them knows them: counts only where everyone
 * may see them. `questions` maps a poll's id to its post's text (the caller has checked visibility).
 */
export async function sharedPolls(k: Db, tenantId: string, questions: Map<string, string>, now: Date): Promise<Poll[]> {
  const { polls, optionsOf } = await loadPollRows(k, tenantId, [...questions.keys()]);
  return polls.map((r) => pollFromRows(r, questions.get(r.post_id)!, optionsOf.get(r.post_id) ?? [], resultsForEveryone(settingsOf(r), now)));
}

/** Removes a poll with its options and voters when its post goes; the feed forgets the poll too. */
export async function deletePollRows(trx: Trx, changes: ChangeCollector, tenantId: string, postId: string, scope: Scope): Promise<void> {
  const poll = await trx.selectFrom('polls').select('post_id').where('tenant_id', '=', tenantId).where('post_id', '=', postId).executeTakeFirst();
  if (!poll) return;
  const voters = await trx.selectFrom('poll_voters').select('person_id').where('tenant_id', '=', tenantId).where('poll_id', '=', postId).execute();
  for (const v of voters) changes.add('pollVote', `${postId}:${v.person_id}`, 'delete', `person:${v.person_id}`);
  await trx.deleteFrom('poll_voters').where('tenant_id', '=', tenantId).where('poll_id', '=', postId).execute();
  await trx.deleteFrom('poll_options').where('tenant_id', '=', tenantId).where('poll_id', '=', postId).execute();
  await trx.deleteFrom('polls').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  changes.add('poll', postId, 'delete', scope);
}

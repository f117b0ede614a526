import { approvalRequired } from '../reviews/reviewStore.js';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import type { PollView } from '../../../common/src/api/routes/polls.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { mayModerate, type Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { assertNotArchived, contentScope, visibleGroup } from '../groups/access.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write } from '../sync/feed.js';
import { insertPost } from '../timeline/postRoutes.js';
import { visiblePost } from '../timeline/queries.js';
import { castVote } from './castVote.js';
import { isClosed, resultsVisibleTo } from './pollRules.js';
import { loadPollRows } from './pollStore.js';
import { pollFromRows, settingsOf, voteFromRow } from './serialize.js';

/** The poll as this caller sees it; not found when she may not see its post or it is no poll. */
export async function pollView(k: Kysely<Database>, p: Principal, pollId: string, now: Date): Promise<PollView> {
  const post = await visiblePost(k, p, pollId);
  const { polls, optionsOf } = await loadPollRows(k, p.tenantId, [pollId]);
  const poll = polls[0];
  if (Number(post.poll ?? 0) !== 1 || !poll) throw notFound('Deze peiling bestaat niet (meer).');
  const mine = await k.selectFrom('poll_voters').selectAll().where('tenant_id', '=', p.tenantId).where('poll_id', '=', pollId).where('person_id', '=', p.personId).executeTakeFirst();
  const settings = settingsOf(poll);
  const resultsVisible = resultsVisibleTo(settings, mine !== undefined, now);
  const vote = mine ? voteFromRow(mine) : null;
  return {
    ...pollFromRows(poll, post.body, optionsOf.get(pollId) ?? [], resultsVisible),
    resultsVisible,
    closed: isClosed(settings, now),
    myVote: vote && { optionIds: vote.optionIds, votedAt: vote.votedAt },
  };
}

export function registerPollRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.createPoll, async ({ body, principal: p }) => {
    await hitRateLimit(ctx, p.tenantId, `posts:${p.personId}`, { limit: 30, windowSeconds: 600 });
    if (body.pinned && !mayModerate(p)) throw forbidden('Alleen redacteuren kunnen berichten vastzetten.');
    const groupId = body.groupId ?? null;
    // The organisation timeline reaches everyone, so a poll there is the editors' (communications
    // staff); in a group every member may ask the group something.
    if (!groupId && !mayModerate(p)) throw forbidden('Een peiling voor de hele organisatie maakt de redactie. Stel je vraag in een groep waar je lid van bent.');
    let group = null;
    if (groupId) {
      const found = await visibleGroup(ctx.k, p, groupId);
      if (!found.membership) throw forbidden('Word eerst lid van deze groep om er een peiling in te zetten.');
      assertNotArchived(found.group);
      group = found.group;
      // A poll cannot wait for a coach: where posts need approval, only coaches and editors ask one.
      if (await approvalRequired(ctx.k, p, groupId)) throw forbidden('In deze groep worden berichten eerst goedgekeurd; een peiling kun je er niet zetten.');
    }
    const now = ctx.now();
    if (body.closesAt && body.closesAt <= now.toISOString()) {
      throw new ApiError('validation', 'De sluitingstijd ligt al in het verleden.', [{ path: 'body.closesAt', message: 'Kies een moment in de toekomst.' }]);
    }
    const id = body.id ?? uuidv7(now.getTime());
    const existing = await ctx.k.selectFrom('posts').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirst();
    if (existing) {
      // The same poll delivered twice by an outbox whose first answer was lost: hand back what exists.
      if (existing.author_id === p.personId && Number(existing.poll ?? 0) === 1 && existing.body === body.question) return pollView(ctx.k, p, id, now);
      throw new ApiError('conflict', 'Er bestaat al een bericht met dit id.');
    }
    const at = now.toISOString();
    await write(ctx, p.tenantId, async (trx, changes) => {
      await insertPost(trx, p, { id, groupId, body: body.question, mentions: [], images: [], pinned: body.pinned === true, at, poll: true });
      await trx
        .insertInto('polls')
        .values({
          tenant_id: p.tenantId,
          post_id: id,
          multiple: body.multiple ? 1 : 0,
          anonymous: body.anonymous ? 1 : 0,
          changeable: !body.anonymous && body.changeable !== false ? 1 : 0,
          show_results: body.showResults,
          closes_at: body.closesAt ?? null,
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('poll_options')
        .values(body.options.map((label, position) => ({ tenant_id: p.tenantId, poll_id: id, id: uuidv7(now.getTime()), position, label })))
        .execute();
      const scope = contentScope(group);
      changes.add('post', id, 'upsert', scope);
      changes.add('poll', id, 'upsert', scope);
      await countServerEvent(trx, p, { id, kind: 'post', at: now, groupId });
    });
    return pollView(ctx.k, p, id, now);
  });

  register(app, ctx, routes.getPoll, async ({ params, principal: p }) => pollView(ctx.k, p, params.id, ctx.now()));

  // The key's fingerprint leaves the body out: for an anonymous poll it would be a hash of the
  // choice beside the person, and a handful of options is quickly tried. A key is for one vote.
  register(app, ctx, routes.votePoll, async ({ params, body, principal: p }) => castVote(ctx, p, params.id, body.optionIds), { fingerprintBody: false });
}

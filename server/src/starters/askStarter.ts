import type { Role } from '../../../common/src/api/primitives.js';
import { nextStarterAt } from '../../../common/src/starters/rhythm.js';
import type { Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { contentScope } from '../groups/access.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write } from '../sync/feed.js';
import { insertPost } from '../timeline/postRoutes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { findStarters, nextQuestion, questionsOf, rhythmOf } from './starterStore.js';

/** Organisations looked at per run; the rest follow at the next run, a few seconds later. */
const BATCH = 200;

/**
 * Asks each organisation's next conversation starter whose slot has come, by the server's clock. The
 * slot is a row in the database, so a restart loses nothing (the first run after it asks what fell
 * due meanwhile, once, and plans the next slot from now rather than catching up on every one missed).
 * Answers how many questions were posted.
 */
export async function postDueStarters(ctx: ServerContext): Promise<number> {
  const due = await ctx.k
    .selectFrom('conversation_starters')
    .select(['tenant_id', 'next_at'])
    .where('enabled', '=', 1)
    .where('next_at', '<=', ctx.now().toISOString())
    .orderBy('next_at')
    .limit(BATCH)
    .execute();
  let posted = 0;
  const failures: unknown[] = [];
  for (const d of due) {
    try {
      if (d.next_at && (await askStarter(ctx, d.tenant_id, { slot: d.next_at }))) posted++;
    } catch (err) {
      // One organisation's trouble must not hold up the others.
      failures.push(err);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} conversation starter(s) could not be posted`);
  return posted;
}

/**
 * Posts the next question in one write with its claim: the update that moves the organisation's slot
 * on (or, for an editor's "now", its last question) only matches while it is still as read, and only
 * the write whose update matched posts. So two nodes, or a run overlapping the last, ask it once: on
 * PostgreSQL the second update waits for the first to commit and then matches nothing. Answers the
 * post's id, or null when there was nothing to ask (or someone else asked it).
 */
export function askStarter(ctx: ServerContext, tenantId: string, claim: { slot: string } | { now: true }): Promise<string | null> {
  return write(ctx, tenantId, async (trx, changes) => {
    const row = await findStarters(trx, tenantId);
    if (!row) return null;
    const question = nextQuestion(questionsOf(row), row.last_question_id);
    if (!question) return null;
    const at = ctx.now();
    const nextAt = row.enabled === 1 ? nextStarterAt(rhythmOf(row), at).toISOString() : null;
    let update = trx.updateTable('conversation_starters').set({ next_at: nextAt, last_question_id: question.id }).where('tenant_id', '=', tenantId);
    if ('slot' in claim) update = update.where('next_at', '=', claim.slot);
    else update = row.last_question_id === null ? update.where('last_question_id', 'is', null) : update.where('last_question_id', '=', row.last_question_id);
    if (!(await update.returning('tenant_id').executeTakeFirst())) return null;

    const author = await trx.selectFrom('people').select(['id', 'roles', 'active']).where('tenant_id', '=', tenantId).where('id', '=', row.author_id).executeTakeFirst();
    const group = row.group_id
      ? await trx.selectFrom('groups').select(['id', 'visibility', 'archived_at']).where('tenant_id', '=', tenantId).where('id', '=', row.group_id).executeTakeFirst()
      : null;
    // The slot passes unasked when its editor has left or its group is gone or archived: the editor's
    // screen shows the next slot, and saving again (by someone who is here) sets things right.
    if (!author || author.active !== 1 || (row.group_id && (!group || group.archived_at != null))) return null;
    const p: Principal = { kind: 'person', tenantId, personId: author.id, roles: JSON.parse(author.roles) as Role[], tokenHash: '', deviceId: null, deviceKind: 'workstation', via: 'session' };
    const id = uuidv7(at.getTime());
    await insertPost(trx, p, { id, groupId: row.group_id, body: question.text, mentions: [], images: [], pinned: false, at: at.toISOString(), poll: false, conversationStarter: true });
    changes.add('post', id, 'upsert', contentScope(group ?? null));
    await countServerEvent(trx, p, { id, kind: 'post', at, groupId: row.group_id });
    return id;
  });
}

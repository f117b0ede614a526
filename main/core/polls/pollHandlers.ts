import type { Result } from '../../../common/src/ipc/contract.js';
import type { PostViewModel } from '../../../common/src/ipc/views.js';
import type { Clock } from '../clock.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { WriteActions } from '../outbox/writeActions.js';
import { fail, ok } from '../result.js';
import type { Reader } from '../timeline/reader.js';
import type { PollMemory } from './pollMemory.js';
import { pollClosed } from './pollViewModel.js';

type PollMethod = 'poll.create' | 'poll.vote' | 'polls.running';

export interface PollHandlerDeps {
  read: Reader;
  clock: Clock;
  memory: Pick<PollMemory, 'remember'>;
  actions: Pick<WriteActions, 'createPoll' | 'vote'>;
}

/** window.samen's polls: asked and voted in through the outbox, read from the cache and memory. */
export function createPollHandlers(d: PollHandlerDeps): Pick<Handlers, PollMethod> {
  const postView = (id: string): Result<PostViewModel> =>
    d.read((scope) => {
      const found = scope.find(id);
      return found ? ok(scope.view(found)) : fail('not_found', 'post not found');
    });

  return {
    'poll.create': async (input) => {
      const made = d.actions.createPoll(input);
      return made.ok ? postView(made.value) : made;
    },
    'poll.vote': async (input) => {
      const anonymous = d.read((scope) => scope.poll(input.id)?.anonymous ?? false);
      const voted = d.actions.vote(input);
      if (!voted.ok) return voted;
      // The server keeps no choice in an anonymous poll: only this device can show her what she chose.
      if (anonymous) d.memory.remember(input.id, input.optionIds);
      return postView(input.id);
    },
    'polls.running': async ({ limit }) =>
      d.read((scope, parts) => {
        const now = d.clock.now();
        // Polls of the organisation, and of the groups she is in: those are the ones asked of her.
        const hers = (groupId: string | null) => groupId === null || scope.personal.membership(groupId) !== null;
        const ids = [...parts.polls.open(now, limit * 4), ...scope.personal.polls().filter((p) => !pollClosed(p, now))].map((p) => p.id);
        const items = [...new Set(ids)]
          .flatMap((id) => {
            const found = scope.find(id);
            return found && hers(found.post.groupId) ? [scope.view(found)] : [];
          })
          .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
          .slice(0, limit);
        return ok({ items });
      }),
  };
}

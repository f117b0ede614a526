import { uuidv7 } from '../../../common/src/ids.js';
import type { Clock } from '../clock.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import type { OutboxItem, OutboxStore } from '../outbox/outboxStore.js';
import { stampedItem } from '../outbox/stampedItem.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';

export type CelebrationMethods = Pick<Handlers, 'celebrations.mine' | 'celebrations.setBirthdayShown'>;

/**
 * Her say over the kiosks: whether her birthday shows there. Reading asks the server (what the
 * organisation knows of her is not in the cache); her choice goes through the outbox like every write,
 * so it is kept offline and on a shared PC goes with her grant. A choice still waiting wins over the
 * server's answer, so the switch shows what she chose.
 */
export function createCelebrationHandlers(d: {
  http: HttpClient;
  clock: Clock;
  outbox: Pick<OutboxStore, 'add' | 'list'>;
  /** Delivery starts at once. */
  kick(): void;
  session(): ActiveSession | null;
}): CelebrationMethods {
  const waitingChoice = (s: ActiveSession): boolean | null => {
    const mine = d.outbox.list(s.organisation.id, s.person.id).filter((i): i is Extract<OutboxItem, { kind: 'birthdayShown' }> => i.kind === 'birthdayShown');
    return mine.length > 0 ? mine[mine.length - 1]!.payload.shown : null;
  };

  return {
    'celebrations.mine': async () => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answer = await d.http.call('getMyCelebrations', { token: s.token });
      if (!answer.ok) return failWith(answer.error);
      const waiting = waitingChoice(s);
      return ok({ ...answer.value, ...(waiting === null ? {} : { birthdayShown: waiting }), waiting: waiting !== null });
    },
    'celebrations.setBirthdayShown': async ({ shown }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const now = d.clock.now();
      d.outbox.add(stampedItem(s, now, { kind: 'birthdayShown', id: uuidv7(now.getTime()), postId: s.person.id, payload: { shown } }));
      d.kick();
      return ok({ ok: true as const });
    },
  };
}

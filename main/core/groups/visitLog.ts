import type { Clock } from '../clock.js';

export interface Visit {
  groupId: string;
  enteredAt: string;
  leftAt: string;
}

/** At most this many visits wait; older ones give way (they are statistics, not content). */
const KEPT_AT_MOST = 200;

/**
 * Gathers the time she has a group open (enter and leave, nothing of what she read), to be sent in
 * batches. A page still open when the batch goes counts up to then and goes on from there.
 */
export function createVisitLog(clock: Clock) {
  const open = new Map<string, string>();
  let done: Visit[] = [];
  const now = () => clock.now().toISOString();

  return {
    enter(groupId: string) {
      if (!open.has(groupId)) open.set(groupId, now());
    },
    leave(groupId: string) {
      const enteredAt = open.get(groupId);
      if (enteredAt === undefined) return;
      open.delete(groupId);
      done.push({ groupId, enteredAt, leftAt: now() });
      if (done.length > KEPT_AT_MOST) done = done.slice(-KEPT_AT_MOST);
    },
    /** The finished visits, handed over once; open ones are closed now and reopened. */
    take(): Visit[] {
      for (const groupId of [...open.keys()]) {
        this.leave(groupId);
        this.enter(groupId);
      }
      const batch = done;
      done = [];
      return batch;
    },
    /** A batch the server did not take comes back to be sent with the next. */
    giveBack(batch: Visit[]) {
      done = [...batch, ...done].slice(-KEPT_AT_MOST);
    },
    /** At lock and user switch: her visits are hers, the next person starts empty. */
    clear() {
      open.clear();
      done = [];
    },
  };
}

export type VisitLog = ReturnType<typeof createVisitLog>;

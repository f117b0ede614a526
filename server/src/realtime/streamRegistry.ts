import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Database } from '../db/schema.js';
import type { RealtimeHub } from './hub.js';

/** Whose stream it is: a person (perhaps on an enrolled device), or a device with nobody logged in. */
export interface StreamOwner {
  tenantId: string;
  personId: string | null;
  deviceId: string | null;
}

export interface StreamLimits {
  perPerson: number;
  perDevice: number;
}

export interface RegisteredStream {
  /** Ends the registration when the stream closes for any other reason. */
  close(): Promise<void>;
}

/**
 * Every open event stream has a row in `event_streams`, shared by all nodes, so the limits per person
 * and per device hold however a load balancer spreads the streams. Opening one past a limit removes
 * the oldest rows and tells their nodes through the hub; each node also refreshes its own rows every
 * heartbeat and ends a stream whose row has gone, in case that message was lost. Rows of a node that
 * stopped (a crash) are not counted once they miss a few heartbeats.
 */
export interface StreamRegistry {
  /** Records a new stream and ends the oldest past the limits; `onReplaced` runs if this one is ended so later. */
  open(owner: StreamOwner, onReplaced: () => void): Promise<RegisteredStream>;
  /** Deletes the rows of nodes that stopped without closing their streams, an hour on. */
  purgeStale(): Promise<void>;
  stop(): void;
}

export function createStreamRegistry(o: {
  k: Kysely<Database>;
  hub: RealtimeHub;
  now: () => Date;
  limits: StreamLimits;
  heartbeatSeconds: number;
  onError: (err: unknown) => void;
}): StreamRegistry {
  const nodeId = uuidv7();
  const staleMs = 3 * o.heartbeatSeconds * 1000;
  const local = new Map<string, { tenantId: string; onReplaced: () => void }>();
  // Within a node, a later stream is always the younger one, even opened in the same millisecond.
  let lastOpenedMs = 0;

  const freshSince = () => new Date(o.now().getTime() - staleMs).toISOString();

  const pastLimit = async (tenantId: string, column: 'person_id' | 'device_id', value: string, limit: number): Promise<string[]> => {
    const rows = await o.k
      .selectFrom('event_streams')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where(column, '=', value)
      .where('seen_at', '>=', freshSince())
      .orderBy('opened_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.slice(limit).map((r) => r.id);
  };

  const beat = async () => {
    const candidates = [...local.keys()];
    if (candidates.length === 0) return;
    const kept = await o.k
      .updateTable('event_streams')
      .set({ seen_at: o.now().toISOString() })
      .where('node_id', '=', nodeId)
      .returning('id')
      .execute();
    const alive = new Set(kept.map((r) => r.id));
    for (const id of candidates) if (!alive.has(id)) local.get(id)?.onReplaced();
  };
  const heartbeat = setInterval(() => void beat().catch(o.onError), o.heartbeatSeconds * 1000);
  heartbeat.unref();

  return {
    async open(owner, onReplaced) {
      const id = uuidv7(o.now().getTime());
      const unwatch = o.hub.watchStream(id, onReplaced);
      lastOpenedMs = Math.max(o.now().getTime(), lastOpenedMs + 1);
      const seen = o.now().toISOString();
      try {
        await o.k
          .insertInto('event_streams')
          .values({ tenant_id: owner.tenantId, id, person_id: owner.personId, device_id: owner.deviceId, node_id: nodeId, opened_at: new Date(lastOpenedMs).toISOString(), seen_at: seen })
          .execute();
      } catch (err) {
        unwatch();
        throw err;
      }
      local.set(id, { tenantId: owner.tenantId, onReplaced });

      const replaced = new Set([
        ...(owner.personId ? await pastLimit(owner.tenantId, 'person_id', owner.personId, o.limits.perPerson) : []),
        ...(owner.deviceId ? await pastLimit(owner.tenantId, 'device_id', owner.deviceId, o.limits.perDevice) : []),
      ]);
      if (replaced.size > 0) {
        await o.k.deleteFrom('event_streams').where('tenant_id', '=', owner.tenantId).where('id', 'in', [...replaced]).execute();
        o.hub.endStreams(owner.tenantId, [...replaced]);
      }
      return {
        async close() {
          unwatch();
          if (!local.delete(id)) return;
          await o.k.deleteFrom('event_streams').where('tenant_id', '=', owner.tenantId).where('id', '=', id).execute();
        },
      };
    },
    async purgeStale() {
      await o.k
        .deleteFrom('event_streams')
        .where('seen_at', '<', new Date(o.now().getTime() - 3_600_000).toISOString())
        .execute();
    },
    stop() {
      clearInterval(heartbeat);
    },
  };
}

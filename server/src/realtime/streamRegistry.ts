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
 * the oldest rows and tells their nodes through the hub; each node also counts its own rows every
 * heartbeat and ends a stream whose row has gone, in case that message was lost. A stream counts
 * while its node is alive: each node refreshes one row per organisation in `stream_nodes` every
 * heartbeat (not the row of every stream it holds: 10 000 row updates every 20 s were a burst on the
 * database that held up every announcement under way). Streams of a node that stopped (a crash) no
 * longer count once it misses a few heartbeats.
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

  /**
   * A stream counts while its node beats, or while its own row is fresh: just opened (before its
   * node's next beat), or held by a node of the version before `stream_nodes`, which refreshes it.
   */
  const pastLimit = async (tenantId: string, column: 'person_id' | 'device_id', value: string, limit: number): Promise<string[]> => {
    const fresh = freshSince();
    const rows = await o.k
      .selectFrom('event_streams as s')
      .leftJoin('stream_nodes as n', (j) => j.onRef('n.tenant_id', '=', 's.tenant_id').onRef('n.node_id', '=', 's.node_id'))
      .select('s.id')
      .where('s.tenant_id', '=', tenantId)
      .where(`s.${column}`, '=', value)
      .where((eb) => eb.or([eb('s.seen_at', '>=', fresh), eb('n.seen_at', '>=', fresh)]))
      .orderBy('s.opened_at', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
    return rows.slice(limit).map((r) => r.id);
  };

  /** This node's streams, by organisation. */
  const heldByTenant = () => {
    const found = new Map<string, string[]>();
    for (const [id, { tenantId }] of local) {
      const list = found.get(tenantId);
      if (list) list.push(id);
      else found.set(tenantId, [id]);
    }
    return found;
  };

  /**
   * Ends this node's streams whose row another node removed. Streams are counted per organisation;
   * only where fewer rows than streams are found are the ids read. Only streams held when the look
   * began are judged: a stream enters `local` after its row is written, so each of them has a row
   * unless it was removed, and one that closed meanwhile has left `local` by the time of judging. A
   * stream opened during the count can hide a removed one from it for a beat; the next beat finds it.
   */
  const endRemoved = async (held: Map<string, string[]>) => {
    const counted = await o.k
      .selectFrom('event_streams')
      .select(['tenant_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('tenant_id', 'in', [...held.keys()])
      .where('node_id', '=', nodeId)
      .groupBy('tenant_id')
      .execute();
    const rowsOf = new Map(counted.map((r) => [r.tenant_id, Number(r.n)]));
    for (const [tenantId, ids] of held) {
      if ((rowsOf.get(tenantId) ?? 0) >= ids.length) continue;
      const rows = await o.k.selectFrom('event_streams').select('id').where('tenant_id', '=', tenantId).where('node_id', '=', nodeId).execute();
      const alive = new Set(rows.map((r) => r.id));
      for (const id of ids) if (!alive.has(id)) local.get(id)?.onReplaced();
    }
  };

  const beat = async () => {
    const held = heldByTenant();
    if (held.size === 0) return;
    const seen = o.now().toISOString();
    await o.k
      .insertInto('stream_nodes')
      .values([...held.keys()].map((tenantId) => ({ tenant_id: tenantId, node_id: nodeId, seen_at: seen })))
      .onConflict((oc) => oc.columns(['tenant_id', 'node_id']).doUpdateSet({ seen_at: seen }))
      .execute();
    await endRemoved(held);
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
      const hourAgo = new Date(o.now().getTime() - 3_600_000).toISOString();
      await o.k
        .deleteFrom('event_streams')
        .where('seen_at', '<', hourAgo)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('stream_nodes as n')
                .select('n.node_id')
                .whereRef('n.tenant_id', '=', 'event_streams.tenant_id')
                .whereRef('n.node_id', '=', 'event_streams.node_id')
                .where('n.seen_at', '>=', hourAgo),
            ),
          ),
        )
        .execute();
      await o.k.deleteFrom('stream_nodes').where('seen_at', '<', hourAgo).execute();
    },
    stop() {
      clearInterval(heartbeat);
    },
  };
}

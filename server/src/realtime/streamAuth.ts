import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** What an open stream was authenticated with: a session (by its token's hash) and/or an enrolled device. */
export interface StreamCredentials {
  tenantId: string;
  tokenHash: string | null;
  deviceId: string | null;
}

export interface StreamAuthSweep {
  /** `onDoubt` runs when the credentials may no longer be valid; the stream then checks itself precisely. */
  watch(credentials: StreamCredentials, onDoubt: () => void): () => void;
  stop(): void;
}

const CHUNK = 500;
/**
 * A heartbeat's sweep is spread over this many moments: at once, 10 000 streams were twenty
 * statements of 500 sessions each, a burst on the database that held up the announcements under way.
 */
const SLICES_PER_INTERVAL = 20;

/**
 * Re-checks every open stream's session and device once per heartbeat, for the whole node in a few
 * statements per tenant, instead of one authentication per stream: with 10 000 streams and a 20 s
 * heartbeat, that is the difference between 500 queries a second and a handful. A stream whose
 * session was revoked or expired, whose person left, or whose device was revoked is then checked
 * one by one, which gives it the precise reason to tell its client. Each heartbeat the streams open
 * at its start are checked a twentieth at a time, so every stream is checked once per heartbeat
 * without a burst.
 */
export function createStreamAuthSweep(o: { k: Kysely<Database>; now: () => Date; intervalSeconds: number; onError: (err: unknown) => void }): StreamAuthSweep {
  const watched = new Map<number, { credentials: StreamCredentials; onDoubt: () => void }>();
  let next = 0;

  const validSessions = async (tenantId: string, hashes: string[]): Promise<Set<string>> => {
    const valid = new Set<string>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = await o.k
        .selectFrom('sessions')
        .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'sessions.tenant_id').onRef('people.id', '=', 'sessions.person_id'))
        .select('sessions.token_hash')
        .where('sessions.tenant_id', '=', tenantId)
        .where('sessions.token_hash', 'in', hashes.slice(i, i + CHUNK))
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', o.now().toISOString())
        .where('people.active', '=', 1)
        .execute();
      for (const r of rows) valid.add(r.token_hash);
    }
    return valid;
  };
  const validDevices = async (tenantId: string, ids: string[]): Promise<Set<string>> => {
    const valid = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await o.k.selectFrom('devices').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids.slice(i, i + CHUNK)).where('revoked_at', 'is', null).execute();
      for (const r of rows) valid.add(r.id);
    }
    return valid;
  };

  const check = async (entries: Iterable<{ credentials: StreamCredentials; onDoubt: () => void }>) => {
    const byTenant = new Map<string, { credentials: StreamCredentials; onDoubt: () => void }[]>();
    for (const w of entries) {
      const list = byTenant.get(w.credentials.tenantId);
      if (list) list.push(w);
      else byTenant.set(w.credentials.tenantId, [w]);
    }
    for (const [tenantId, list] of byTenant) {
      const sessions = await validSessions(tenantId, [...new Set(list.flatMap((w) => (w.credentials.tokenHash ? [w.credentials.tokenHash] : [])))]);
      const devices = await validDevices(tenantId, [...new Set(list.flatMap((w) => (w.credentials.deviceId ? [w.credentials.deviceId] : [])))]);
      for (const w of list) {
        const { tokenHash, deviceId } = w.credentials;
        if ((tokenHash !== null && !sessions.has(tokenHash)) || (deviceId !== null && !devices.has(deviceId))) w.onDoubt();
      }
    }
  };

  /** The streams still to check this heartbeat, and how many each slice takes. */
  let round: number[] = [];
  let perSlice = 0;
  let slicing: Promise<void> | null = null;
  const slice = () => {
    if (round.length === 0) {
      round = [...watched.keys()];
      perSlice = Math.ceil(round.length / SLICES_PER_INTERVAL);
    }
    // Streams that closed since the round began are passed over.
    const ids = round.splice(0, perSlice);
    return check(ids.flatMap((id) => watched.get(id) ?? []));
  };
  // A slice still running (a slow database) is not overtaken by the next.
  const timer = setInterval(() => {
    slicing ??= slice()
      .catch(o.onError)
      .finally(() => (slicing = null));
  }, (o.intervalSeconds * 1000) / SLICES_PER_INTERVAL);
  timer.unref();

  return {
    watch(credentials, onDoubt) {
      const id = next++;
      watched.set(id, { credentials, onDoubt });
      return () => void watched.delete(id);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

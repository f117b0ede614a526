import type { openDatabase } from '../../server/src/db/connect.js';
import { startBenchServer } from '../benchServer.js';
import { mintSessions } from '../load/loadBench.js';
import { line, ms, summarise } from '../stats.js';
import { mintSession } from '../sessions.js';

/**
 * 10 000 votes on one poll in 60 s from 200 clients (each a colleague changing her vote, so every
 * vote is a real write), against a server on PostgreSQL, while 50 other colleagues stay connected to
 * /v1/events and pull /v1/sync whenever a seq is announced, as the client does. Figures: votes per
 * second, the vote's answer time, and the delay from sending a vote until each connected client has
 * pulled the results that include it (matched by the vote's own feed seq). Baseline in the same run:
 * the same load as likes and unlikes of one post, the write the timeline already makes.
 */
const VOTERS = 200;
const LISTENERS = 50;
const VOTES = Number(process.env.POLL_BENCH_VOTES ?? 10_000);
const SECONDS = Number(process.env.POLL_BENCH_SECONDS ?? 60);

interface Phase {
  sent: Map<string, number[]>;
  answers: number[];
  failed: number;
  seconds: number;
}

export async function main(): Promise<void> {
  console.log('\nPolls: votes on one poll and live results (PostgreSQL)');
  const server = await startBenchServer({ seed: 12, employees: 400, slug: 'peiling', images: false });
  if (!server) return;
  const { db, url } = server;
  const seeded = { tenantId: server.tenantId };
  try {
    const tokens = await mintSessions(db, seeded.tenantId, VOTERS + LISTENERS);
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const voterTokens = tokens.slice(0, VOTERS);
    const personOf = await Promise.all(voterTokens.map(async (t) => (await call(t, 'GET', '/v1/me')).body.person.id as string));
    const editor = (await db.kysely.selectFrom('people').select('id').where('tenant_id', '=', seeded.tenantId).where('roles', 'like', '%editor%').executeTakeFirstOrThrow()).id;
    const editorToken = await mintSession(db, seeded.tenantId, editor);
    const poll = (await call(editorToken!, 'POST', '/v1/polls', { question: 'Welke dag voor het teamuitje?', options: ['Vrijdag', 'Zaterdag', 'Zondag', 'Maandag'] })).body;
    const optionIds = (poll.options as { id: string }[]).map((o) => o.id);
    const postId = (await db.kysely.selectFrom('posts').select('id').where('tenant_id', '=', seeded.tenantId).where('group_id', 'is', null).where('poll', '=', 0).executeTakeFirstOrThrow()).id;
    line('voters, connected clients, votes in', `${VOTERS}, ${LISTENERS}, ${VOTES} in ${SECONDS} s (paced)`);

    const listeners = await connect(url, tokens.slice(VOTERS));
    const seqOfVotes = async (entity: 'pollVote' | 'like', id: (person: string) => string, after: number) => {
      const rows = await db.kysely.selectFrom('changes').select(['seq', 'entity_id']).where('tenant_id', '=', seeded.tenantId).where('entity', '=', entity).where('seq', '>', after).orderBy('seq').execute();
      const byKey = new Map<string, number[]>();
      for (const r of rows) byKey.set(r.entity_id, [...(byKey.get(r.entity_id) ?? []), Number(r.seq)]);
      return new Map(personOf.map((p) => [p, byKey.get(id(p)) ?? []]));
    };
    for (const what of ['likes (baseline)', 'votes'] as const) {
      const start = await latest(db, seeded.tenantId);
      const phase = await run(voterTokens, (token, n) =>
        what === 'votes' ? call(token, 'POST', `/v1/polls/${poll.id}/votes`, { optionIds: [optionIds[n % optionIds.length]] }) : call(token, n % 2 === 0 ? 'PUT' : 'DELETE', `/v1/posts/${postId}/like`),
      );
      await listeners.caughtUp(await latest(db, seeded.tenantId));
      const seqs = await seqOfVotes(what === 'votes' ? 'pollVote' : 'like', (p) => `${what === 'votes' ? poll.id : postId}:${p}`, start);
      const delays: number[] = [];
      for (const [i, person] of personOf.entries()) {
        const sentAt = phase.sent.get(voterTokens[i]!) ?? [];
        const own = seqs.get(person) ?? [];
        for (const [n, at] of sentAt.entries()) {
          const seq = own[n];
          if (seq === undefined) continue;
          for (const l of listeners.all) {
            const seen = l.firstAtLeast(seq);
            if (seen !== null) delays.push(seen - at);
          }
        }
      }
      const a = summarise(phase.answers);
      const d = summarise(delays);
      line(`${what}: throughput`, `${(phase.answers.length / phase.seconds).toFixed(0)} per s (${phase.answers.length} in ${phase.seconds.toFixed(1)} s, ${phase.failed} failed)`);
      line(`${what}: answer`, `p50 ${ms(a.p50)}, p95 ${ms(a.p95)}, max ${ms(a.max)}`);
      line(`${what}: until connected clients have it`, `p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, max ${ms(d.max)} (${d.n} vote × client pairs)`);
    }
    const final = (await call(editorToken!, 'GET', `/v1/polls/${poll.id}`)).body;
    line('poll after the run', `${final.voters} voters, counts ${(final.options as { votes: number }[]).map((o) => o.votes).join(' / ')}`);
    listeners.close();
  } finally {
    await server.stop();
  }
}

async function latest(db: ReturnType<typeof openDatabase>, tenantId: string): Promise<number> {
  const row = await db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** Each client sends its share at an even pace, never more than one at a time; answers how it went. */
async function run(tokens: string[], send: (token: string, n: number) => Promise<{ status: number }>): Promise<Phase> {
  const perClient = Math.ceil(VOTES / tokens.length);
  const gapMs = (SECONDS * 1000) / perClient;
  const sent = new Map<string, number[]>();
  const answers: number[] = [];
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    tokens.map(async (token, c) => {
      const times: number[] = [];
      sent.set(token, times);
      for (let n = 0; n < perClient; n++) {
        // Spread the clients over the first gap, so the load is even rather than in waves.
        const due = t0 + (c / tokens.length) * gapMs + n * gapMs;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const at = performance.now();
        const res = await send(token, c + n);
        if (res.status === 200) {
          times.push(at);
          answers.push(performance.now() - at);
        } else failed++;
      }
    }),
  );
  return { sent, answers, failed, seconds: (performance.now() - t0) / 1000 };
}

/** Connected clients: each listens to /v1/events and pulls /v1/sync (shared) one pull at a time. */
async function connect(url: string, tokens: string[]) {
  const controller = new AbortController();
  const all = await Promise.all(
    tokens.map(async (token) => {
      const pulled: { next: number; at: number }[] = [];
      let cursor = Number((await (await fetch(`${url}/v1/sync?since=0&scope=shared&limit=5000`, { headers: { authorization: `Bearer ${token}` } })).json() as { next: number }).next);
      let wanted = cursor;
      let pulling = false;
      const waiters: { seq: number; resolve: () => void }[] = [];
      const pull = async () => {
        if (pulling) return;
        pulling = true;
        while (cursor < wanted) {
          const page = (await (await fetch(`${url}/v1/sync?since=${cursor}&scope=shared&limit=1000`, { headers: { authorization: `Bearer ${token}` } })).json()) as { next: number };
          cursor = page.next;
          pulled.push({ next: cursor, at: performance.now() });
          for (const w of waiters.filter((x) => x.seq <= cursor)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        }
        pulling = false;
      };
      const res = await fetch(`${url}/v1/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
      void (async () => {
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += value;
            let idx: number;
            while ((idx = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, idx);
              buffer = buffer.slice(idx + 2);
              if (!block.includes('event: seq')) continue;
              const data = block.split('\n').find((l) => l.startsWith('data: '));
              if (!data) continue;
              wanted = Math.max(wanted, (JSON.parse(data.slice(6)) as { seq: number }).seq);
              void pull();
            }
          }
        } catch {
          // closed at the end of the run
        }
      })();
      return {
        /** When this client first had every change up to `seq`; null if it never did. */
        firstAtLeast(seq: number): number | null {
          return pulled.find((p) => p.next >= seq)?.at ?? null;
        },
        caughtUp: (seq: number) => (cursor >= seq ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ seq, resolve }))),
      };
    }),
  );
  return {
    all,
    caughtUp: async (seq: number) => void (await Promise.all(all.map((l) => l.caughtUp(seq)))),
    close: () => controller.abort(),
  };
}

import type { openDatabase } from '../../server/src/db/connect.js';
import { startBenchServer } from '../benchServer.js';
import { mintSessions } from '../load/loadBench.js';
import { line, ms, percentile } from '../stats.js';

/**
 * View-count ingestion on PostgreSQL: 200 colleagues' clients each send a batch of 5 posts they saw
 * every second (1 000 views/s, as the client batches them), for SECONDS, every view a first view (a
 * real write: the view row, the post's count, the statistics event). Figures: views per second taken,
 * the batch's answer time, failures, and whether the posts' counts went up by exactly the views sent.
 * Baseline in the same run: the same requests, paced alike, to an authenticated route that writes
 * nothing (`GET /v1/me`), so the figure shows what counting costs beyond a request.
 */
const CLIENTS = 200;
const PER_BATCH = 5;
const SECONDS = Number(process.env.VIEW_BENCH_SECONDS ?? 30);
const WARM_UP_SECONDS = 5;

export async function main(): Promise<void> {
  console.log('\nPost views: ingestion at 1 000 views/s (PostgreSQL)');
  const server = await startBenchServer({ seed: 13, employees: 2000, slug: 'gezien', images: false, knowledgeBase: false });
  if (!server) return;
  const { db, built, url } = server;
  const seeded = { tenantId: server.tenantId };
  try {
    const tokens = await mintSessions(db, seeded.tenantId, CLIENTS);
    const posts = (await db.kysely.selectFrom('posts').select('id').where('tenant_id', '=', seeded.tenantId).where('group_id', 'is', null).execute()).map((p) => p.id);
    const batches = SECONDS;
    if (posts.length < batches * PER_BATCH) throw new Error(`Too few posts for first views only: ${posts.length}`);
    line('clients, batch, seconds', `${CLIENTS} clients × ${PER_BATCH} views every second, ${SECONDS} s, ${posts.length} posts`);
    const countsBefore = await totalViews(db, seeded.tenantId);

    // A node just started builds its search index and compiles its hot paths: a few seconds not measured.
    await paced(tokens, WARM_UP_SECONDS, (token) => fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } }));
    const baseline = await paced(tokens, batches, (token) => fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } }));
    const views = await paced(tokens, batches, (token, c, n) => {
      // Client c walks the posts from its own offset: every view is that person's first of that post.
      const postIds = Array.from({ length: PER_BATCH }, (_, i) => posts[(c * 7 + n * PER_BATCH + i) % posts.length]!);
      return fetch(`${url}/v1/post-views`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ postIds }) });
    });
    const counted = (await totalViews(db, seeded.tenantId)) - countsBefore;
    const sent = views.ok * PER_BATCH;
    await built.foldStats();

    report('baseline, GET /v1/me', baseline, 1);
    report('views, POST /v1/post-views', views, PER_BATCH);
    line('views counted on the posts', `${counted} of ${sent} sent${counted === sent ? '' : ' — MISMATCH'}`);
    line('answer p95, views / baseline', `${(percentile(views.sorted, 95) / percentile(baseline.sorted, 95)).toFixed(2)}×`);
  } finally {
    await server.stop();
  }
}

interface Paced {
  ok: number;
  failed: number;
  seconds: number;
  sorted: number[];
}

function report(label: string, r: Paced, perRequest: number): void {
  line(`${label}: taken`, `${((r.ok * perRequest) / r.seconds).toFixed(0)} per s (${r.ok} requests, ${r.failed} failed)`);
  line(`${label}: answer`, `p50 ${ms(percentile(r.sorted, 50))}, p95 ${ms(percentile(r.sorted, 95))}, p99 ${ms(percentile(r.sorted, 99))}`);
}

/** Each client sends one request a second, the clients spread over the second, never two at once. */
async function paced(tokens: string[], rounds: number, send: (token: string, client: number, n: number) => Promise<Response>): Promise<Paced> {
  const answers: number[] = [];
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    tokens.map(async (token, c) => {
      for (let n = 0; n < rounds; n++) {
        const wait = t0 + (c / tokens.length) * 1000 + n * 1000 - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const at = performance.now();
        const res = await send(token, c, n);
        await res.arrayBuffer();
        if (res.ok) answers.push(performance.now() - at);
        else failed++;
      }
    }),
  );
  return { ok: answers.length, failed, seconds: (performance.now() - t0) / 1000, sorted: answers.sort((a, b) => a - b) };
}

async function totalViews(db: ReturnType<typeof openDatabase>, tenantId: string): Promise<number> {
  const row = await db.kysely.selectFrom('posts').select((e) => e.fn.sum<number>('view_count').as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(row.n ?? 0);
}

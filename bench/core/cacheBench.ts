/**
 * Cache benchmark: a client cache with 200 000 posts. Prints the first timeline page's query time
 * (target p95 ≤ 5 ms, against the same query without its index as baseline), how fast a 50 000-
 * change sync is applied (target ≥ 5 000 entities/s) and the size of the cache file.
 *
 *   npx tsx bench/core/cacheBench.ts
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Comment, Person, Post } from '../../common/src/api/entities.js';
import { SyncResponseSchema, type SyncChange } from '../../common/src/api/sync.js';
import { uuidv7 } from '../../common/src/ids.js';
import { CACHE_FILE_NAME, openCache, type Cache } from '../../main/core/cache/openCache.js';
import { createPersonalStore } from '../../main/core/personal/personalStore.js';
import { createPollMemory } from '../../main/core/polls/pollMemory.js';
import { openReadScope } from '../../main/core/timeline/readScope.js';
// The seed generator's PRNG: every run builds the same cache.
import { mulberry32 as prng } from '../../server/src/seed/prng.js';

const POSTS = 200_000;
const PEOPLE = 5_000;
const GROUPS = 60;
const DELTA = 50_000;
const PAGE = 1_000;
const QUERY_RUNS = 2_000;
const TAGS = ['bhv', 'koffie', 'griep', 'rooster', 'valpreventie', 'welkom', 'jubileum', 'scholing', 'ict', 'zomer'];

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const clock = { now: () => new Date() };

function generator(seed: number) {
  const random = prng(seed);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  let seq = 0;
  let time = Date.UTC(2024, 0, 1);
  const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: uuidv7(time, bytes),
    employeeNumber: String(10_000 + i),
    name: `Medewerker ${i}`,
    handle: `medewerker.${i}`,
    jobTitle: 'Verzorgende IG',
    departmentId: null,
    locationId: null,
    roles: ['employee'],
    avatarImageId: null,
    active: true,
  }));
  const groupIds = Array.from({ length: GROUPS }, () => uuidv7(time, bytes));
  const post = (): Post => {
    time += 1_000 + Math.floor(random() * 60_000);
    const tags = random() < 0.4 ? [pick(TAGS)] : [];
    return {
      id: uuidv7(time, bytes),
      authorId: pick(people).id,
      groupId: random() < 0.3 ? pick(groupIds) : null,
      body: `Bericht ${seq} over de dienst van vandaag ${tags.map((t) => `#${t}`).join(' ')}`.padEnd(200, '.'),
      hashtags: tags,
      mentions: [],
      images: random() < 0.1 ? [{ id: uuidv7(time, bytes), width: 1280, height: 960 }] : [],
      pinned: random() < 0.0005,
      likeCount: Math.floor(random() * 20),
      commentCount: 0,
      createdAt: new Date(time).toISOString(),
      editedAt: null,
    };
  };
  const comment = (p: Post): Comment => ({
    id: uuidv7(time, bytes),
    postId: p.id,
    authorId: pick(people).id,
    body: 'Goed bezig!',
    mentions: [],
    createdAt: new Date(time).toISOString(),
    editedAt: null,
  });
  const change = (entity: 'person' | 'post' | 'comment', data: Person | Post | Comment): SyncChange =>
    ({ seq: ++seq, entity, id: data.id, op: 'upsert', data }) as SyncChange;
  const remove = (entity: 'post' | 'comment', id: string): SyncChange => ({ seq: ++seq, entity, id, op: 'delete' });
  return { random, pick, people, post, comment, change, remove, seq: () => seq };
}

function applyInPages(cache: Cache, changes: SyncChange[], validate: boolean): number {
  const started = performance.now();
  for (let i = 0; i < changes.length; i += PAGE) {
    let page = changes.slice(i, i + PAGE);
    const next = page[page.length - 1]!.seq;
    // What the HTTP client does to every page it receives.
    if (validate) page = SyncResponseSchema.parse(JSON.parse(JSON.stringify({ protocol: 1, changes: page, next, hasMore: true }))).changes;
    cache.write((c) => c.applier.applyPage(page, next, null));
  }
  return performance.now() - started;
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

function time(run: () => unknown, runs = QUERY_RUNS) {
  for (let i = 0; i < 50; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return percentiles(samples);
}

const ms = (n: number) => `${n.toFixed(3)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-cache-bench-'));
  try {
    const g = generator(42);
    const cache = openCache({ dataDir: dir, log: quiet, clock });

    const posts: Post[] = [];
    const initial: SyncChange[] = g.people.map((p) => g.change('person', p));
    for (let i = 0; i < POSTS; i++) {
      const p = g.post();
      posts.push(p);
      initial.push(g.change('post', p));
    }
    const fillMs = applyInPages(cache, initial, false);
    console.log(`cache: ${POSTS.toLocaleString('en')} posts, ${PEOPLE.toLocaleString('en')} people`);
    console.log(`  first sync applied   ${(initial.length / (fillMs / 1000)).toFixed(0)} entities/s (${(fillMs / 1000).toFixed(1)} s)`);

    // A delta as a busy week brings it: new posts, edited and liked posts, comments, deletions.
    const delta: SyncChange[] = [];
    while (delta.length < DELTA) {
      const r = g.random();
      if (r < 0.3) delta.push(g.change('post', g.post()));
      else if (r < 0.6) {
        const p = g.pick(posts);
        delta.push(g.change('post', { ...p, likeCount: p.likeCount + 1 }));
      } else if (r < 0.9) delta.push(g.change('comment', g.comment(g.pick(posts))));
      else if (r < 0.95) delta.push(g.change('post', { ...g.pick(posts), body: 'Aangepast #rooster', hashtags: ['rooster'] }));
      else delta.push(g.remove('post', g.pick(posts).id));
    }
    const half = DELTA / 2;
    const applyMs = applyInPages(cache, delta.slice(0, half), false);
    const validatedMs = applyInPages(cache, delta.slice(half), true);
    console.log(`sync of ${DELTA.toLocaleString('en')} changes (target ≥ 5 000 entities/s)`);
    console.log(`  applied              ${(half / (applyMs / 1000)).toFixed(0)} entities/s`);
    console.log(`  validated + applied  ${(half / (validatedMs / 1000)).toFixed(0)} entities/s (zod check of each page, as the HTTP client does)`);

    const firstPage = time(() => cache.read((c) => c.posts.list({}, null, 21)));
    const baseline = time(() => cache.read((c) => c.db.prepare('SELECT * FROM posts NOT INDEXED ORDER BY created_at DESC, id DESC LIMIT 21').all()), 20);
    const personal = createPersonalStore();
    const fullView = time(() =>
      cache.read((parts) => {
        const scope = openReadScope({ parts, personal, me: null, sent: [], waiting: [], imageUrl: (id, size) => `samen-image://${id}/${size}`, polls: createPollMemory(), now: new Date() });
        return scope.list({}, null, 20).slice(0, 20).map(scope.view);
      }),
    );
    const byTag = time(() => cache.read((c) => c.posts.list({ hashtag: 'koffie' }, null, 21)));
    const byGroup = time(() => cache.read((c) => c.posts.list({ groupId: posts[0]!.groupId ?? posts.find((p) => p.groupId)!.groupId! }, null, 21)));
    const deep = posts[Math.floor(POSTS / 2)]!;
    const deepPage = time(() => cache.read((c) => c.posts.list({}, { createdAt: deep.createdAt, id: deep.id }, 21)));
    console.log(`first timeline page (target p95 ≤ 5 ms)`);
    console.log(`  query                p50 ${ms(firstPage.p50)}  p95 ${ms(firstPage.p95)}  max ${ms(firstPage.max)}`);
    console.log(`  baseline: no index   p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}`);
    console.log(`  with views (20)      p50 ${ms(fullView.p50)}  p95 ${ms(fullView.p95)}`);
    console.log(`  #hashtag page        p50 ${ms(byTag.p50)}  p95 ${ms(byTag.p95)}`);
    console.log(`  group page           p50 ${ms(byGroup.p50)}  p95 ${ms(byGroup.p95)}`);
    console.log(`  page at 100 000      p50 ${ms(deepPage.p50)}  p95 ${ms(deepPage.p95)}`);

    cache.read((c) => c.db.pragma('wal_checkpoint(TRUNCATE)'));
    cache.close();
    const file = path.join(dir, CACHE_FILE_NAME);
    const wal = `${file}-wal`;
    console.log(`cache file             ${mb(statSync(file).size)}${existsSync(wal) ? ` (+ WAL ${mb(statSync(wal).size)})` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { addToHistogram, wallMs, type Histogram, type SlowWrite, type WriteOrder, type WriteResult } from './protocol.js';

/**
 * Writes at a fixed rate (open loop: a slow server does not slow the offered load), as a share of
 * the clients would: likes and unlikes, votes in the running polls, comments and posts, each with an
 * Idempotency-Key as the outbox sends them. Against the bare baseline every write is one broadcast.
 */
/** How many of the slowest writes the bench is told about. */
const SLOWEST_KEPT = 5;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  text: string;
  /** The node's own time over the request, from its Server-Timing header; null where there is none. */
  serverMs: number | null;
}

function send(url: string, method: string, path: string, token: string | null, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const req = http.request(`${url}${path}`, { method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      const timing = /app;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, serverMs: timing ? Number(timing[1]) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const COMMENTS = ['Goed bezig!', 'Dank je, dit helpt echt.', 'Ik kom ook.', 'Mooi gedaan, team.', 'Zet je het ook in de overdracht?'];
const POSTS = ['Vanmiddag om drie uur overdracht in de teamkamer.', 'Wie heeft de oplader van de tillift gezien?', 'Nieuwe koffiemachine op de tweede verdieping!'];

async function run(o: WriteOrder): Promise<WriteResult> {
  const latency: Histogram = {};
  const serverLatency: Histogram = {};
  const all: SlowWrite[] = [];
  const errorCodes: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  let writes = 0;
  let errors = 0;
  let postIds: string[] = [];
  if (o.kind === 'samen') {
    const list = await send(o.url, 'GET', '/v1/posts?limit=50', o.tokens[0]!);
    // Organisation-wide posts only: every writer may react to those.
    postIds = (JSON.parse(list.text) as { items: { id: string; groupId: string | null }[] }).items.filter((p) => p.groupId === null).map((p) => p.id);
  }
  const liked = new Set<string>();
  const one = async (i: number) => {
    const token = o.tokens[i % o.tokens.length]!;
    const started = wallMs();
    let kind = 'broadcast';
    let res: Answer;
    try {
      if (o.kind === 'bare') res = await send(o.url, 'POST', '/write', null, {});
      else {
        const roll = i % 20;
        const postId = postIds[(i * 7) % postIds.length]!;
        const likeKey = `${token}:${postId}`;
        if (roll >= 11 && roll < 13 && o.polls.length > 0) {
          kind = 'vote';
          const poll = o.polls[i % o.polls.length]!;
          // Choices differ from one vote to the next, so a writer who voted before changes her vote.
          res = await send(o.url, 'POST', `/v1/polls/${poll.id}/votes`, token, { optionIds: [poll.optionIds[i % poll.optionIds.length]!] });
        } else if (roll < 13) {
          const unlike = liked.has(likeKey);
          kind = unlike ? 'unlike' : 'like';
          res = await send(o.url, unlike ? 'DELETE' : 'PUT', `/v1/posts/${postId}/like`, token);
          if (unlike) liked.delete(likeKey);
          else liked.add(likeKey);
        } else if (roll < 17) {
          kind = 'comment';
          res = await send(o.url, 'POST', `/v1/posts/${postId}/comments`, token, { body: COMMENTS[i % COMMENTS.length] });
        } else {
          kind = 'post';
          res = await send(o.url, 'POST', '/v1/posts', token, { body: POSTS[i % POSTS.length] });
        }
      }
    } catch (err) {
      errors++;
      const code = (err as NodeJS.ErrnoException).code ?? 'network';
      errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      return;
    }
    if (res.status >= 400) {
      errors++;
      errorCodes[String(res.status)] = (errorCodes[String(res.status)] ?? 0) + 1;
      return;
    }
    writes++;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    const ms = wallMs() - started;
    addToHistogram(latency, ms);
    if (res.serverMs !== null) addToHistogram(serverLatency, res.serverMs);
    all.push({ at: (started - t0) / 1000, kind, ms, serverMs: res.serverMs });
  };
  const total = Math.round(o.perSecond * o.seconds);
  const t0 = wallMs();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / o.perSecond;
    const wait = due - wallMs();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(one(i));
  }
  await Promise.all(inFlight);
  const slowest = all.sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_KEPT);
  return { type: 'result', writes, errors, errorCodes, kinds, latency, serverLatency, slowest };
}

process.on('message', (m: WriteOrder) => {
  void run(m).then((result) => process.send!(result, () => process.exit(0)));
});

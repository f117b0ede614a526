import http from 'node:http';
import { SYNC_PROTOCOL } from '../../common/src/api/sync.js';
import { openRawStream } from './rawEventStream.js';
import { addToHistogram, wallMs, widenReach, type Finish, type Histogram, type OpenStreams, type Reach, type ReminderStamps, type StreamResult } from './protocol.js';

/**
 * A worker process that holds many event streams, as ward PCs and kiosks do at the start of a shift.
 * Each stream records when it first heard of each seq; at the end the coordinator says when each seq
 * was written, and the worker answers with push latencies as a histogram.
 */
interface Client {
  /** [seq, receipt time] in arrival order; seqs only go up on one stream. */
  heard: [number, number][];
  ended: boolean;
  pulling: boolean;
  /** Where its shared feed stands, as the desktop app's cache cursor. */
  cursor: number;
  /** [seq, receipt time] of each notification event. */
  notified: [number, number][];
}

/**
 * The start of a `seq` event's data, in the order the server writes it (server/src/realtime/seqFrames.ts):
 * read without parsing the changes, which a real client applies but this one need not.
 */
const SEQ_DATA = /^\{"seq":(\d+)(?:,"personal":(?:true|false),"shared":\{"since":(\d+),"next":(\d+))?/;
/** Far enough into an event for its name, id and the start of its data. */
const HEAD_BYTES = 160;
const EVENT_END = Buffer.from('\n\n');
/** A notification event's head: its id is the notification's seq. */
const NOTIFICATION_ID = /(?:^|\n)event: notification\nid: (\d+)\n/;

/**
 * Splits a stream's bytes into events and hands on the data of each `seq` event, reading only the
 * start of each: ten thousand streams on one core of the generator must not be what the figures
 * measure, and a client's own cost of applying the changes is on its own PC, not the server's.
 * (The app's parser, main/core/realtime/sseParser.ts, decodes every byte as text: the generator's
 * core then ran at 85 to 90 % and read Samen's bigger events later than the bare ones.)
 */
function seqEventReader(onSeq: (data: string) => void, onNotification: (seq: number) => void): (chunk: Buffer) => void {
  let pending: Buffer | null = null;
  return (chunk) => {
    const bytes: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(EVENT_END, start); end !== -1; end = bytes.indexOf(EVENT_END, start)) {
      const head = bytes.toString('latin1', start, Math.min(end, start + HEAD_BYTES));
      start = end + 2;
      const notification = NOTIFICATION_ID.exec(head);
      if (notification) onNotification(Number(notification[1]));
      if (!head.startsWith('event: seq\n') && !head.includes('\nevent: seq\n')) continue;
      const at = head.indexOf('data: ');
      if (at !== -1) onSeq(head.slice(at + 6));
    }
    // Copied: the bytes of a read are overwritten by the next one (rawEventStream.ts).
    pending = start < bytes.length ? Buffer.from(bytes.subarray(start)) : null;
  };
}

const clients: Client[] = [];
const pullAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let pulls = 0;
let pullErrors = 0;
let failed = 0;
/** Announcements whose shared changes a client took instead of pulling. */
let taken = 0;
let bytes = 0;

function openOne(o: OpenStreams, token: string | null): Promise<void> {
  return new Promise((resolve) => {
    const client: Client = { heard: [], ended: false, pulling: false, cursor: 0, notified: [] };
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (token) headers.authorization = `Bearer ${token}`;
    let first = true;
    // Whether this client keeps a cache current, as the desktop app does; the others only listen.
    const follows = token !== null && Math.random() < o.pullShare;
    // When the read holding the event arrived.
    let receivedAt = 0;
    const read = seqEventReader((data) => {
      const found = SEQ_DATA.exec(data);
      if (!found) return;
      const seq = Number(found[1]);
      client.heard.push([seq, receivedAt]);
      if (first) {
        first = false;
        client.cursor = seq;
        resolve();
        return;
      }
      if (!follows) return;
      // The app's rule (main/core/sync/syncEngine.ts): take carried changes that start at or before
      // the cursor and go beyond it; pull when the announcement is ahead and nothing was carried.
      const since = found[2] === undefined ? null : Number(found[2]);
      const next = Number(found[3]);
      if (since !== null && !client.pulling && since <= client.cursor && next > client.cursor) {
        client.cursor = next;
        taken++;
      } else if (seq > client.cursor) pull(o.url, token, client);
    }, (seq) => client.notified.push([seq, receivedAt]));
    let answered = false;
    openRawStream(o.url, o.path, headers, {
      status(code) {
        answered = true;
        if (code === 200) clients.push(client);
        else failed++;
      },
      body(chunk) {
        receivedAt = wallMs();
        bytes += chunk.length;
        read(chunk);
      },
      closed() {
        if (!answered) failed++;
        client.ended = true;
        resolve();
      },
    });
  });
}

/** An active client fetches what changed, as the desktop app does on each announcement. */
function pull(url: string, token: string, client: Client): void {
  if (client.pulling) return;
  client.pulling = true;
  pulls++;
  const req = http.get(`${url}/v1/sync?since=${client.cursor}&scope=shared&limit=1000&protocol=${SYNC_PROTOCOL}`, { agent: pullAgent, headers: { authorization: `Bearer ${token}` } }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d: string) => (body += d));
    res.on('end', () => {
      client.pulling = false;
      if (res.statusCode !== 200) return void pullErrors++;
      client.cursor = Math.max(client.cursor, (JSON.parse(body) as { next: number }).next);
    });
  });
  req.on('error', () => {
    client.pulling = false;
    pullErrors++;
  });
}

/**
 * For each written seq a stream could have heard (after it opened), the time until it first heard it
 * or a later one; and per seq the first and the last stream's time, which tell a wait before the
 * fan-out began from a fan-out that took long.
 */
function latencies(writtenAt: [number, number][]): { histogram: Histogram; reach: Reach } {
  const histogram: Histogram = {};
  const reach: Reach = {};
  const written = [...writtenAt].sort((a, b) => a[0] - b[0]);
  for (const c of clients) {
    if (c.heard.length === 0) continue;
    const openedAt = c.heard[0]![0];
    let j = 0;
    for (const [seq, at] of written) {
      if (seq <= openedAt) continue;
      while (j < c.heard.length && c.heard[j]![0] < seq) j++;
      if (j === c.heard.length) break;
      const ms = c.heard[j]![1] - at;
      addToHistogram(histogram, ms);
      widenReach(reach, seq, ms, ms);
    }
  }
  return { histogram, reach };
}

/** How long after the reminder's commit each stream received its notification of it. */
function reminderLatencies(r: ReminderStamps): { reached: number; latency: Histogram } {
  const latency: Histogram = {};
  let reached = 0;
  for (const c of clients) {
    const got = c.notified.find(([seq]) => seq >= r.fromSeq && seq <= r.toSeq);
    if (!got) continue;
    reached++;
    addToHistogram(latency, got[1] - r.committedAt);
  }
  return { reached, latency };
}

process.on('message', async (m: OpenStreams | Finish) => {
  if (m.type === 'open') {
    // Opened in waves, as a shift's PCs come up over a few seconds rather than in one instant.
    for (let i = 0; i < m.tokens.length; i += 100) await Promise.all(m.tokens.slice(i, i + 100).map((t) => openOne(m, t)));
    process.send!({ type: 'opened', held: clients.filter((c) => !c.ended).length, failed });
  } else {
    const { histogram, reach } = latencies(m.writtenAt);
    const result: StreamResult = {
      type: 'result',
      held: clients.filter((c) => !c.ended).length,
      dropped: failed + clients.filter((c) => c.ended).length,
      pulls,
      pullErrors,
      taken,
      bytes,
      events: clients.reduce((sum, c) => sum + c.heard.length, 0),
      push: histogram,
      reach,
      ...(m.startedAt ? { pushFromStart: latencies(m.startedAt).histogram } : {}),
      ...(m.reminder ? { reminder: reminderLatencies(m.reminder) } : {}),
    };
    process.send!(result, () => process.exit(0));
  }
});

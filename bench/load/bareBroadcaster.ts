import http from 'node:http';
import { parseArgs } from 'node:util';
import { wallMs } from './protocol.js';

/**
 * The baseline: a bare node:http server-sent-events broadcaster with no authentication, no
 * database and no tenancy. POST /write stamps a new seq and writes it to every open stream;
 * GET /stamps tells when each seq was stamped. What Samen adds on top is what the load test measures.
 *
 * `--event-bytes N` pads each event to about N bytes, so the baseline can carry as much as Samen's
 * events do (they bring the changes themselves, which spares every client a pull): then the
 * comparison is of what Samen adds, not of how many bytes a change takes.
 */
const { values } = parseArgs({ options: { 'event-bytes': { type: 'string', default: '0' } } });
const eventBytes = Number(values['event-bytes']);
const streams = new Set<http.ServerResponse>();
const stamps: [number, number][] = [];
let seq = 0;

function event(n: number): Buffer {
  const frame = (data: string) => `id: ${n}\nevent: seq\ndata: {"seq":${n}${data}}\n\n`;
  const pad = eventBytes - frame(',"pad":""').length;
  // Made once and written to every stream, as Samen's seq frames are.
  return Buffer.from(frame(pad > 0 ? `,"pad":"${'x'.repeat(pad)}"` : ''));
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write(`retry: 3000\n\n`);
    res.write(event(seq));
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/write') {
    req.resume();
    req.on('end', () => {
      seq++;
      stamps.push([seq, wallMs()]);
      const message = event(seq);
      for (const s of streams) s.write(message);
      res.writeHead(201, { 'content-type': 'application/json' }).end(`{"seq":${seq}}`);
    });
    return;
  }
  if (req.method === 'GET' && req.url === '/stamps') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stamps));
    return;
  }
  res.writeHead(404).end();
});
// The same heartbeat as Samen's streams, so both hold the same traffic.
setInterval(() => {
  for (const s of streams) s.write(': ping\n\n');
}, 20_000).unref();
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});

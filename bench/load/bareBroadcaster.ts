import http from 'node:http';
import { wallMs } from './protocol.js';

/**
 * The baseline: a bare node:http server-sent-events broadcaster with no authentication, no
 * database and no tenancy. POST /write stamps a new seq and writes it to every open stream;
 * GET /stamps tells when each seq was stamped. What Samen adds on top is what the load test measures.
 */
const streams = new Set<http.ServerResponse>();
const stamps: [number, number][] = [];
let seq = 0;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write(`retry: 3000\n\nid: ${seq}\nevent: seq\ndata: {"seq":${seq}}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/write') {
    req.resume();
    req.on('end', () => {
      seq++;
      stamps.push([seq, wallMs()]);
      const message = `id: ${seq}\nevent: seq\ndata: {"seq":${seq}}\n\n`;
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

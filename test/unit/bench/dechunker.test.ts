import { describe, expect, it } from 'vitest';
import { dechunker } from '../../../bench/load/rawEventStream.js';

/** HTTP/1.1 chunked framing of each part, as node:http writes a response's body. */
const chunked = (parts: string[]) => Buffer.from(parts.map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`).join(''));

const events = ['retry: 3000\n\n', 'id: 7\nevent: seq\ndata: {"seq":7,"personal":false}\n\n', ': ping\n\n', `id: 8\nevent: seq\ndata: {"seq":8,"shared":{"since":7,"next":9,"changes":["${'x'.repeat(600)}"]}}\n\n`];

function readAll(wire: Buffer, cuts: number[]): string {
  const read = dechunker();
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, wire.length]) {
    out.push(...read(wire.subarray(from, cut)));
    from = cut;
  }
  return Buffer.concat(out).toString('utf8');
}

describe('the load bench’s chunked-body reader', () => {
  const wire = chunked(events);

  it('gives back the body whole when it arrives in one read', () => {
    expect(readAll(wire, [])).toBe(events.join(''));
  });

  it('gives back the body whole whatever byte a read ends on, size lines and their CR LF included', () => {
    for (let cut = 1; cut < wire.length; cut++) expect(readAll(wire, [cut])).toBe(events.join(''));
  });

  it('gives back the body whole when every byte is a read of its own', () => {
    expect(readAll(wire, Array.from({ length: wire.length - 1 }, (_, i) => i + 1))).toBe(events.join(''));
  });

  it('stops at the last chunk and refuses a size line that is not hexadecimal', () => {
    expect(readAll(Buffer.concat([wire, Buffer.from('0\r\n\r\n')]), [])).toBe(events.join(''));
    expect(() => dechunker()(Buffer.from('zz\r\nhallo\r\n'))).toThrow(/not a chunk size/);
  });
});

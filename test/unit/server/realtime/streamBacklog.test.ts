import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeOrCut } from '../../../../server/src/realtime/streamBacklog.js';

/** A socket whose kernel buffer is full: what is written stays waiting in the process until `drain()`. */
function socketOfClient() {
  const arrived: string[] = [];
  const waiting: (() => void)[] = [];
  const socket = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      waiting.push(() => {
        arrived.push(chunk.toString());
        done();
      });
    },
  });
  socket.on('error', () => undefined);
  return {
    socket,
    arrived,
    /** The client reads: everything waiting goes out. */
    drain: () => {
      while (waiting.length > 0) waiting.shift()!();
    },
  };
}

const EVENT = `event: seq\ndata: {"seq":1,"shared":{"changes":[${'"x",'.repeat(60)}"x"]}}\n\n`;
const LIMIT = 1024;

describe('an event stream whose client stops reading', () => {
  it('keeps the stream while its backlog stays under the limit', () => {
    const c = socketOfClient();
    const perLimit = Math.floor(LIMIT / EVENT.length);
    for (let i = 0; i < perLimit; i++) expect(writeOrCut(c.socket, EVENT, LIMIT)).toBe(true);
    expect(c.socket.destroyed).toBe(false);
    c.drain();
    expect(c.arrived).toHaveLength(perLimit);
  });

  it('cuts the stream on the write that takes its backlog past the limit, and writes nothing after', () => {
    const c = socketOfClient();
    let writes = 0;
    while (writeOrCut(c.socket, EVENT, LIMIT)) writes++;
    expect(c.socket.destroyed).toBe(true);
    expect((writes + 1) * EVENT.length).toBeGreaterThan(LIMIT);
    expect(writes * EVENT.length).toBeLessThanOrEqual(LIMIT);
    expect(writeOrCut(c.socket, EVENT, LIMIT)).toBe(false);
  });

  it('never cuts a client that keeps reading, however much it is sent', () => {
    const c = socketOfClient();
    for (let i = 0; i < 100; i++) {
      expect(writeOrCut(c.socket, EVENT, LIMIT)).toBe(true);
      c.drain();
    }
    expect(c.arrived).toHaveLength(100);
    expect(c.socket.destroyed).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../../../main/core/realtime/sseParser.js';

describe('reading server-sent events', () => {
  it('yields whole events however the stream is cut into chunks', () => {
    const text = 'retry: 3000\n\nevent: seq\nid: 41\ndata: {"seq":41}\n\n: ping\n\nevent: notification\nid: 42\ndata: {"seq":42,\ndata: "x":1}\n\n';
    for (const size of [1, 2, 7, text.length]) {
      const parser = createSseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      expect(events).toEqual([
        { event: 'seq', data: '{"seq":41}', lastEventId: '41' },
        { event: 'notification', data: '{"seq":42,\n"x":1}', lastEventId: '42' },
      ]);
    }
  });

  it('accepts CRLF and CR line ends, even split between chunks', () => {
    const parser = createSseParser();
    expect([...parser.push('event: seq\r'), ...parser.push('\nid: 7\rdata: {}\r\n\r'), ...parser.push('\n')]).toEqual([
      { event: 'seq', data: '{}', lastEventId: '7' },
    ]);
  });

  it('keeps the last id for events that carry none, and ignores events without data', () => {
    const parser = createSseParser();
    expect(parser.push('id: 5\nevent: seq\n\nevent: session-ended\ndata: {"code":"unauthenticated"}\n\n')).toEqual([
      { event: 'session-ended', data: '{"code":"unauthenticated"}', lastEventId: '5' },
    ]);
  });
});

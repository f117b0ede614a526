import { describe, expect, it } from 'vitest';
import { formatServerEvent, parseServerEvent } from '../../../../common/src/api/events.js';

const post = {
  seq: 12,
  entity: 'post',
  id: 'p1',
  op: 'delete',
} as const;

describe('server events as a client reads them', () => {
  it('reads the shared changes a seq event carries', () => {
    const event = parseServerEvent('seq', JSON.stringify({ seq: 12, personal: false, shared: { since: 10, next: 12, changes: [post] } }));
    expect(event).toEqual({ type: 'seq', data: { seq: 12, personal: false, shared: { since: 10, next: 12, changes: [post] } } });
  });

  it('keeps the announcement when its changes are of a kind this client does not know, so it pulls instead', () => {
    const unknown = { seq: 12, entity: 'hologram', id: 'h1', op: 'upsert', data: {} };
    const event = parseServerEvent('seq', JSON.stringify({ seq: 12, personal: false, shared: { since: 10, next: 12, changes: [unknown] } }));
    expect(event).toEqual({ type: 'seq', data: { seq: 12, personal: false } });
  });

  it('refuses a seq event without its seq', () => {
    expect(parseServerEvent('seq', JSON.stringify({ personal: false }))).toBeNull();
    expect(parseServerEvent('seq', '{"seq":')).toBeNull();
  });

  it('writes what it reads', () => {
    const text = formatServerEvent('seq', 12, { seq: 12, personal: true });
    expect(text).toBe('event: seq\nid: 12\ndata: {"seq":12,"personal":true}\n\n');
  });
});

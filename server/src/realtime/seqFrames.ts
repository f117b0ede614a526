import { formatServerEventJson } from '../../../common/src/api/events.js';
import type { Announced } from './hub.js';

export interface SeqFrameOptions {
  /** The `personal` flag this stream is told. */
  personal: boolean;
  /** Whether the stream's client reads the shared changes (its protocol is the one they were made for). */
  withShared: boolean;
  /** Whether the response is chunked (HTTP/1.1), so the frame carries its chunk header and end. */
  chunked: boolean;
}

const frames = new WeakMap<Announced, Map<number, Buffer>>();

/**
 * The `seq` event of an announcement as bytes on the socket, made once per kind of stream and then
 * written to each: with ten thousand streams an announcement carrying a few kilobytes of changes
 * would otherwise be serialised, encoded and copied ten thousand times. The JSON text keeps the
 * order `seq`, `personal`, `shared` (`since`, `next`, `changes`), which the load bench reads cheaply.
 */
export function seqFrame(a: Announced, o: SeqFrameOptions): Buffer {
  const shared = o.withShared ? a.shared : undefined;
  const key = (o.personal ? 1 : 0) | (shared ? 2 : 0) | (o.chunked ? 4 : 0);
  let byKind = frames.get(a);
  if (!byKind) frames.set(a, (byKind = new Map()));
  const found = byKind.get(key);
  if (found) return found;
  const json = `{"seq":${a.seq},"personal":${o.personal}${shared ? `,"shared":{"since":${shared.since},"next":${shared.next},"changes":${shared.changesJson}}` : ''}}`;
  const text = Buffer.from(formatServerEventJson('seq', a.seq, json));
  const frame = o.chunked ? Buffer.concat([Buffer.from(`${text.length.toString(16)}\r\n`), text, Buffer.from('\r\n')]) : text;
  byKind.set(key, frame);
  return frame;
}

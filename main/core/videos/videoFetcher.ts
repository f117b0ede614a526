import type { Result } from '../../../common/src/ipc/contract.js';
import { parseRange } from '../../../common/src/video/range.js';
import { createByteLru } from '../images/byteLru.js';
import type { ImageBytes } from '../images/imageFetcher.js';
import type { HttpClient } from '../net/httpClient.js';
import type { OutboxStore } from '../outbox/outboxStore.js';
import { fail } from '../result.js';

/** A video answer for the shell to pass to the renderer's <video>: status, headers and the bytes (streamed). */
export interface VideoAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array> | Uint8Array | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PASSED_ON = ['content-type', 'content-length', 'content-range', 'accept-ranges'];

/**
 * Videos for the shell to serve. A video's bytes are never kept here: each range the renderer's
 * <video> asks for goes to the server with the session (or the device's own token) and streams back,
 * so seeking works and nothing of a private group's video stays after logout. A video still waiting
 * in the outbox plays from there for its author. Posters are small and kept like thumbnails.
 */
export function createVideoFetcher(d: { http: HttpClient; outbox: OutboxStore; token(): string | null; enrolled(): boolean }) {
  const posters = createByteLru<ImageBytes>(4 * 1024 * 1024);
  const credential = (): { token: string | null } | null => {
    const token = d.token();
    return token || d.enrolled() ? { token } : null;
  };

  return {
    async video(id: string, range: string | undefined): Promise<Result<VideoAnswer>> {
      if (!UUID.test(id)) return fail('invalid_input', 'not a video id');
      const waiting = d.outbox.videoBytes(id);
      if (waiting) return { ok: true, value: fromMemory(waiting, range) };
      const who = credential();
      if (!who) return fail('not_logged_in', 'videos need a session');
      const answer = await d.http.response('getVideo', { token: who.token, params: { id }, timeoutMs: 0, ...(range ? { headers: { range } } : {}) });
      if (!answer.ok) {
        if (answer.error.status === 416) return { ok: true, value: { status: 416, headers: {}, body: null } };
        return fail(answer.error.code, answer.error.message);
      }
      const res = answer.value;
      const headers: Record<string, string> = { 'cache-control': 'no-store' };
      for (const name of PASSED_ON) {
        const value = res.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      return { ok: true, value: { status: res.status === 206 ? 206 : 200, headers, body: res.body } };
    },
    async poster(id: string): Promise<Result<ImageBytes>> {
      if (!UUID.test(id)) return fail('invalid_input', 'not a video id');
      const cached = posters.get(id);
      if (cached) return { ok: true, value: cached };
      const who = credential();
      if (!who) return fail('not_logged_in', 'videos need a session');
      const answer = await d.http.bytes('getVideoPoster', { token: who.token, params: { id } });
      if (!answer.ok) return fail(answer.error.code, answer.error.message);
      const poster = { ...answer.value, shared: who.token === null };
      if (d.token() === who.token) posters.set(id, poster);
      return { ok: true, value: poster };
    },
    clear: () => posters.clear(),
  };
}

function fromMemory(video: { bytes: Uint8Array; mime: string }, rangeHeader: string | undefined): VideoAnswer {
  const size = video.bytes.length;
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') return { status: 416, headers: { 'content-range': `bytes */${size}` }, body: null };
  const span = range ?? { start: 0, end: size - 1 };
  const headers: Record<string, string> = {
    'content-type': video.mime,
    'accept-ranges': 'bytes',
    'content-length': String(span.end - span.start + 1),
    'cache-control': 'no-store',
    ...(range ? { 'content-range': `bytes ${span.start}-${span.end}/${size}` } : {}),
  };
  return { status: range ? 206 : 200, headers, body: video.bytes.subarray(span.start, span.end + 1) };
}

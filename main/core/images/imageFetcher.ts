import type { Result } from '../../../common/src/ipc/contract.js';
import type { HttpClient } from '../net/httpClient.js';
import type { OutboxStore } from '../outbox/outboxStore.js';
import { fail } from '../result.js';
import { createByteLru } from './byteLru.js';
import type { ImageSize } from './imageUrl.js';

export interface ImageBytes {
  bytes: Uint8Array;
  mime: string;
  /**
   * Every employee may see it, so a shell may let the browser keep it on disk. Only what the server
   * gave the device's own token (no session) is known to be so; anything fetched with a person's
   * session may belong to a private group, and a picture still in the outbox is hers alone.
   */
  shared: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Image bytes for the shell to serve: a picture still waiting in the outbox comes from disk, others
 * from the server with the logged-in session (or the device's own token), kept in a small memory cache that logout empties
 * (images of private groups must not outlive the session). Each says whether it may be kept on disk
 * by the browser (`shared`): when in doubt, not.
 */
export function createImageFetcher(d: { http: HttpClient; outbox: OutboxStore; token(): string | null; enrolled(): boolean; maxBytes?: number }) {
  const lru = createByteLru<ImageBytes>(d.maxBytes ?? 32 * 1024 * 1024);
  return {
    async fetch(id: string, size: ImageSize): Promise<Result<ImageBytes>> {
      if (!UUID.test(id) || (size !== 'thumb' && size !== 'full')) return fail('invalid_input', 'not an image id');
      const waiting = d.outbox.imageBytes(id);
      if (waiting) return { ok: true, value: { ...waiting, shared: false } };
      const key = `${id}:${size}`;
      const cached = lru.get(key);
      if (cached) return { ok: true, value: cached };
      // Logged out, an enrolled device still gets what everyone may see (the logo, avatars, public
      // photos) with its own token, so the lock screen and the offline timeline show them.
      const token = d.token();
      if (!token && !d.enrolled()) return fail('not_logged_in', 'images need a session');
      const answer = await d.http.bytes('getImage', { token, params: { id }, query: { size } });
      if (!answer.ok) return fail(answer.error.code, answer.error.message);
      const image = { ...answer.value, shared: token === null };
      // Logged out while downloading: the picture is not kept.
      if (d.token() === token) lru.set(key, image);
      return { ok: true, value: image };
    },
    clear: () => lru.clear(),
  };
}

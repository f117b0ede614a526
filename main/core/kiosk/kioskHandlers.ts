import type { Result } from '../../../common/src/ipc/contract.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import { composeSignage } from './composeSignage.js';
import type { KioskFeed } from './kioskFeed.js';
import { cacheSignageSources } from './signageSources.js';

export type KioskMethods = Pick<Handlers, 'kiosk.signage' | 'kiosks.list' | 'kiosks.setLocation' | 'kiosks.playlist' | 'kiosks.savePlaylist' | 'kiosks.uploadImage' | 'kiosks.preview'>;

/**
 * The kiosk's own screen reads its signage from the cache (it plays on without the server). Managing
 * kiosks is editors' work at a workstation and needs the server: nothing is queued, so an editor
 * offline is told at once.
 */
export function createKioskHandlers(d: {
  http: HttpClient;
  cache: Cache;
  clock: Clock;
  imageUrl: ImageUrl;
  feed: KioskFeed | null;
  session(): ActiveSession | null;
}): KioskMethods {
  const online = async <T>(work: (token: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const s = d.session();
    return s ? work(s.token) : fail('not_logged_in', 'log in first');
  };
  const answer = <T>(r: { ok: true; value: T } | { ok: false; error: Parameters<typeof failWith>[0] }): Result<T> => (r.ok ? ok(r.value) : failWith(r.error));

  return {
    'kiosk.signage': async () => (d.feed ? ok(d.feed.view()) : fail('forbidden', 'signage is for kiosks')),
    'kiosks.list': () =>
      online(async (token) => {
        const listed = await d.http.call('listKiosks', { token });
        if (!listed.ok) return failWith(listed.error);
        return ok({ items: listed.value.items, locations: d.cache.read((c) => c.kiosk.locations()) });
      }),
    'kiosks.setLocation': ({ id, locationId }) => online(async (token) => answer(await d.http.call('setKioskLocation', { token, params: { id }, body: { locationId } }))),
    'kiosks.playlist': ({ scope, targetId }) =>
      online(async (token) => answer(await d.http.call('getPlaylist', { token, query: { scope, ...(targetId ? { targetId } : {}) } }))),
    'kiosks.savePlaylist': (input) => online(async (token) => answer(await d.http.call('savePlaylist', { token, body: input }))),
    'kiosks.uploadImage': ({ mime, base64 }) =>
      online(async (token) => {
        const answer = await d.http.call('uploadImage', { token, body: { bytes: new Uint8Array(Buffer.from(base64, 'base64')), mime } });
        return answer.ok ? ok({ id: answer.value.id }) : failWith(answer.error);
      }),
    'kiosks.preview': ({ id }) =>
      online(async (token) => {
        const told = await d.http.call('kioskSignagePreview', { token, params: { id } });
        if (!told.ok) return failWith(told.error);
        return ok(d.cache.read((parts) => composeSignage(told.value, cacheSignageSources(parts, d.imageUrl, d.clock.now()), d.clock.now())));
      }),
  };
}

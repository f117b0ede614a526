import { samenEvents, type SamenEvent } from '../../common/src/ipc/contract.js';
import type { SamenCore } from '../core/api.js';
import type { ImageBytes } from '../core/images/imageFetcher.js';
import type { VideoAnswer } from '../core/videos/videoFetcher.js';

/** What a shell needs from main/core: the same handlers and events, whichever shell carries them. */
export interface ShellCore {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: SamenEvent, payload: unknown) => void): () => void;
  image(id: string, size: 'thumb' | 'full'): Promise<ImageBytes | null>;
  video(id: string, range: string | undefined): Promise<VideoAnswer | null>;
  videoPoster(id: string): Promise<ImageBytes | null>;
}

export function shellCore(core: SamenCore): ShellCore {
  return {
    invoke: (method, input) => core.invoke(method, input),
    subscribe(listener) {
      const offs = (Object.keys(samenEvents) as SamenEvent[]).map((name) => core.on(name, (payload) => listener(name, payload)));
      return () => offs.forEach((off) => off());
    },
    async image(id, size) {
      const result = await core.images.fetch(id, size);
      return result.ok ? result.value : null;
    },
    async video(id, range) {
      const result = await core.videos.video(id, range);
      return result.ok ? result.value : null;
    },
    async videoPoster(id) {
      const result = await core.videos.poster(id);
      return result.ok ? result.value : null;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { samenMethods, type SamenMethod } from '../../../../common/src/ipc/contract.js';
import { createDispatcher, type Handlers } from '../../../../main/core/ipc/dispatcher.js';
import { memoryLog } from '../../../fixtures/core/harness.js';

/** Handlers that only record that they ran. */
function recordingHandlers() {
  const called: string[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(samenMethods) as SamenMethod[]).map((m) => [
      m,
      async (input: unknown) => {
        called.push(m);
        return { ok: true, value: input };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, called };
}

describe('the window.samen dispatcher', () => {
  const POST_ID = '01a03aef-f753-7a59-9dbe-e20d6dee8068';

  it.each([
    ['an unknown method', 'files.read', { path: '/etc/passwd' }],
    ['a method name from the object prototype', 'constructor', {}],
    ['a missing field', 'post.like', { id: POST_ID }],
    ['a field of the wrong type', 'post.like', { id: POST_ID, liked: 'yes' }],
    ['an id that is no id', 'post.get', { id: '../../admin' }],
    ['a field the contract does not know', 'post.create', { body: 'Hoi', authorId: POST_ID }],
    ['an empty post', 'post.create', { body: '   ' }],
    ['a body with hidden control characters', 'comment.create', { postId: POST_ID, body: 'a\u0000b' }],
    ['a limit out of range', 'timeline.list', { limit: 10_000 }],
    ['no object at all', 'timeline.list', 'DROP TABLE posts'],
  ])('refuses %s before any handler runs', async (_what, method, input) => {
    const { handlers, called } = recordingHandlers();
    const invoke = createDispatcher(handlers, memoryLog());

    const result = await invoke(method, input);

    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.any(String) } });
    expect(called).toEqual([]);
  });

  it('passes valid input to its handler with defaults filled in and text trimmed', async () => {
    const { handlers, called } = recordingHandlers();
    const invoke = createDispatcher(handlers, memoryLog());

    expect(await invoke('post.create', { body: '  Goedemorgen!  ' })).toEqual({ ok: true, value: { body: 'Goedemorgen!', groupId: null, images: [], photoConsent: false, video: null } });
    expect(await invoke('sync.status', undefined)).toEqual({ ok: true, value: {} });
    expect(called).toEqual(['post.create', 'sync.status']);
  });

  it('answers a failing handler with an error value and no internals', async () => {
    const { handlers } = recordingHandlers();
    handlers['sync.status'] = async () => {
      throw new Error('SQLITE_BUSY at /home/anna/.config/samen/cache.sqlite');
    };
    const log = memoryLog();
    const invoke = createDispatcher(handlers, log);

    expect(await invoke('sync.status', {})).toEqual({ ok: false, error: { code: 'server_error', message: 'internal error' } });
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ method: 'sync.status' }) }));
  });

  it('passes on only the code and message of an error', async () => {
    const { handlers } = recordingHandlers();
    handlers['sync.now'] = async () => ({ ok: false, error: { code: 'offline', message: 'no network', status: null, retryable: true } as never });
    expect(await createDispatcher(handlers, memoryLog())('sync.now', {})).toEqual({ ok: false, error: { code: 'offline', message: 'no network' } });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { openEventStream } from '../../../fixtures/sseReader.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('an event stream replaced by a newer one of the same person', () => {
  let server: TestServer;
  let running: CoreUnderTest | null = null;

  beforeAll(async () => {
    // One stream per person, so a second one anywhere replaces the first.
    server = await startTestServer('sqlite', { options: { streamsPerPerson: 1 } });
  });
  afterAll(() => closeServer(server));
  afterEach(async () => {
    await running?.core.stop();
    running = null;
  });

  it('keeps the PC up to date on a timer without reconnecting and pushing the newer stream out', async () => {
    const requests: string[] = [];
    const counting: typeof fetch = (input, init) => {
      requests.push(new URL(String(input)).pathname);
      return fetch(input, init);
    };
    const count = (path: string) => requests.filter((p) => p === path).length;
    running = startCore({ url: server.url, dataDir: tempDir(), fetch: counting, tuning: { catchUpIntervalMs: 150 } });
    await running.login('1001');
    await waitFor(() => count('/v1/events') === 1 && count('/v1/sync') > 0, 'the PC’s stream and first sync');
    await waitFor(async () => (await server.db.kysely.selectFrom('event_streams').select('id').execute()).length === 1, 'the PC’s stream to be registered');

    const elsewhere = await openEventStream(server.url, (await server.login('1001')).token);
    await elsewhere.waitFor((e) => e.event === 'seq');
    const syncsAtReplacement = count('/v1/sync');
    const bram = await server.login('1002');
    const post = await bram.post<{ id: string }>('/v1/posts', { body: 'Komt ook aan op de PC waarvan de stream is overgenomen.' });

    await waitFor(async () => {
      const list = await running!.core.invoke('timeline.list', { limit: 20 });
      return list.ok && list.value.items.some((p) => p.id === post.body.id);
    }, 'the post through a timed catch-up');
    await waitFor(() => count('/v1/sync') >= syncsAtReplacement + 6 || count('/v1/events') > 1, 'a few more timed catch-ups, or a reconnect');
    expect(count('/v1/events')).toBe(1);
    expect(elsewhere.events.some((e) => e.event === 'stream-replaced')).toBe(false);
    expect(elsewhere.ended).toBe(false);
    elsewhere.close();
  });
});

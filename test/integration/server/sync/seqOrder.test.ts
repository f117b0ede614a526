import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('seqs become visible in order under concurrent writers (%s)', (dialect) => {
  let s: TestServer;
  let writers: TestClient[];
  beforeAll(async () => {
    s = await startTestServer(dialect);
    writers = await Promise.all(['1001', '1002', '1003', '1005'].map((n) => s.login(n)));
  });
  afterAll(() => s?.close());

  it('never lets a reader that is syncing during the writes skip a change', async () => {
    const readers = await Promise.all([0, 1, 2].map(async () => new SyncReplica(await s.login('1004'), 'shared')));
    for (const r of readers) await r.pull(1000);

    let writing = true;
    const created: string[] = [];
    const writes = Promise.all(
      writers.map(async (w, wi) => {
        // Several requests in flight per writer, so transactions overlap on the server.
        for (let batch = 0; batch < 5; batch++) {
          const answers = await Promise.all(
            [0, 1, 2, 3].map((i) => w.post('/v1/posts', { body: `Schrijver ${wi} bericht ${batch}-${i}` })),
          );
          for (const a of answers) {
            expect(a.status).toBe(201);
            created.push(a.body.id);
          }
        }
      }),
    ).finally(() => {
      writing = false;
    });
    const reading = Promise.all(
      readers.map(async (r) => {
        while (writing) await r.pull(7);
      }),
    );
    await Promise.all([writes, reading]);
    for (const r of readers) {
      await r.pull(1000);
      const seen = new Set(r.all('post').map((p) => p.id));
      const missing = created.filter((id) => !seen.has(id));
      expect(missing).toEqual([]);
    }
    expect(created).toHaveLength(80);
  });
});

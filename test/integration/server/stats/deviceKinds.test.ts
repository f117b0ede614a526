import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('the kind of device what people do is counted for (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s?.close());

  it('counts a like and a search from a ward PC for shared PCs, from a kiosk for kiosks, and from her own PC for workstations', async () => {
    const annaOnWardPc = await (await s.enrolDevice({ mode: 'shared' })).loginPin('1001');
    const bramAtKiosk = await (await s.enrolDevice({ mode: 'kiosk' })).loginPin('1002');
    const carla = await s.login('1003');
    const post = await carla.post('/v1/posts', { body: 'Wie fietst zaterdag mee?' });
    expect(post.status).toBe(201);
    const people: [string, typeof carla][] = [
      ['shared', annaOnWardPc],
      ['kiosk', bramAtKiosk],
      ['workstation', carla],
    ];
    for (const [, client] of people) {
      expect((await client.put(`/v1/posts/${post.body.id}/like`)).status).toBe(200);
      expect((await client.call('search', { query: { q: 'rooster' } })).status).toBe(200);
    }

    const liked = await s.db.kysely.selectFrom('stats_events').select(['person_id', 'device_kind']).where('kind', '=', 'reaction').execute();
    for (const [kind, client] of people) {
      const personId = (await client.get('/v1/me')).body.person.id as string;
      expect(liked.filter((e) => e.person_id === personId).map((e) => e.device_kind)).toEqual([kind]);
    }
    const searched = await s.db.kysely.selectFrom('search_log').select('device_kind').execute();
    expect(searched.map((l) => l.device_kind).sort()).toEqual(['kiosk', 'shared', 'workstation']);
  });
});

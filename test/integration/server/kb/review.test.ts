import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeDueReviews } from '../../../../server/src/kb/review.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('pages past their review date (%s)', (dialect) => {
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let carlaId: string;
  const clock = testClock('2030-06-15T10:00:00.000Z');

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
    carla = await s.login('1003');
    anna = await s.login('1001');
    carlaId = (await carla.get('/v1/me')).body.person.id;
  });
  afterAll(() => s?.close());

  it('lists them for editors as "verouderd", longest overdue first, with their owner', async () => {
    const old = (await carla.call('createPage', { body: { title: 'Lang niet bekeken', body: 'x', reviewDate: '2030-01-15' } })).body;
    const recent = (await carla.call('createPage', { body: { title: 'Net verlopen', body: 'x', reviewDate: '2030-06-14' } })).body;
    const fine = (await carla.call('createPage', { body: { title: 'Nog goed', body: 'x', reviewDate: '2030-06-15' } })).body;
    const overview = (await carla.call('reviewOverview')).body;
    expect(overview.today).toBe('2030-06-15');
    const mine = overview.items.filter((i) => [old.id, recent.id, fine.id].includes(i.pageId));
    expect(mine).toEqual([
      { pageId: old.id, title: 'Lang niet bekeken', sectionId: null, ownerId: carlaId, ownerName: 'Carla Smit', reviewDate: '2030-01-15', daysOverdue: 151 },
      { pageId: recent.id, title: 'Net verlopen', sectionId: null, ownerId: carlaId, ownerName: 'Carla Smit', reviewDate: '2030-06-14', daysOverdue: 1 },
    ]);
    // The seeded demo has overdue pages too, all before today.
    expect(overview.items.every((i) => i.reviewDate < '2030-06-15')).toBe(true);
    expect((await anna.call('reviewOverview')).body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('tells the owner once per review date with a review_due notification in her personal feed, and nobody else', async () => {
    const page = (await carla.call('createPage', { body: { title: 'Eigenaar moet kijken', body: 'x', reviewDate: '2030-06-01' } })).body;
    const hers = new SyncReplica(carla, 'personal');
    const others = new SyncReplica(anna, 'personal');
    await Promise.all([hers.pull(), others.pull()]);

    await noticeDueReviews(s.server.ctx);
    await Promise.all([hers.pull(), others.pull()]);
    const told = hers.all('notification').filter((n) => n.pageId === page.id);
    expect(told).toEqual([{ id: expect.any(String), kind: 'review_due', actorId: carlaId, postId: null, commentId: null, pageId: page.id, createdAt: expect.stringMatching(/^2030-06-15T10:/) }]);
    expect(others.all('notification').filter((n) => n.pageId === page.id)).toEqual([]);

    await noticeDueReviews(s.server.ctx);
    await hers.pull();
    expect(hers.all('notification').filter((n) => n.pageId === page.id)).toHaveLength(1);

    // A new review date that passes in turn tells her again.
    await carla.call('updatePage', { params: { id: page.id }, body: { reviewDate: '2030-06-10' } });
    await noticeDueReviews(s.server.ctx);
    await hers.pull();
    expect(hers.all('notification').filter((n) => n.pageId === page.id)).toHaveLength(2);

    // Deleting the page takes its notices out of her feed.
    await carla.call('deletePage', { params: { id: page.id } });
    await hers.pull();
    expect(hers.all('notification').filter((n) => n.pageId === page.id)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, TestClient } from '../../../fixtures/apiClient.js';
import { SyncReplica } from '../../../fixtures/syncReplica.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

const WHO = ['outsider', 'member', 'groupAdmin', 'editor', 'admin', 'otherOrg'] as const;
const KINDS = ['open', 'closed', 'private', 'archived'] as const;
type Who = (typeof WHO)[number];
type Kind = (typeof KINDS)[number];

/** Whether this person knows the group at all: everyone in the organisation knows open and closed groups, only members the others. */
const knows = (who: Who, kind: Kind) => who !== 'otherOrg' && (kind === 'open' || kind === 'closed' || who === 'member' || who === 'groupAdmin');
const inGroup = (who: Who) => who === 'member' || who === 'groupAdmin';

/** What each group route answers each person, by the rules of groups: the matrix the test walks. */
const expected: Record<string, (who: Who, kind: Kind) => number> = {
  getGroup: (who, kind) => (knows(who, kind) ? 200 : 404),
  listGroupMembers: (who, kind) => (knows(who, kind) ? 200 : 404),
  listGroupPosts: (who, kind) => (knows(who, kind) ? 200 : 404),
  createPost: (who, kind) => (!knows(who, kind) ? 404 : !inGroup(who) ? 403 : kind === 'archived' ? 409 : 201),
  updateGroup: (who, kind) =>
    who === 'otherOrg' ? 404 : who === 'groupAdmin' || who === 'admin' ? (kind === 'archived' ? 409 : 200) : !knows(who, kind) ? 404 : 403,
  updateMyMembership: (who, kind) => (!knows(who, kind) ? 404 : inGroup(who) ? 200 : 409),
  requestToJoin: (who, kind) => (!knows(who, kind) ? 404 : !inGroup(who) && kind === 'closed' ? 201 : 409),
  listJoinRequests: (who, kind) => (who === 'otherOrg' ? 404 : who === 'groupAdmin' || who === 'admin' ? 200 : !knows(who, kind) ? 404 : 403),
  decideJoinRequest: (who, kind) =>
    who === 'otherOrg' ? 404 : who === 'groupAdmin' || who === 'admin' ? (kind === 'archived' ? 409 : 404) : !knows(who, kind) ? 404 : 403,
  removeGroupMember: (who, kind) => (who === 'otherOrg' ? 404 : who === 'groupAdmin' || who === 'admin' ? 200 : !knows(who, kind) ? 404 : 403),
};

describe.each(dialects)('who reaches which group, by every group route and the sync (%s)', (dialect) => {
  let s: TestServer;
  const as = {} as Record<Who, TestClient>;
  const groups = {} as Record<Kind, { id: string; postId: string }>;
  let nobodyId: string;

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1 }, { slug: 'ander', seed: 2 }] });
    [as.outsider, as.member, as.groupAdmin, as.editor, as.admin, as.otherOrg] = await Promise.all([
      s.login('1001', 'demo'),
      s.login('1005', 'demo'),
      s.login('1002', 'demo'),
      s.login('1003', 'demo'),
      s.login('1004', 'demo'),
      s.login('1002', 'ander'),
    ]);
    const memberId = (await as.member.get('/v1/me')).body.person.id;
    // Someone who is in every group only to be removed by the route under test.
    nobodyId = (await as.outsider.get('/v1/people?q=a&limit=200')).body.items.find((p: { id: string; name: string }) => !['Anna de Vries', 'Bram Jansen', 'Carla Smit', 'Daan Bakker', 'Eva Visser'].includes(p.name)).id;
    for (const kind of KINDS) {
      const created = await as.groupAdmin.post('/v1/groups', { name: `Groep ${kind}`, kind: 'work', visibility: kind === 'archived' ? 'open' : kind });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await as.groupAdmin.put(`/v1/groups/${id}/members/${memberId}`, { role: 'member' })).status).toBe(200);
      expect((await as.groupAdmin.put(`/v1/groups/${id}/members/${nobodyId}`, { role: 'member' })).status).toBe(200);
      const post = await as.groupAdmin.post('/v1/posts', { body: `Nieuws uit groep ${kind}`, groupId: id });
      expect(post.status).toBe(201);
      if (kind === 'archived') expect((await as.groupAdmin.patch(`/v1/groups/${id}`, { archived: true })).status).toBe(200);
      groups[kind] = { id, postId: post.body.id };
    }
  });
  afterAll(() => s?.close());

  const attempt = async (route: string, who: Who, kind: Kind): Promise<Answer> => {
    const c = as[who];
    const { id } = groups[kind];
    switch (route) {
      case 'getGroup':
        return c.get(`/v1/groups/${id}`);
      case 'listGroupMembers':
        return c.get(`/v1/groups/${id}/members`);
      case 'listGroupPosts':
        return c.get(`/v1/posts?groupId=${id}`);
      case 'createPost':
        return c.post('/v1/posts', { body: `Van ${who}`, groupId: id });
      case 'updateGroup':
        return c.patch(`/v1/groups/${id}`, { description: `Bijgewerkt door ${who}` });
      case 'updateMyMembership':
        return c.patch(`/v1/groups/${id}/membership`, { muted: false });
      case 'requestToJoin':
        return c.post(`/v1/groups/${id}/requests`);
      case 'listJoinRequests':
        return c.get(`/v1/groups/${id}/requests`);
      case 'decideJoinRequest':
        return c.post(`/v1/groups/${id}/requests/${groups[kind].postId}`, { decision: 'approve' });
      case 'removeGroupMember':
        return c.delete(`/v1/groups/${id}/members/${nobodyId}`);
      default:
        throw new Error(route);
    }
  };

  const cells = Object.keys(expected).flatMap((route) => KINDS.flatMap((kind) => WHO.map((who) => [route, kind, who] as const)));
  it.each(cells)('%s of a %s group as %s', async (route, kind, who) => {
    const res = await attempt(route, who, kind);
    expect(res.status).toBe(expected[route]!(who, kind));
    // A refusal tells nothing of the group, not even its name.
    if (res.status >= 400) expect(JSON.stringify(res.body)).not.toContain(`Groep ${kind}`);
  });

  it.each(KINDS)('lists and syncs a %s group, and its posts, to exactly those who may know it', async (kind) => {
    for (const who of WHO) {
      const listed = (await as[who].get('/v1/groups')).body.items.some((g: { id: string }) => g.id === groups[kind].id);
      expect(listed, `${who} lists it`).toBe(knows(who, kind));
      const replica = new SyncReplica(as[who]);
      await replica.pull(5000);
      expect(replica.get('group', groups[kind].id) !== undefined, `${who} syncs the group`).toBe(knows(who, kind));
      expect(replica.get('post', groups[kind].postId) !== undefined, `${who} syncs its post`).toBe(knows(who, kind));
      // The shared part (what a device keeps on disk) holds only what everyone may see.
      if (who !== 'otherOrg') {
        const shared = new SyncReplica(as[who], 'shared');
        await shared.pull(5000);
        expect(shared.get('post', groups[kind].postId) !== undefined, `${who}'s shared part`).toBe(kind === 'open' || kind === 'closed');
      }
    }
  });
});

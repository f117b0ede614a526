import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPath } from '../../../common/src/api/route.js';
import { routes, type RouteName } from '../../../common/src/api/routes.js';
import type { Answer, TestClient } from '../../fixtures/apiClient.js';
import { DEMO_BADGES, DEMO_PINS, startTestServer, testDialects, type DeviceClient, type TestServer } from '../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('tenant isolation over every route (%s)', (dialect) => {
  let s: TestServer;
  let annaA: TestClient;
  let annaB: TestClient;
  let daanB: TestClient;
  let deviceB: DeviceClient;
  let codeOfA = '';
  const a = { post: '', comment: '', group: '', person: '', image: '', privateGroup: '', device: '' };
  let aIds: string[] = [];

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1 }, { slug: 'ander', seed: 2 }] });
    annaA = await s.login('1001', 'demo');
    annaB = await s.login('1001', 'ander');
    const image = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
    a.image = (await annaA.request('POST', '/v1/images', { raw: image, contentType: 'image/png' })).body.id;
    const post = await annaA.post('/v1/posts', { body: 'Alleen voor organisatie A #geheim', imageIds: [a.image] });
    a.post = post.body.id;
    a.comment = (await annaA.post(`/v1/posts/${a.post}/comments`, { body: 'Reactie in A' })).body.id;
    const groups = (await annaA.get('/v1/groups')).body.items;
    a.group = groups.find((g: { visibility: string }) => g.visibility === 'open').id;
    a.privateGroup = groups.find((g: { name: string }) => g.name === 'Team 3B').id;
    a.person = (await annaA.get('/v1/me')).body.person.id;
    a.device = (await s.enrolDevice({ organisation: 'demo' })).deviceId;
    codeOfA = (await (await s.login('1004', 'demo')).post('/v1/admin/enrolment-codes', { name: 'PC van A', mode: 'shared' })).body.code;
    daanB = await s.login('1004', 'ander');
    deviceB = await s.enrolDevice({ organisation: 'ander' });
    aIds = Object.values(a);
  });
  afterAll(() => s?.close());

  /** How tenant B's Anna tries each route against tenant A's things. */
  const attempts: Record<RouteName, () => Promise<Answer>> = {
    health: () => annaB.get('/health'),
    openapi: () => annaB.get('/v1/openapi.json'),
    authPassword: () => s.client().post('/v1/auth/password', { employeeNumber: '1001', password: 'welkom-anna' }),
    logout: async () => (await s.login('1002', 'ander')).post('/v1/auth/logout', { reason: 'switch' }),
    // The same badge ids and PINs exist in both demo organisations: B's device only ever finds B's people.
    authBadge: () => deviceB.badge(DEMO_BADGES['1001']!, DEMO_PINS['1001']),
    authPin: () => deviceB.pin('1001', DEMO_PINS['1001']!),
    enrolDevice: () => s.client().post('/v1/devices/enrol', { code: codeOfA, organisation: 'ander' }),
    deviceMe: () => deviceB.get('/v1/devices/me'),
    createEnrolmentCode: () => daanB.post('/v1/admin/enrolment-codes', { name: 'PC van B', mode: 'kiosk' }),
    listDevices: () => daanB.get('/v1/admin/devices'),
    revokeDevice: () => daanB.delete(buildPath(routes.revokeDevice.path, { id: a.device })),
    liftDeviceSuspension: () => daanB.delete(buildPath(routes.liftDeviceSuspension.path, { id: a.device })),
    listAuditEvents: () => daanB.get(`/v1/admin/audit?personId=${a.person}&limit=500`),
    exportAuditEvents: () => daanB.get(`/v1/admin/audit.csv?personId=${a.person}`),
    me: () => annaB.get('/v1/me'),
    listPeople: () => annaB.get('/v1/people?limit=200'),
    getPerson: () => annaB.get(buildPath(routes.getPerson.path, { id: a.person })),
    listGroups: () => annaB.get('/v1/groups'),
    getGroup: () => annaB.get(buildPath(routes.getGroup.path, { id: a.group })),
    createGroup: () => annaB.post('/v1/groups', { id: a.group, name: 'Overname', kind: 'informal', visibility: 'open' }),
    listGroupMembers: () => annaB.get(buildPath(routes.listGroupMembers.path, { id: a.group })),
    addGroupMember: () => annaB.put(buildPath(routes.addGroupMember.path, { id: a.group, personId: a.person }), {}),
    removeGroupMember: () => annaB.delete(buildPath(routes.removeGroupMember.path, { id: a.privateGroup, personId: a.person })),
    listPosts: () => annaB.get('/v1/posts?limit=100&hashtag=geheim'),
    getPost: () => annaB.get(buildPath(routes.getPost.path, { id: a.post })),
    createPost: () => annaB.post('/v1/posts', { id: a.post, body: 'Overschrijven?', groupId: a.group, imageIds: [a.image] }),
    editPost: () => annaB.patch(buildPath(routes.editPost.path, { id: a.post }), { body: 'Gewijzigd door B' }),
    deletePost: () => annaB.delete(buildPath(routes.deletePost.path, { id: a.post })),
    listComments: () => annaB.get(buildPath(routes.listComments.path, { id: a.post })),
    createComment: () => annaB.post(buildPath(routes.createComment.path, { id: a.post }), { body: 'Van B' }),
    deleteComment: () => annaB.delete(buildPath(routes.deleteComment.path, { id: a.comment })),
    likePost: () => annaB.put(buildPath(routes.likePost.path, { id: a.post })),
    unlikePost: () => annaB.delete(buildPath(routes.unlikePost.path, { id: a.post })),
    uploadImage: () => annaB.request('POST', '/v1/images', { raw: Buffer.from('not an image'), contentType: 'image/png' }),
    getImage: () => annaB.get(buildPath(routes.getImage.path, { id: a.image })),
    sync: () => annaB.get('/v1/sync?since=0&limit=5000'),
    events: async () => {
      const res = await fetch(`${s.url}/v1/events`, { headers: { authorization: `Bearer ${annaB.token}`, 'last-event-id': '0' } });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes('event: seq')) text += (await reader.read()).value ?? '';
      await reader.cancel();
      return { status: res.status, body: text, headers: res.headers };
    },
  };

  it('has an attempt for every route, so a new route cannot skip this test', () => {
    expect(Object.keys(attempts).sort()).toEqual(Object.keys(routes).sort());
  });

  // Creating with A's ids runs last: B may own a group or post under the same id in its own tenant,
  // and the later lookups would rightly find B's own.
  const creates: RouteName[] = ['createGroup', 'createPost'];
  const order = [...(Object.keys(routes) as RouteName[]).filter((n) => !creates.includes(n)), ...creates];

  it.each(order)('%s never shows or changes tenant A', async (name) => {
    const before = await stateOfA();
    const res = await attempts[name]();
    const text = JSON.stringify(res.body);
    // Ids B sent itself may come back (B can make its own group with any fresh id); nothing else of A may.
    const sentByB = ['createGroup', 'createPost'].includes(name) ? [a.group, a.post] : [];
    for (const id of aIds.filter((i) => !sentByB.includes(i))) expect(text, `${name} leaked ${id}`).not.toContain(id);
    expect(text).not.toContain('Alleen voor organisatie A');
    if (res.status < 300 && ['getPerson', 'getGroup', 'listGroupMembers', 'getPost', 'listComments', 'getImage', 'editPost', 'deletePost', 'createComment', 'deleteComment', 'likePost', 'unlikePost', 'addGroupMember', 'removeGroupMember', 'revokeDevice', 'liftDeviceSuspension', 'enrolDevice'].includes(name)) {
      throw new Error(`${name} succeeded across tenants with ${res.status}`);
    }
    expect(await stateOfA()).toEqual(before);
  });

  async function stateOfA() {
    const k = s.db.kysely;
    const t = s.tenants.demo!;
    const post = await k.selectFrom('posts').select(['body', 'like_count', 'comment_count']).where('tenant_id', '=', t).where('id', '=', a.post).executeTakeFirst();
    const members = await k.selectFrom('group_members').select('person_id').where('tenant_id', '=', t).where('group_id', 'in', [a.group, a.privateGroup]).orderBy('person_id').execute();
    const comment = await k.selectFrom('comments').select('body').where('tenant_id', '=', t).where('id', '=', a.comment).executeTakeFirst();
    const group = await k.selectFrom('groups').select(['name', 'member_count']).where('tenant_id', '=', t).where('id', '=', a.group).executeTakeFirst();
    const device = await k.selectFrom('devices').select(['name', 'revoked_at']).where('tenant_id', '=', t).where('id', '=', a.device).executeTakeFirst();
    const codes = await k.selectFrom('enrolment_codes').select(['used_at', 'device_id']).where('tenant_id', '=', t).orderBy('created_at').execute();
    return { post, members, comment, group, device, codes };
  }
});

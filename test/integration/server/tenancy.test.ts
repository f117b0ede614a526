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
  let carlaB: TestClient;
  let codeOfA = '';
  const a = { post: '', comment: '', group: '', person: '', image: '', privateGroup: '', device: '', section: '', page: '', attachment: '', quickLink: '', search: '', mailing: '', mailTokenKey: '', poll: '', pollOption: '', kiosk: '', scheduled: '', review: '' };
  let kioskB: DeviceClient;
  let tenantB = '';
  let aIds: string[] = [];

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1 }, { slug: 'ander', seed: 2 }] });
    annaA = await s.login('1001', 'demo');
    annaB = await s.login('1001', 'ander');
    const image = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
    a.image = (await annaA.request('POST', '/v1/images', { raw: image, contentType: 'image/png' })).body.id;
    const post = await annaA.post('/v1/posts', { body: 'Alleen voor organisatie A #geheim', imageIds: [a.image], photoConsent: true });
    a.post = post.body.id;
    a.comment = (await annaA.post(`/v1/posts/${a.post}/comments`, { body: 'Reactie in A' })).body.id;
    const groups = (await annaA.get('/v1/groups')).body.items;
    a.group = groups.find((g: { visibility: string }) => g.visibility === 'open').id;
    a.privateGroup = groups.find((g: { name: string }) => g.name === 'Team 3B').id;
    a.person = (await annaA.get('/v1/me')).body.person.id;
    a.device = (await s.enrolDevice({ organisation: 'demo' })).deviceId;
    codeOfA = (await (await s.login('1004', 'demo')).post('/v1/admin/enrolment-codes', { name: 'PC van A', mode: 'shared' })).body.code;
    const carlaA = await s.login('1003', 'demo');
    a.section = (await carlaA.post('/v1/kb/sections', { title: 'Sectie van A' })).body.id;
    a.page = (await carlaA.post('/v1/kb/pages', { title: 'Pagina van A', body: 'Alleen voor organisatie A: zolderkluis', sectionId: a.section })).body.id;
    a.attachment = (await carlaA.request('POST', `/v1/kb/pages/${a.page}/attachments?name=a.pdf`, { raw: Buffer.from('%PDF-1.7\n%%EOF\n'), contentType: 'application/pdf' })).body.id;
    await carlaA.put(`/v1/posts/${a.post}/read-requirement`, { audience: { everyone: true } });
    await annaA.post('/v1/post-views', { postIds: [a.post] });
    const poll = await carlaA.post('/v1/polls', { question: 'Alleen voor organisatie A: welke dag?', options: ['Maandag', 'Dinsdag'] });
    a.poll = poll.body.id;
    a.pollOption = poll.body.options[0].id;
    await annaA.post(`/v1/polls/${a.poll}/votes`, { optionIds: [a.pollOption] });
    a.scheduled = (await annaA.post('/v1/posts', { body: 'Gepland, alleen voor A', publishAt: new Date(Date.now() + 3_600_000).toISOString() })).body.id;
    a.review = (await annaA.post('/v1/posts', { body: 'Concept, alleen voor A', review: 'look' })).body.id;
    a.quickLink = (await carlaA.post('/v1/kb/quick-links', { title: 'Snel naar A', pageId: a.page, icon: 'star' })).body.id;
    await annaA.put(`/v1/kb/pages/${a.page}/favourite`);
    a.search = (await annaA.get('/v1/search?q=zolderkluis')).body.searchId;
    const mailing = await carlaA.post('/v1/mailings', { subject: 'Mailing van A', intro: 'Alleen voor A', postIds: [a.post], audience: { all: true } });
    a.mailing = mailing.body.id;
    await carlaA.post(`/v1/mailings/${a.mailing}/send`, {});
    const token = (await s.db.kysely.selectFrom('mailing_recipients').select('token').where('tenant_id', '=', s.tenants.demo!).where('mailing_id', '=', a.mailing).executeTakeFirstOrThrow()).token;
    // The random half of one of A's tokens: B tries it under its own tenant.
    a.mailTokenKey = token.split('.')[1]!;
    const kioskA = await s.enrolDevice({ organisation: 'demo', mode: 'kiosk', name: 'Kiosk van A' });
    a.kiosk = kioskA.deviceId;
    await kioskA.post('/v1/kiosk/heartbeat', { version: '0.1.0' });
    await carlaA.put('/v1/admin/kiosk-playlists', { scope: 'kiosk', targetId: a.kiosk, entries: [{ kind: 'slide', id: '01930000-0000-7000-8000-000000000001', seconds: 10, weight: 1, title: 'Alleen voor organisatie A' }] });
    tenantB = s.tenants.ander!;
    daanB = await s.login('1004', 'ander');
    carlaB = await s.login('1003', 'ander');
    deviceB = await s.enrolDevice({ organisation: 'ander' });
    kioskB = await s.enrolDevice({ organisation: 'ander', mode: 'kiosk' });
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
    updateGroup: () => daanB.patch(buildPath(routes.updateGroup.path, { id: a.group }), { name: 'Overname', archived: true }),
    updateMyMembership: () => annaB.patch(buildPath(routes.updateMyMembership.path, { id: a.privateGroup }), { muted: true }),
    requestToJoin: () => annaB.post(buildPath(routes.requestToJoin.path, { id: a.group })),
    listJoinRequests: () => daanB.get(buildPath(routes.listJoinRequests.path, { id: a.group })),
    decideJoinRequest: () => daanB.post(buildPath(routes.decideJoinRequest.path, { id: a.group, requestId: a.post }), { decision: 'approve' }),
    recordGroupVisits: () => annaB.post('/v1/group-visits', { visits: [{ groupId: a.group, enteredAt: '2026-01-05T09:00:00.000Z', leftAt: '2026-01-05T09:05:00.000Z' }] }),
    updatePlacement: () => daanB.patch(buildPath(routes.updatePlacement.path, { id: a.person }), { departmentId: null, locationId: null }),
    listPosts: () => annaB.get('/v1/posts?limit=100&hashtag=geheim'),
    getPost: () => annaB.get(buildPath(routes.getPost.path, { id: a.post })),
    createPost: () => annaB.post('/v1/posts', { id: a.post, body: 'Overschrijven?', groupId: a.group, imageIds: [a.image], photoConsent: true }),
    editPost: () => annaB.patch(buildPath(routes.editPost.path, { id: a.post }), { body: 'Gewijzigd door B' }),
    deletePost: () => annaB.delete(buildPath(routes.deletePost.path, { id: a.post })),
    // B's editor sees every scheduled post of her own organisation, and none of A's.
    listScheduledPosts: () => carlaB.get('/v1/scheduled-posts'),
    bestPostingTime: () => annaB.get('/v1/scheduling/best-time'),
    setCategories: () => carlaB.put('/v1/categories', { items: [{ tag: 'alleenb', colour: '#123456' }] }),
    listMyReviews: () => annaB.get('/v1/post-reviews/mine'),
    listReviewQueue: () => carlaB.get('/v1/post-reviews/queue'),
    getReview: () => carlaB.get(buildPath(routes.getReview.path, { id: a.review })),
    addReviewNote: () => carlaB.post(buildPath(routes.addReviewNote.path, { id: a.review }), { id: '01930000-0000-7000-8000-00000000000b', kind: 'comment', body: 'Van B' }),
    approveReview: () => carlaB.post(buildPath(routes.approveReview.path, { id: a.review })),
    returnReview: () => carlaB.post(buildPath(routes.returnReview.path, { id: a.review }), { comment: 'Van B' }),
    publishReview: () => annaB.post(buildPath(routes.publishReview.path, { id: a.review }), { body: 'Van B' }),
    setPostApproval: () => carlaB.put('/v1/post-approval', { groupId: a.group, required: true }),
    getStarterSettings: () => carlaB.get('/v1/conversation-starters'),
    setStarterSettings: () => carlaB.put('/v1/conversation-starters', { questions: [{ text: 'Alleen voor B?' }], rhythm: { kind: 'weekly', weekday: 2, time: '14:00' }, groupId: a.group, enabled: true }),
    askNextStarter: () => carlaB.post('/v1/conversation-starters/ask-now'),
    listComments: () => annaB.get(buildPath(routes.listComments.path, { id: a.post })),
    createComment: () => annaB.post(buildPath(routes.createComment.path, { id: a.post }), { body: 'Van B' }),
    deleteComment: () => annaB.delete(buildPath(routes.deleteComment.path, { id: a.comment })),
    likePost: () => annaB.put(buildPath(routes.likePost.path, { id: a.post })),
    unlikePost: () => annaB.delete(buildPath(routes.unlikePost.path, { id: a.post })),
    setReaction: () => annaB.put(buildPath(routes.setReaction.path, { id: a.post }), { kind: 'hart' }),
    removeReaction: () => annaB.delete(buildPath(routes.removeReaction.path, { id: a.post })),
    uploadImage: () => annaB.request('POST', '/v1/images', { raw: Buffer.from('not an image'), contentType: 'image/png' }),
    getImage: () => annaB.get(buildPath(routes.getImage.path, { id: a.image })),
    uploadVideo: () => annaB.request('POST', '/v1/videos', { raw: Buffer.from('not a video'), contentType: 'video/mp4' }),
    getVideo: () => annaB.get(buildPath(routes.getVideo.path, { id: a.image })),
    getVideoPoster: () => annaB.get(buildPath(routes.getVideoPoster.path, { id: a.image })),
    sync: () => annaB.get('/v1/sync?since=0&limit=5000'),
    getKbTree: () => annaB.get('/v1/kb/tree'),
    createSection: () => carlaB.post('/v1/kb/sections', { title: 'Overname', parentId: a.section }),
    updateSection: () => carlaB.patch(buildPath(routes.updateSection.path, { id: a.section }), { title: 'Overname' }),
    deleteSection: () => carlaB.delete(buildPath(routes.deleteSection.path, { id: a.section })),
    createPage: () => carlaB.post('/v1/kb/pages', { title: 'Overname', body: 'x', sectionId: a.section }),
    getPage: () => annaB.get(buildPath(routes.getPage.path, { id: a.page })),
    updatePage: () => carlaB.patch(buildPath(routes.updatePage.path, { id: a.page }), { title: 'Overname' }),
    deletePage: () => carlaB.delete(buildPath(routes.deletePage.path, { id: a.page })),
    listPageVersions: () => carlaB.get(buildPath(routes.listPageVersions.path, { id: a.page })),
    getPageVersion: () => carlaB.get(buildPath(routes.getPageVersion.path, { id: a.page, version: '1' })),
    diffPageVersions: () => carlaB.get(`${buildPath(routes.diffPageVersions.path, { id: a.page })}?from=1`),
    restorePageVersion: () => carlaB.post(buildPath(routes.restorePageVersion.path, { id: a.page, version: '1' })),
    uploadAttachment: () => carlaB.request('POST', `${buildPath(routes.uploadAttachment.path, { id: a.page })}?name=b.pdf`, { raw: Buffer.from('%PDF-1.7\n'), contentType: 'application/pdf' }),
    getAttachment: () => annaB.get(buildPath(routes.getAttachment.path, { id: a.attachment })),
    deleteAttachment: () => carlaB.delete(buildPath(routes.deleteAttachment.path, { id: a.attachment })),
    listQuickLinks: () => annaB.get('/v1/kb/quick-links'),
    createQuickLink: () => carlaB.post('/v1/kb/quick-links', { title: 'Overname', pageId: a.page, icon: 'star' }),
    updateQuickLink: () => carlaB.patch(buildPath(routes.updateQuickLink.path, { id: a.quickLink }), { title: 'Overname' }),
    deleteQuickLink: () => carlaB.delete(buildPath(routes.deleteQuickLink.path, { id: a.quickLink })),
    setPageFeedback: () => annaB.put(buildPath(routes.setPageFeedback.path, { id: a.page }), { helpful: false }),
    getPageFeedback: () => carlaB.get(buildPath(routes.getPageFeedback.path, { id: a.page })),
    favouritePage: () => annaB.put(buildPath(routes.favouritePage.path, { id: a.page })),
    unfavouritePage: () => annaB.delete(buildPath(routes.unfavouritePage.path, { id: a.page })),
    listFavourites: () => annaB.get('/v1/kb/favourites'),
    reviewOverview: () => carlaB.get('/v1/kb/review'),
    search: () => annaB.get('/v1/search?q=zolderkluis&limit=50'),
    recordSearchClick: () => annaB.post('/v1/search/clicks', { searchId: a.search, kind: 'page', id: a.page, position: 0 }),
    searchStats: () => carlaB.get('/v1/search/stats'),
    getSynonyms: () => annaB.get('/v1/search/synonyms'),
    setSynonyms: () => carlaB.put('/v1/search/synonyms', { items: [{ term: 'zolderkluis', synonyms: ['kelder'] }] }),
    markReadRequired: () => carlaB.put(buildPath(routes.markReadRequired.path, { id: a.post }), { audience: { everyone: true } }),
    unmarkReadRequired: () => carlaB.delete(buildPath(routes.unmarkReadRequired.path, { id: a.post })),
    confirmRead: () => annaB.put(buildPath(routes.confirmRead.path, { id: a.post })),
    postponeRead: () => annaB.post(buildPath(routes.postponeRead.path, { id: a.post })),
    listReadRequirements: () => carlaB.get('/v1/read-requirements'),
    readReport: () => carlaB.get(buildPath(routes.readReport.path, { id: a.post })),
    readReportCsv: () => carlaB.get(buildPath(routes.readReportCsv.path, { id: a.post })),
    sendReadReminders: () => carlaB.post(buildPath(routes.sendReadReminders.path, { id: a.post })),
    recordPostViews: () => annaB.post('/v1/post-views', { postIds: [a.post] }),
    previewMailing: () => carlaB.post('/v1/mailings/preview', { subject: 'Van B', intro: 'x', postIds: [a.post], pageIds: [a.page], audience: { groupIds: [a.group] } }),
    // The post is refused the same way in the preview above; here A's poll is tried.
    createMailing: () => carlaB.post('/v1/mailings', { subject: 'Van B', intro: 'x', postIds: [], pollId: a.poll, audience: { all: true } }),
    listMailings: () => carlaB.get('/v1/mailings'),
    listMailingPolls: () => carlaB.get('/v1/mailings/polls'),
    getMailing: () => carlaB.get(buildPath(routes.getMailing.path, { id: a.mailing })),
    sendMailing: () => carlaB.post(buildPath(routes.sendMailing.path, { id: a.mailing }), {}),
    getMailPreference: () => annaB.get('/v1/me/mail'),
    setMailPreference: () => annaB.put('/v1/me/mail', { optedOut: true }),
    getMailSettings: () => daanB.get('/v1/admin/mail-settings'),
    setMailSettings: () => daanB.put('/v1/admin/mail-settings', { smtpUrl: 'smtp://127.0.0.1:1', fromAddress: 'b@ander.example' }),
    testMailSettings: () => daanB.post('/v1/admin/mail-settings/test', { to: 'b@ander.example' }),
    unsubscribePage: () => annaB.get(buildPath(routes.unsubscribePage.path, { token: `${tenantB}.${a.mailTokenKey}` })),
    unsubscribe: () => annaB.request('POST', buildPath(routes.unsubscribe.path, { token: `${tenantB}.${a.mailTokenKey}` }), { raw: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' }),
    mailingVisit: () => annaB.get(`${buildPath(routes.mailingVisit.path, { token: `${tenantB}.${a.mailTokenKey}` })}?to=post:${a.post}`),
    recordStatsEvents: () => annaB.post('/v1/stats/events', { events: [{ id: crypto.randomUUID(), kind: 'post_view', at: new Date().toISOString(), subjectId: a.post }] }),
    statsSocial: () => annaB.get('/v1/stats/social'),
    reportItem: () => annaB.post('/v1/moderation/reports', { itemKind: 'post', itemId: a.post, reason: 'privacy' }),
    moderationQueue: () => carlaB.get('/v1/moderation/queue'),
    hideItem: () => carlaB.post(buildPath(routes.hideItem.path, { kind: 'post', id: a.post }), { reason: 'Van B' }),
    dismissItem: () => carlaB.post(buildPath(routes.dismissItem.path, { kind: 'comment', id: a.comment })),
    restoreItem: () => carlaB.post(buildPath(routes.restoreItem.path, { kind: 'post', id: a.post })),
    statsActivity: () => carlaB.get('/v1/stats/activity'),
    statsPeople: () => carlaB.get('/v1/stats/people'),
    statsSessions: () => carlaB.get('/v1/stats/sessions'),
    statsDevices: () => carlaB.get('/v1/stats/devices'),
    statsPosts: () => carlaB.get('/v1/stats/posts'),
    statsGroups: () => carlaB.get('/v1/stats/groups'),
    statsSearch: () => carlaB.get('/v1/stats/search'),
    statsReadConfirmations: () => carlaB.get('/v1/stats/read-confirmations'),
    exportStats: () => carlaB.get('/v1/stats/export.csv?report=posts'),
    createPoll: () => annaB.post('/v1/polls', { question: 'In de groep van A?', options: ['Ja', 'Nee'], groupId: a.group }),
    getPoll: () => annaB.get(buildPath(routes.getPoll.path, { id: a.poll })),
    votePoll: () => annaB.post(buildPath(routes.votePoll.path, { id: a.poll }), { optionIds: [a.pollOption] }),
    kioskHeartbeat: () => kioskB.post('/v1/kiosk/heartbeat', { version: '0.1.0' }),
    listKiosks: () => carlaB.get('/v1/admin/kiosks'),
    setKioskLocation: () => carlaB.put(buildPath(routes.setKioskLocation.path, { id: a.kiosk }), { locationId: null }),
    kioskSignagePreview: () => carlaB.get(buildPath(routes.kioskSignagePreview.path, { id: a.kiosk })),
    getPlaylist: () => carlaB.get(`/v1/admin/kiosk-playlists?scope=kiosk&targetId=${a.kiosk}`),
    savePlaylist: () => carlaB.put('/v1/admin/kiosk-playlists', { scope: 'kiosk', targetId: a.kiosk, entries: [] }),
    getMyCelebrations: () => annaB.get('/v1/me/celebrations'),
    setMyCelebrations: () => annaB.put('/v1/me/celebrations', { birthdayShown: false }),
    // The same employee numbers exist in both demo organisations: B's admin only ever reaches B's people.
    importHr: () => daanB.post('/v1/admin/hr-import', { dryRun: false, rows: [{ employeeNumber: '1001', birthday: '01-01-1980', hireDate: '2001-01-01' }, { employeeNumber: '1002', birthday: '02-02' }] }),
    listAmbassadors: () => annaB.get('/v1/ambassadors'),
    setAmbassador: () => daanB.put(buildPath(routes.setAmbassador.path, { id: a.person }), { ambassador: true, line: 'Alleen voor organisatie A' }),
    getMyTour: () => annaB.get('/v1/me/tour'),
    finishMyTour: () => annaB.put('/v1/me/tour', { outcome: 'done' }),
    restartTour: () => daanB.post(buildPath(routes.restartTour.path, { id: a.person }), {}),
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
    const mustFail = ['getPerson', 'getGroup', 'listGroupMembers', 'getPost', 'listComments', 'getImage', 'getVideo', 'getVideoPoster', 'editPost', 'deletePost', 'createComment', 'deleteComment', 'likePost', 'unlikePost', 'setReaction', 'removeReaction', 'addGroupMember', 'removeGroupMember', 'revokeDevice', 'liftDeviceSuspension', 'enrolDevice', 'createPoll', 'getPoll', 'votePoll', 'setKioskLocation', 'kioskSignagePreview', 'savePlaylist', 'setAmbassador', 'restartTour'];
    const mustFailKb = ['createSection', 'updateSection', 'deleteSection', 'createPage', 'getPage', 'updatePage', 'deletePage', 'listPageVersions', 'getPageVersion', 'diffPageVersions', 'restorePageVersion', 'uploadAttachment', 'getAttachment', 'deleteAttachment', 'createQuickLink', 'updateQuickLink', 'deleteQuickLink', 'setPageFeedback', 'getPageFeedback', 'favouritePage', 'unfavouritePage', 'recordSearchClick'];
    const mustFailMail = ['previewMailing', 'createMailing', 'getMailing', 'sendMailing', 'unsubscribePage', 'unsubscribe', 'mailingVisit'];
    if (res.status < 300 && [...mustFail, ...mustFailKb, ...mustFailMail].includes(name)) {
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
    const page = await k.selectFrom('kb_pages').select(['title', 'body', 'version', 'section_id']).where('tenant_id', '=', t).where('id', '=', a.page).executeTakeFirst();
    const section = await k.selectFrom('kb_sections').select('title').where('tenant_id', '=', t).where('id', '=', a.section).executeTakeFirst();
    const knowledge = {
      page,
      section,
      attachments: await k.selectFrom('kb_attachments').select('id').where('tenant_id', '=', t).where('page_id', '=', a.page).execute(),
      quickLink: await k.selectFrom('kb_quick_links').select(['title', 'page_id']).where('tenant_id', '=', t).where('id', '=', a.quickLink).executeTakeFirst(),
      favourites: await k.selectFrom('kb_favourites').select('person_id').where('tenant_id', '=', t).where('page_id', '=', a.page).execute(),
      feedback: await k.selectFrom('kb_feedback').select('person_id').where('tenant_id', '=', t).where('page_id', '=', a.page).execute(),
      clicks: await k.selectFrom('search_clicks').select('target_id').where('tenant_id', '=', t).execute(),
      synonyms: await k.selectFrom('search_synonyms').select('entries').where('tenant_id', '=', t).execute(),
    };
    const mail = {
      people: await k.selectFrom('person_mail').select(['person_id', 'opted_out']).where('tenant_id', '=', t).orderBy('person_id').execute(),
      mailings: await k.selectFrom('mailings').select(['id', 'status']).where('tenant_id', '=', t).execute(),
      visits: await k.selectFrom('mailing_visits').select('id').where('tenant_id', '=', t).execute(),
      settings: await k.selectFrom('mail_settings').select('smtp_url').where('tenant_id', '=', t).execute(),
    };
    const kiosks = {
      registry: await k.selectFrom('kiosks').select(['device_id', 'location_id', 'version']).where('tenant_id', '=', t).execute(),
      playlists: await k.selectFrom('kiosk_playlists').select(['scope', 'target_id', 'entries']).where('tenant_id', '=', t).execute(),
    };
    const people = await k.selectFrom('people').select(['employee_number', 'birthday', 'hire_date', 'birthday_hidden']).where('tenant_id', '=', t).orderBy('employee_number').execute();
    return { post, members, comment, group, device, codes, knowledge, mail, kiosks, people };
  }
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { samenMethods, type SamenMethod } from '../../../../common/src/ipc/contract.js';
import { groupId, personId, startCore, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();
/** A 1×1 PNG, for a slide's photo. */
const SLIDE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
/**
 * Methods of shared and kiosk devices only: their answers are checked in session/quickLogin.test.ts,
 * device/enrolment.test.ts and kiosk/kioskSignage.test.ts.
 */
const QUICK_LOGIN_METHODS = ['session.badge', 'session.pin', 'device.enrol', 'kiosk.signage'] as const;
type QuickLoginMethod = (typeof QUICK_LOGIN_METHODS)[number];
/** The knowledge base and search: checked for an editor below, who may use all of them. */
type KbOrSearchMethod = Extract<SamenMethod, `kb.${string}` | `search.${string}`>;
const isKbOrSearch = (m: string) => m.startsWith('kb.') || m.startsWith('search.');

describe('every window.samen method of the core', () => {
  let server: TestServer;
  let running: CoreUnderTest | null = null;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));
  afterEach(async () => {
    await running?.core.stop();
    running = null;
  });

  it('answers what the contract promises, for a logged-in person', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    await running.login('1001');
    const { core } = running;
    await waitFor(async () => {
      const groups = await core.invoke('groups.mine', {});
      return groups.ok && groups.value.items.some((g) => g.name === 'Team 3B');
    }, 'first sync, shared and personal');
    const anna = await personId(server, '1001');
    const team = await groupId(server, 'Team 3B');
    const post = await core.invoke('post.create', { body: 'Contracttest #samen @anna.devries', groupId: team });
    if (!post.ok) throw new Error(post.error.message);

    const carla = await server.login('1003');
    const draft = await carla.post('/v1/mailings', { subject: 'Contracttest', intro: 'Hallo', postIds: [], audience: { all: true } });
    const mailing = { subject: 'Contracttest', intro: 'Hallo', postIds: [], audience: { all: true } };
    // Groups to use the group calls on: an open one to join and leave, and a closed one she is an admin of, with a request waiting.
    const [bram, eva] = await Promise.all([server.login('1002'), server.login('1005')]);
    const evaId = await personId(server, '1005');
    const open = (await bram.post('/v1/groups', { name: 'Contract open', kind: 'informal', visibility: 'open' })).body.id;
    const closed = (await bram.post('/v1/groups', { name: 'Contract besloten', kind: 'work', visibility: 'closed' })).body.id;
    await bram.put(`/v1/groups/${closed}/members/${anna}`, { role: 'admin' });
    const request = (await eva.post(`/v1/groups/${closed}/requests`)).body.id;
    const kiosk = (await server.enrolDevice({ mode: 'kiosk', name: 'Contractkiosk' })).deviceId;
    const poll = (await carla.post('/v1/polls', { question: 'Contractpeiling', options: ['Ja', 'Nee'] })).body;
    // A "lezen verplicht" post for everyone, for Anna to confirm and Carla to report on.
    const required = (await carla.post('/v1/posts', { body: 'Contracttest: lezen verplicht' })).body.id as string;
    await carla.put(`/v1/posts/${required}/read-requirement`, { audience: { everyone: true } });
    // Someone else's post to report: one does not report one's own.
    const reportable = (await bram.post('/v1/posts', { body: 'Contracttest: om te melden' })).body.id as string;
    await core.invoke('sync.now', {});
    // Carla edits and, for this test, also administers: the mail settings are for admins.
    await server.db.kysely.updateTable('people').set({ roles: '["employee","editor","admin"]' }).where('tenant_id', '=', server.tenants.demo!).where('employee_number', '=', '1003').execute();

    const planned = await core.invoke('post.create', { body: 'Gepland voor later', publishAt: new Date(Date.now() + 3_600_000).toISOString() });
    if (!planned.ok) throw new Error(`scheduling a post: ${planned.error.code}`);
    const forCoach = await core.invoke('post.create', { body: 'Concept voor een coach', review: 'look' });
    if (!forCoach.ok) throw new Error(`asking a coach: ${forCoach.error.code}`);

    const calls: { [M in Exclude<SamenMethod, QuickLoginMethod | KbOrSearchMethod>]: unknown } = {
      'session.state': {},
      'session.activity': {},
      'outbox.stranded': {},
      'outbox.resolve': { ids: [], action: 'discard' },
      'theme.get': {},
      'timeline.list': { limit: 5 },
      'timeline.pinned': {},
      'post.get': { id: post.value.id },
      'post.create': { body: 'Nog een' },
      'post.like': { id: post.value.id, liked: true },
      'post.react': { id: post.value.id, kind: 'applaus' },
      'post.scheduled': {},
      'post.unschedule': { id: planned.value.id },
      'scheduling.bestTime': {},
      'categories.list': {},
      'poll.create': { question: 'Koffie of thee?', options: ['Koffie', 'Thee'], groupId: closed },
      'poll.vote': { id: poll.id, optionIds: [poll.options[0].id] },
      'polls.running': {},
      'comment.list': { postId: post.value.id },
      'comment.create': { postId: post.value.id, body: 'Reactie' },
      'people.card': { id: anna },
      'people.suggest': { prefix: 'ann' },
      'hashtags.suggest': { prefix: '' },
      'groups.mine': {},
      'groups.overview': {},
      'groups.get': { id: closed },
      'groups.members': { id: closed },
      'groups.create': { name: 'Contractgroep', kind: 'informal', visibility: 'open' },
      'groups.join': { id: open },
      'groups.leave': { id: open },
      'groups.setPreferences': { id: closed, muted: true },
      'groups.update': { id: closed, description: 'Bijgewerkt' },
      'groups.requests': { id: closed },
      'groups.decide': { id: closed, requestId: request, decision: 'approve' },
      'groups.setMember': { id: closed, personId: evaId, role: 'member' },
      'groups.removeMember': { id: closed, personId: evaId },
      'groups.visit': { id: closed, open: true },
      'sync.status': {},
      'sync.now': {},
      'app.setLanguage': { language: 'en' },
      'notices.settings': {},
      'notices.setSettings': { doNotDisturb: true, kinds: { reply: false }, quietHours: { from: '22:00', to: '07:00' } },
      'readConfirmations.firstReads': {},
      'readConfirmations.later': { id: required },
      'readConfirmations.confirm': { id: required },
      'postViews.seen': { postIds: [required] },
      'post.delete': { id: post.value.id },
      'mail.preference': {},
      'mail.setPreference': { optedOut: false },
      // Logging in again starts a new session whose private data syncs afresh, so it comes last; as an
      // editor, so that the mailing methods answer too.
      'session.loginPassword': { employeeNumber: '1003', password: 'welkom-carla' },
      'mailings.choices': {},
      'mailings.list': {},
      'mailings.preview': mailing,
      'mailings.create': mailing,
      'mailings.get': { id: draft.body.id },
      'mailings.send': { id: draft.body.id },
      'mailSettings.get': {},
      'mailSettings.set': { smtpUrl: null },
      'mailSettings.test': { to: 'carla@demo.example' },
      'kiosks.list': {},
      'kiosks.setLocation': { id: kiosk, locationId: null },
      'kiosks.playlist': { scope: 'organisation', targetId: null },
      'kiosks.savePlaylist': { scope: 'kiosk', targetId: kiosk, entries: [{ kind: 'pinned', seconds: 10, weight: 1 }] },
      'kiosks.uploadImage': { name: 'dia.png', mime: 'image/png', base64: SLIDE_PNG },
      'kiosks.preview': { id: kiosk },
      'celebrations.mine': {},
      'celebrations.setBirthdayShown': { shown: false },
      'hrImport.run': { dryRun: true, rows: [{ line: 2, employeeNumber: '1002', birthday: '07-04', hireDate: '2003-02-01' }] },
      'ambassadors.list': {},
      'ambassadors.mark': { personId: evaId, ambassador: true, line: 'Vraag mij over: roosters' },
      'tour.mine': {},
      'tour.finish': { outcome: 'done' },
      'tour.restart': { personId: anna },
      'categories.set': { items: [{ tag: 'tip', colour: '#1f6f5c' }] },
      'reviews.mine': {},
      'reviews.queue': {},
      'reviews.get': { id: forCoach.value.id },
      'reviews.approvalRequired': { groupId: null },
      'reviews.note': { id: forCoach.value.id, kind: 'comment', body: 'Mooi zo' },
      'reviews.decide': { id: forCoach.value.id, approve: false, comment: 'Nog niet' },
      'reviews.publish': { id: forCoach.value.id, body: 'Concept voor een coach' },
      'reviews.setApproval': { groupId: null, required: false },
      'starters.current': {},
      'starters.settings': {},
      'starters.save': { questions: [{ text: 'Hoe zorg jij voor een fijne werkdag?' }], rhythm: { kind: 'weekly', weekday: 2, time: '14:00' }, groupId: null, enabled: true },
      'starters.askNow': {},
      'stats.filters': {},
      'stats.dashboard': {},
      'stats.social': {},
      'moderation.report': { itemKind: 'post', itemId: reportable, reason: 'other', note: 'Contracttest' },
      'moderation.queue': {},
      'moderation.decide': { action: 'dismiss', itemKind: 'post', itemId: required },
      'stats.export': { report: 'activity' },
      'readConfirmations.audienceChoices': {},
      'readConfirmations.list': {},
      'readConfirmations.report': { id: required },
      'readConfirmations.csv': { id: required },
      'readConfirmations.remind': { id: required },
      'readConfirmations.require': { id: required, audience: { departmentIds: [] , everyone: true } },
      'readConfirmations.unrequire': { id: required },
      'session.logout': {},
      'session.lock': {},
    };
    for (const [method, input] of Object.entries(calls) as [SamenMethod, unknown][]) {
      const result = await core.invoke(method, input);
      expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true);
      if (result.ok) expect(samenMethods[method].output.safeParse(result.value).success, method).toBe(true);
    }
    expect([...Object.keys(calls), ...QUICK_LOGIN_METHODS].sort()).toEqual(Object.keys(samenMethods).filter((m) => !isKbOrSearch(m)).sort());
  });

  it('refuses the HR import to someone who is no admin', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    await running.login('1002');
    const rows = [{ line: 2, employeeNumber: '1002', birthday: '07-04' }];
    expect(await running.core.invoke('hrImport.run', { dryRun: true, rows })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers what the contract promises in the knowledge base and search, for an editor', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    await running.login('1003');
    const { core } = running;
    let firstId: string | null = null;
    await waitFor(async () => {
      const home = await core.invoke('kb.home', {});
      firstId = home.ok ? (home.value.pages[0]?.id ?? null) : null;
      return firstId !== null;
    }, 'the knowledge base synced');
    const first = { id: firstId! };
    const searchId = '01890000-0000-7000-8000-000000000001';
    const answer = async <M extends SamenMethod>(method: M, input: unknown) => {
      const result = await core.invoke(method, input);
      expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true);
      if (!result.ok) throw new Error(method);
      expect(samenMethods[method].output.safeParse(result.value).success, method).toBe(true);
      return result.value as never;
    };
    const used = new Set<string>();
    const call = <M extends KbOrSearchMethod>(method: M, input: unknown) => {
      used.add(method);
      return answer(method, input);
    };

    await call('kb.home', {});
    await call('kb.page', { id: first.id });
    await call('kb.favourite', { id: first.id, favourite: true });
    await call('kb.feedback', { id: first.id, helpful: true, comment: 'Duidelijk' });
    const section: { id: string } = await call('kb.createSection', { title: 'Contracttest', parentId: null });
    const page: { id: string; version: number } = await call('kb.savePage', { title: 'Contractpagina', body: '# Kop\n\nTekst', sectionId: section.id });
    await call('kb.savePage', { id: page.id, title: 'Contractpagina', body: '# Kop\n\nAndere tekst', sectionId: section.id, baseVersion: page.version });
    await call('kb.versions', { id: page.id });
    await call('kb.diff', { id: page.id, from: 1 });
    await call('kb.restore', { id: page.id, version: 1 });
    await call('kb.move', { kind: 'page', id: page.id, parentId: null, position: 0 });
    const file: { id: string } = await call('kb.uploadAttachment', { pageId: page.id, name: 'protocol.pdf', base64: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n').toString('base64') });
    await call('kb.attachment', { id: file.id });
    await call('kb.review', {});
    const links: { quickLinks: { id: string }[] } = await call('kb.saveQuickLink', { title: 'Contract', icon: 'file-text', pageId: page.id, url: null });
    await call('kb.deleteQuickLink', { id: links.quickLinks.at(-1)!.id });
    await call('kb.deletePage', { id: page.id });
    await call('search.local', { q: 'salris' });
    await call('search.remote', { q: 'salris', searchId });
    await call('search.click', { searchId, kind: 'page', id: first.id, position: 0 });
    await call('search.stats', {});
    const synonyms: { items: unknown[] } = await call('search.synonyms', {});
    await call('search.setSynonyms', { items: synonyms.items });

    expect([...used].sort()).toEqual(Object.keys(samenMethods).filter(isKbOrSearch).sort());
  });

  it('lets nobody write while logged out, and keeps showing the organisation’s content', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    await running.login('1002');
    await waitFor(async () => {
      const list = await running!.core.invoke('timeline.list', { limit: 1 });
      return list.ok && list.value.items.length > 0;
    }, 'first sync');
    await running.core.invoke('session.logout', {});

    expect(await running.core.invoke('post.create', { body: 'Hallo' })).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    const state = await running.core.invoke('session.state', {});
    expect(state).toMatchObject({ ok: true, value: { state: 'loggedOut', theme: { intranetName: expect.any(String) } } });
    const list = await running.core.invoke('timeline.list', { limit: 3 });
    expect(list.ok && list.value.items).toHaveLength(3);
    expect(list.ok && list.value.items.every((p) => !p.mine && !p.likedByMe)).toBe(true);
  });

  it('refuses a wrong password with its own code and stays logged out', async () => {
    running = startCore({ url: server.url, dataDir: tempDir() });
    const result = await running.core.invoke('session.loginPassword', { employeeNumber: '1001', password: 'fout' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(running.events['session.changed']).toEqual([]);
  });
});

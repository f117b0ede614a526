import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollView } from '../../../../common/src/api/routes/polls.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { waitFor } from '../../../fixtures/core/harness.js';
import { startSmtpSink, type SmtpSink } from '../../../fixtures/smtpSink.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

const HOSTILE_LABEL = '<img src=x onerror="alert(1)"> Zaterdag';

describe.each(dialects)('a poll in a mailing (%s)', { timeout: 120_000 }, (dialect) => {
  let smtp: SmtpSink;
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let tenant: string;
  let privateGroup: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    s = await startTestServer(dialect, { mail: { smtpUrl: smtp.url, ratePerSecond: 1000, retryBaseSeconds: 0.05, pollMs: 20 } });
    tenant = s.tenants.demo!;
    [carla, anna] = await Promise.all([s.login('1003'), s.login('1001')]);
    const groups = (await anna.get('/v1/groups')).body.items as { id: string; name: string }[];
    privateGroup = groups.find((g) => g.name === 'Team 3B')!.id;
  });
  afterAll(async () => {
    await s?.close();
    await smtp?.close();
  });

  const createPoll = async (by: TestClient, body: Record<string, unknown>) => {
    const res = await by.post<PollView>('/v1/polls', { question: 'Welke dag voor het teamuitje?', options: ['Vrijdag', HOSTILE_LABEL, 'Zondag'], ...body });
    expect(res.status).toBe(201);
    return res.body;
  };
  const mailingBody = (pollId: string) => ({ subject: 'Stem mee', intro: '', postIds: [], pollId, audience: { all: true } });
  const refusal = async (pollId: string) => {
    const res = await carla.request('POST', '/v1/mailings', { json: mailingBody(pollId) });
    expect(res.status).toBe(400);
    return (res.body.error.fields as { path: string; message: string }[]).find((f) => f.path === 'body.pollId')?.message;
  };

  it('shows the question and each option as a link to vote in the intranet, in both parts, without the counts of an after-vote poll', async () => {
    const poll = await createPoll(carla, { showResults: 'after_vote' });
    expect((await anna.post(`/v1/polls/${poll.id}/votes`, { optionIds: [poll.options[0]!.id] })).status).toBe(200);
    const location = await s.db.kysely.selectFrom('locations').select('id').where('tenant_id', '=', tenant).orderBy('id').executeTakeFirstOrThrow();
    const created = await carla.request('POST', '/v1/mailings', { json: { ...mailingBody(poll.id), audience: { locationIds: [location.id] } } });
    expect(created.status).toBe(201);
    expect(created.body.pollId).toBe(poll.id);
    expect((await carla.call('sendMailing', { params: { id: created.body.id }, body: {} })).status).toBe(200);
    await waitFor(async () => (await carla.call('getMailing', { params: { id: created.body.id } })).body.mailing.status === 'sent', 'the mailing sent', 90_000);

    const mail = smtp.received.find((m) => m.parsed.headers.get('x-samen-mailing') === created.body.id)!;
    const html = String(mail.parsed.html);
    const text = mail.parsed.text!;
    const link = new RegExp(`http://127\\.0\\.0\\.1:\\d+/v1/mail/visit/[^"?\\s]+\\?to=poll:${poll.id}`, 'g');
    expect(html).toContain('Welke dag voor het teamuitje?');
    expect(text).toContain('Peiling: Welke dag voor het teamuitje?');
    for (const label of ['Vrijdag', 'Zondag']) {
      expect(html).toMatch(new RegExp(`<a href="${link.source}"[^>]*>${label}</a>`));
      expect(text).toMatch(new RegExp(`- ${label}: ${link.source}`));
    }
    expect(html.match(link)).toHaveLength(3);
    expect(text.match(link)).toHaveLength(3);
    expect(html).toContain('Stemmen doe je op het intranet.');
    expect(text).toContain('Stemmen doe je op het intranet.');
    // Anna voted, but the poll shows counts only to those who voted: the mail shows none.
    expect(html).not.toMatch(/\d+ stem/);
    expect(text).not.toMatch(/\d+ stem/);

    // The hostile label is text in the HTML part, and plain in the text part.
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<[^>]*onerror=/i);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Zaterdag');
    expect(text).toContain(`- ${HOSTILE_LABEL}: `);

    const visit = await fetch(html.match(link)![1]!);
    expect(visit.status).toBe(200);
    expect(await visit.text()).toContain('Deze peiling staat in');
    expect((await carla.call('getMailing', { params: { id: created.body.id } })).body.report).toMatchObject({ visits: 1, visitors: 1 });
  });

  it('shows the counts when the poll shows them to everyone at once', async () => {
    const poll = await createPoll(carla, { showResults: 'always' });
    expect((await carla.call('listMailingPolls')).body.items[0]).toEqual({ id: poll.id, question: 'Welke dag voor het teamuitje?', options: ['Vrijdag', HOSTILE_LABEL, 'Zondag'], closesAt: null });
    await anna.post(`/v1/polls/${poll.id}/votes`, { optionIds: [poll.options[2]!.id] });
    const preview = await carla.call('previewMailing', { body: mailingBody(poll.id) });
    expect(preview.status).toBe(200);
    expect(preview.body.text).toMatch(/- Zondag \(1 stem\): /);
    expect(preview.body.text).toMatch(/- Vrijdag \(0 stemmen\): /);
    expect(preview.body.html).toContain('Tot nu toe heeft 1 persoon gestemd.');
  });

  it('refuses in Dutch a poll in a private group, a closed poll and a post that is no poll; a mailing without a poll is as before', async () => {
    const hidden = await createPoll(anna, { groupId: privateGroup });
    expect(await refusal(hidden.id)).toBe('Deze peiling bestaat niet (meer) of staat in een besloten groep.');

    const closing = await createPoll(carla, {});
    await s.db.kysely.updateTable('polls').set({ closes_at: new Date(Date.now() - 1_000).toISOString() }).where('tenant_id', '=', tenant).where('post_id', '=', closing.id).execute();
    expect(await refusal(closing.id)).toContain('Deze peiling is gesloten');

    const choices = (await carla.call('listMailingPolls')).body.items.map((c) => c.id);
    expect(choices).not.toContain(hidden.id);
    expect(choices).not.toContain(closing.id);
    expect((await anna.call('listMailingPolls')).status).toBe(403);

    const post = await carla.call('createPost', { body: { body: 'Gewoon een bericht.' } });
    expect(await refusal(post.body.id)).toBe('Deze peiling bestaat niet (meer) of staat in een besloten groep.');

    const plain = await carla.request('POST', '/v1/mailings', { json: { subject: 'Zonder peiling', intro: 'Hallo.', postIds: [], audience: { all: true } } });
    expect(plain.status).toBe(201);
    expect(plain.body.pollId).toBeNull();
  });

  it('refuses to schedule a mailing for after its poll closes', async () => {
    const closesAt = new Date(Date.now() + 3_600_000);
    const poll = await createPoll(carla, { closesAt: closesAt.toISOString() });
    const mailing = (await carla.call('createMailing', { body: mailingBody(poll.id) })).body;
    const late = await carla.request('POST', `/v1/mailings/${mailing.id}/send`, { json: { at: new Date(closesAt.getTime() + 60_000).toISOString() } });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toContain('De peiling in deze mailing is dan al gesloten.');
    const early = await carla.call('sendMailing', { params: { id: mailing.id }, body: { at: new Date(closesAt.getTime() - 600_000).toISOString() } });
    expect(early.body.status).toBe('scheduled');
  });

  it('refuses the poll at sending when it closed after composing: the mailing stays a draft', async () => {
    const poll = await createPoll(carla, {});
    const mailing = (await carla.call('createMailing', { body: mailingBody(poll.id) })).body;
    await s.db.kysely.updateTable('polls').set({ closes_at: new Date(Date.now() - 1_000).toISOString() }).where('tenant_id', '=', tenant).where('post_id', '=', poll.id).execute();
    const sent = await carla.request('POST', `/v1/mailings/${mailing.id}/send`, { json: {} });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain('Deze peiling is gesloten');
    expect((await carla.call('getMailing', { params: { id: mailing.id } })).body.mailing.status).toBe('draft');
  });

  it('hands a planned mailing whose poll closed in the meantime back as a draft, and still sends the others', async () => {
    const poll = await createPoll(carla, {});
    const withPoll = (await carla.call('createMailing', { body: mailingBody(poll.id) })).body;
    const plain = (await carla.call('createMailing', { body: { subject: 'Gewoon nieuws', intro: 'Hallo allemaal.', postIds: [], audience: { all: true } } })).body;
    const at = new Date(Date.now() + 600_000).toISOString();
    expect((await carla.call('sendMailing', { params: { id: withPoll.id }, body: { at } })).body.status).toBe('scheduled');
    expect((await carla.call('sendMailing', { params: { id: plain.id }, body: { at } })).body.status).toBe('scheduled');
    // Ten minutes pass: the poll closes, and both mailings fall due.
    const past = new Date(Date.now() - 1_000).toISOString();
    await s.db.kysely.updateTable('polls').set({ closes_at: past }).where('tenant_id', '=', tenant).where('post_id', '=', poll.id).execute();
    await s.db.kysely.updateTable('mailings').set({ send_at: past }).where('tenant_id', '=', tenant).where('id', 'in', [withPoll.id, plain.id]).execute();
    await waitFor(async () => (await carla.call('getMailing', { params: { id: plain.id } })).body.mailing.status === 'sent', 'the other mailing sent', 90_000);
    expect((await carla.call('getMailing', { params: { id: withPoll.id } })).body.mailing.status).toBe('draft');
  });
});

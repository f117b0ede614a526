import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { waitFor } from '../../../fixtures/core/harness.js';
import { startSmtpSink, type SmtpSink } from '../../../fixtures/smtpSink.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** The List-Unsubscribe address of a raw message, its folded header lines joined again. */
const unsubscribeLink = (raw: string) => {
  const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
  return (/^List-Unsubscribe:\s*<([^>]+)>/im.exec(head.replace(/\r?\n[ \t]+/g, ''))?.[1] ?? '').replace(/\s/g, '');
};

const HOSTILE = [
  'Let op <script>alert("x")</script> en <img src=x onerror="alert(1)">',
  '[klik](javascript:alert(1)) en [mail](mailto:a@b.nl) en [goed](https://zorg.example/info)',
  '**vet** "aanhalingstekens" & <b>geen tag</b>',
].join('\n\n');

// Sending goes as fast as the machine allows; on a busy machine that is slower than the default limit.
describe.each(dialects)('mailings through a real SMTP server (%s)', { timeout: 120_000 }, (dialect) => {
  let smtp: SmtpSink;
  let s: TestServer;
  let carla: TestClient;
  let anna: TestClient;
  let daan: TestClient;
  let tenant: string;

  beforeAll(async () => {
    smtp = await startSmtpSink({ refuse: (a) => a.startsWith('weigert'), deferFirst: (a) => (a.startsWith('later') ? 1 : 0) });
    s = await startTestServer(dialect, { mail: { smtpUrl: smtp.url, ratePerSecond: 1000, retryBaseSeconds: 0.05, pollMs: 20 } });
    tenant = s.tenants.demo!;
    carla = await s.login('1003');
    anna = await s.login('1001');
    daan = await s.login('1004');
  });
  afterAll(async () => {
    await s?.close();
    await smtp?.close();
  });

  const k = () => s.db.kysely;
  const me = async (c: TestClient) => (await c.get('/v1/me')).body.person.id as string;
  const addressOf = async (personId: string) =>
    (await k().selectFrom('person_mail').select('address').where('tenant_id', '=', tenant).where('person_id', '=', personId).executeTakeFirstOrThrow()).address;
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const sendAndWait = async (id: string) => {
    const sent = await carla.call('sendMailing', { params: { id }, body: {} });
    expect(sent.status).toBe(200);
    return waitFor(async () => {
      const detail = (await carla.call('getMailing', { params: { id } })).body;
      return detail.mailing.status === 'sent' && detail;
    }, 'the mailing sent', 90_000);
  };

  it('queues a mailing with POST /v1/mailings and /send: each person in the audience gets one message with subject, both parts and unsubscribe headers', async () => {
    const location = await k().selectFrom('locations').select('id').where('tenant_id', '=', tenant).orderBy('id').executeTakeFirstOrThrow();
    const expected = await k()
      .selectFrom('people')
      .innerJoin('person_mail', (j) => j.onRef('person_mail.tenant_id', '=', 'people.tenant_id').onRef('person_mail.person_id', '=', 'people.id'))
      .select('person_mail.address')
      .where('people.tenant_id', '=', tenant)
      .where('people.location_id', '=', location.id)
      .where('people.active', '=', 1)
      .execute();
    const post = await carla.call('createPost', { body: { body: 'Nieuwe roosters staan klaar. Lees ze voor vrijdag.' } });
    const created = await carla.request('POST', '/v1/mailings', {
      json: { subject: 'Nieuws van de week', intro: 'Beste collega, dit wil je weten.', postIds: [post.body.id], audience: { locationIds: [location.id] } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), status: 'draft', recipientCount: null });
    const preview = await carla.call('getMailing', { params: { id: created.body.id } });
    expect(preview.body.audienceCount?.recipients).toBe(expected.length);

    const detail = await sendAndWait(created.body.id);
    expect(detail.mailing.recipientCount).toBe(expected.length);
    expect(detail.report).toMatchObject({ recipients: expected.length, sent: expected.length, bounced: 0, failed: 0, waiting: 0 });
    const mine = smtp.received.filter((m) => m.parsed.headers.get('x-samen-mailing') === created.body.id);
    expect(mine.map((m) => m.to[0]).sort()).toEqual(expected.map((e) => e.address).sort());
    const one = mine[0]!;
    expect(one.parsed.subject).toBe('Nieuws van de week');
    expect(one.parsed.text).toContain('Nieuwe roosters staan klaar.');
    expect(one.parsed.html).toContain('Nieuwe roosters staan klaar.');
    const head = one.raw.slice(0, one.raw.search(/\r?\n\r?\n/)).replace(/\r?\n\s+/g, ' ');
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(head).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/v1\/mail\/unsubscribe\/[^>]+>$/m);
    expect(one.parsed.messageId).toMatch(new RegExp(`^<${created.body.id}\\.`));
    // No tracking pixel: the only image is the logo, as an attachment.
    expect(one.parsed.html).not.toMatch(/<img[^>]+src="http/);
  });

  it('keeps a hostile post inert in the mail: tags stay text, only http(s) links remain', async () => {
    const post = await carla.call('createPost', { body: { body: HOSTILE } });
    const preview = await carla.call('previewMailing', { body: { subject: '<b>Onderwerp</b>', intro: '<script>x</script>', postIds: [post.body.id], audience: { all: true } } });
    expect(preview.status).toBe(200);
    const html = preview.body.html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<[^>]*onerror=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain('href="mailto:');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('href="https://zorg.example/info"');
    expect(html).toContain('<strong>vet</strong>');
    expect(preview.body.text).toContain('<script>alert("x")</script>');
  });

  it('refuses employees and says in Dutch what is wrong with a mailing', async () => {
    const refused = await anna.request('POST', '/v1/mailings', { json: { subject: 'x', intro: 'y', postIds: [], audience: { all: true } } });
    expect(refused.status).toBe(403);
    const bad = await carla.request('POST', '/v1/mailings', { json: { subject: '', intro: '', postIds: ['nee'], audience: {} } });
    expect(bad.status).toBe(400);
    const messages = (bad.body.error.fields as { path: string; message: string }[]).map((f) => f.message).join(' ');
    expect(messages).toContain('Geef de mailing een onderwerp.');
    expect(messages).toContain('Kies een bestaande bericht.');
    expect(messages).toContain('Kies wie de mailing krijgt');
    const privateGroup = await k().selectFrom('groups').select('id').where('tenant_id', '=', tenant).where('visibility', '=', 'private').executeTakeFirst();
    if (privateGroup) {
      const res = await carla.request('POST', '/v1/mailings', { json: { subject: 'x', intro: 'y', postIds: [], audience: { groupIds: [privateGroup.id] } } });
      expect(res.status).toBe(400);
    }
  });

  it('skips people who opted out, unless the mailing is mandatory; one-click unsubscribe opts out without a login', async () => {
    const annaId = await me(anna);
    const annaAddress = await addressOf(annaId);
    expect((await anna.call('setMailPreference', { body: { optedOut: true } })).body).toEqual({ address: annaAddress, optedOut: true });
    const body = { subject: 'Gewoon nieuws', intro: 'Even bijpraten.', postIds: [], audience: { all: true } };
    const preview = await carla.call('previewMailing', { body });
    expect(preview.body.audienceCount.optedOut).toBeGreaterThanOrEqual(1);
    const plain = (await carla.call('createMailing', { body })).body;
    const mandatory = (await carla.call('createMailing', { body: { ...body, subject: 'Verplicht', mandatory: true } })).body;
    const before = mailsTo(annaAddress).length;
    await sendAndWait(plain.id);
    expect(mailsTo(annaAddress).length).toBe(before);
    await sendAndWait(mandatory.id);
    const got = mailsTo(annaAddress).filter((m) => m.parsed.subject === 'Verplicht');
    expect(got).toHaveLength(1);
    expect(got[0]!.raw).not.toMatch(/^List-Unsubscribe/im);
    expect(got[0]!.parsed.text).toContain('verplichte mailing');

    await anna.call('setMailPreference', { body: { optedOut: false } });
    const bram = await s.login('1002');
    const bramAddress = await addressOf(await me(bram));
    const again = (await carla.call('createMailing', { body: { ...body, subject: 'Nog een' } })).body;
    await sendAndWait(again.id);
    const toBram = mailsTo(bramAddress).find((m) => m.parsed.subject === 'Nog een')!;
    const url = unsubscribeLink(toBram.raw);
    // A link scanner opening the page changes nothing; the one-click POST does.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Afmelden');
    expect((await bram.call('getMailPreference')).body.optedOut).toBe(false);
    const posted = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    expect((await bram.call('getMailPreference')).body.optedOut).toBe(true);
    expect((await fetch(url.replace(/.{4}$/, 'AAAA'), { method: 'POST' })).status).toBe(404);
  });

  it('fixes the audience at sending: someone who joins the group afterwards is not sent this mailing', async () => {
    const group = await carla.call('createGroup', { body: { name: 'Mailgroep', description: '', kind: 'work', visibility: 'open' } });
    const groupId = group.body.id as string;
    const eva = await s.login('1005');
    const evaId = await me(eva);
    const mailing = (await carla.call('createMailing', { body: { subject: 'Alleen de groep', intro: 'Hallo groep.', postIds: [], audience: { groupIds: [groupId] } } })).body;
    const count = (await carla.call('getMailing', { params: { id: mailing.id } })).body.audienceCount!.recipients;
    const detail = await sendAndWait(mailing.id);
    await carla.put(`/v1/groups/${groupId}/members/${evaId}`, {});
    expect(detail.mailing.recipientCount).toBe(count);
    const rows = await k().selectFrom('mailing_recipients').select('person_id').where('tenant_id', '=', tenant).where('mailing_id', '=', mailing.id).execute();
    expect(rows.map((r) => r.person_id)).not.toContain(evaId);
    expect((await carla.call('sendMailing', { params: { id: mailing.id }, body: {} })).status).toBe(409);
  });

  it('"has not yet confirmed post X" reaches who must read X and has not confirmed, as it stands at the moment of sending', async () => {
    const post = (await carla.call('createPost', { body: { body: 'Nieuw protocol valpreventie. Lees het voor je volgende dienst.' } })).body;
    const body = (audience: object) => ({ subject: 'Nog niet gelezen', intro: 'Lees het protocol even.', postIds: [post.id], audience });
    const plain = (await carla.call('createPost', { body: { body: 'Gewoon een bericht.' } })).body;
    const notRequired = await carla.request('POST', '/v1/mailings/preview', { json: body({ unconfirmedPostId: plain.id }) });
    expect(notRequired.status).toBe(400);
    expect(JSON.stringify(notRequired.body)).toContain('niet (meer) lezen verplicht');

    expect((await carla.call('markReadRequired', { params: { id: post.id }, body: { audience: { everyone: true } } })).status).toBe(200);
    const everyone = (await carla.call('previewMailing', { body: body({ all: true }) })).body.audienceCount.recipients;
    const mailing = (await carla.call('createMailing', { body: body({ unconfirmedPostId: post.id }) })).body;
    expect((await carla.call('getMailing', { params: { id: mailing.id } })).body.audienceCount?.recipients).toBe(everyone);

    // Between composing and sending, two people confirm.
    for (const reader of [anna, daan]) expect((await reader.call('confirmRead', { params: { id: post.id } })).status).toBeLessThan(300);
    expect((await carla.call('getMailing', { params: { id: mailing.id } })).body.audienceCount?.recipients).toBe(everyone - 2);
    const detail = await sendAndWait(mailing.id);
    expect(detail.mailing.recipientCount).toBe(everyone - 2);
    const queued = (await k().selectFrom('mailing_recipients').select('person_id').where('tenant_id', '=', tenant).where('mailing_id', '=', mailing.id).execute()).map((r) => r.person_id);
    expect(queued).not.toContain(await me(anna));
    expect(queued).not.toContain(await me(daan));
    expect(queued).toContain(await me(carla));
    expect(mailsTo(await addressOf(await me(anna))).filter((m) => m.parsed.subject === 'Nog niet gelezen')).toHaveLength(0);

    // A confirmation after sending changes nobody's mail: the recipients were fixed when it was queued.
    await carla.call('confirmRead', { params: { id: post.id } });
    expect((await carla.call('getMailing', { params: { id: mailing.id } })).body.mailing.recipientCount).toBe(everyone - 2);
  });

  it('marks a refused address bounced, retries a deferred one, and counts visits from the mailing in the report', async () => {
    const [p1, p2] = await k().selectFrom('people').select('id').where('tenant_id', '=', tenant).orderBy('id').limit(2).execute();
    await k().updateTable('person_mail').set({ address: 'weigert@demo.example', opted_out: 0 }).where('tenant_id', '=', tenant).where('person_id', '=', p1!.id).execute();
    await k().updateTable('person_mail').set({ address: 'later@demo.example', opted_out: 0 }).where('tenant_id', '=', tenant).where('person_id', '=', p2!.id).execute();
    const post = await carla.call('createPost', { body: { body: 'Bericht met een link.' } });
    const mailing = (await carla.call('createMailing', { body: { subject: 'Met bounce', intro: '', postIds: [post.body.id], audience: { all: true } } })).body;
    const detail = await sendAndWait(mailing.id);
    expect(detail.report.bounced).toBe(1);
    expect(detail.report.sent).toBe(detail.report.recipients - 1);
    expect(smtp.attempts.get('later@demo.example')).toBeGreaterThanOrEqual(2);
    expect(mailsTo('later@demo.example').filter((m) => m.parsed.subject === 'Met bounce')).toHaveLength(1);

    const mail = smtp.received.find((m) => m.parsed.subject === 'Met bounce')!;
    const link = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/v1/mail/visit/[^"?]+\\?to=post:${post.body.id})`).exec(String(mail.parsed.html))![1]!;
    const visit = await fetch(link.replace(/&amp;/g, '&'));
    expect(visit.status).toBe(200);
    expect(await visit.text()).toContain('Dit bericht staat in');
    const report = (await carla.call('getMailing', { params: { id: mailing.id } })).body.report;
    expect(report).toMatchObject({ visits: 1, visitors: 1 });
    // The visit is activity in the statistics too, once, under the mailing.
    const counted = await k().selectFrom('stats_events').select(['kind', 'subject_id']).where('tenant_id', '=', tenant).where('kind', '=', 'mailing_visit').execute();
    expect(counted).toEqual([{ kind: 'mailing_visit', subject_id: mailing.id }]);
    expect((await carla.call('listMailings')).body.items.find((m) => m.id === mailing.id)?.report.visits).toBe(1);
  });

  it('lets an admin set the organisation’s SMTP server and send a test message through it; the password is never shown', async () => {
    expect((await carla.call('getMailSettings')).status).toBe(403);
    const set = await daan.call('setMailSettings', { body: { smtpUrl: `${smtp.url.replace('smtp://', 'smtp://beheer:geheim@')}`, fromAddress: 'intranet@demo.example' } });
    expect(set.status).toBe(200);
    expect(set.body.smtpUrl).not.toContain('geheim');
    expect(set.body.transport).toBe('smtp');
    const test = await daan.call('testMailSettings', { body: { to: 'daan@demo.example' } });
    expect(test.status).toBe(200);
    await waitFor(() => mailsTo('daan@demo.example').some((m) => m.parsed.subject === 'Testbericht van Samen'), 'the test message');
    const cleared = await daan.call('setMailSettings', { body: { smtpUrl: null } });
    expect(cleared.body).toMatchObject({ smtpUrl: null, transport: 'smtp' });
    const wrong = await daan.request('PUT', '/v1/admin/mail-settings', { json: { smtpUrl: 'http://nee', fromAddress: 'x' } });
    expect(wrong.status).toBe(400);
  });
});

describe('mailings without any SMTP server: .eml files under the data folder', { timeout: 120_000 }, () => {
  let s: TestServer;
  afterAll(() => s?.close());

  it('writes one .eml file per recipient that a mail program can read', async () => {
    s = await startTestServer('sqlite', { mail: { ratePerSecond: 1000, pollMs: 20 } });
    const carla = await s.login('1003');
    const department = await s.db.kysely.selectFrom('departments').select('id').where('tenant_id', '=', s.tenants.demo!).orderBy('id').executeTakeFirstOrThrow();
    const mailing = (await carla.call('createMailing', { body: { subject: 'Naar bestanden', intro: 'Hallo **allemaal**.', postIds: [], audience: { departmentIds: [department.id] } } })).body;
    await carla.call('sendMailing', { params: { id: mailing.id }, body: {} });
    const detail = await waitFor(async () => {
      const d = (await carla.call('getMailing', { params: { id: mailing.id } })).body;
      return d.mailing.status === 'sent' && d;
    }, 'the mailing sent', 90_000);
    expect(detail.mailing.transport).toBe('files');
    const folder = detail.folder!;
    const files = readdirSync(folder);
    expect(files).toHaveLength(detail.report.sent);
    expect(files.length).toBe(detail.mailing.recipientCount);
    const parsed = await simpleParser(readFileSync(path.join(folder, files[0]!)));
    expect(parsed.subject).toBe('Naar bestanden');
    expect(parsed.html).toContain('<strong>allemaal</strong>');
  });
});

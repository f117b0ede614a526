import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../../common/src/api/errors.js';
import type { HrImportResult, HrImportRow } from '../../../../common/src/api/routes/hrImport.js';
import type { KioskSignage } from '../../../../common/src/api/routes/kiosks.js';
import { amsterdamDay, dayKey } from '../../../../common/src/celebrations/dates.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import { safeLogSerializers } from '../../../../server/src/app.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const pad = (n: number) => String(n).padStart(2, '0');

describe.each(dialects)('HR import of birthdays and hire dates (%s)', (dialect) => {
  let s: TestServer;
  let daan: TestClient;
  let tenant: string;
  const logLines: string[] = [];
  const today = amsterdamDay(new Date());
  const shifted = (days: number) => {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  };

  const run = (rows: HrImportRow[], dryRun: boolean, who = daan) => who.post<HrImportResult & Partial<ErrorBody>>('/v1/admin/hr-import', { dryRun, rows });
  const stored = (employeeNumbers: string[]) =>
    s.db.kysely
      .selectFrom('people')
      .select(['employee_number', 'birthday', 'hire_date', 'birthday_hidden', 'updated_at'])
      .where('tenant_id', '=', tenant)
      .where('employee_number', 'in', employeeNumbers)
      .orderBy('employee_number')
      .execute();
  const everyone = () => s.db.kysely.selectFrom('people').select(['tenant_id', 'employee_number', 'birthday', 'hire_date', 'birthday_hidden', 'updated_at']).orderBy('tenant_id').orderBy('employee_number').execute();
  const audits = () => s.db.kysely.selectFrom('auth_events').selectAll().where('tenant_id', '=', tenant).where('action', '=', 'hr_imported').orderBy('at').execute();
  const setPeople = (values: { birthday: string | null; hire_date: string | null }) => s.db.kysely.updateTable('people').set(values).where('tenant_id', '=', tenant).execute();

  beforeAll(async () => {
    const log = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    s = await startTestServer(dialect, {
      organisations: [
        { slug: 'demo', seed: 1 },
        { slug: 'ander', seed: 2 },
      ],
      logger: { level: 'trace', stream: log, serializers: safeLogSerializers },
    });
    tenant = s.tenants.demo!;
    daan = await s.login('1004', 'demo');
    // A colleague only the other organisation has.
    const other = await s.db.kysely.selectFrom('people').selectAll().where('tenant_id', '=', s.tenants.ander!).where('employee_number', '=', '1002').executeTakeFirstOrThrow();
    await s.db.kysely.insertInto('people').values({ ...other, id: uuidv7(), employee_number: 'ANDER-77', handle: 'ander77', birthday: null, hire_date: null }).execute();
  });
  afterAll(() => s?.close());

  it('reads each format an HR export writes, keeps no year, and a dry run changes nothing', async () => {
    await setPeople({ birthday: null, hire_date: null });
    const rows: HrImportRow[] = [
      { line: 2, employeeNumber: '1001', birthday: '15-03-1980', hireDate: '01-02-2003' },
      { line: 3, employeeNumber: '1002', birthday: '7-4' },
      { line: 4, employeeNumber: ' 1005 ', birthday: '1985-12-01', hireDate: '2010-06-15' },
      { line: 5, employeeNumber: '1004', birthday: '29/02/1984', hireDate: '2001-09-30 00:00:00' },
    ];
    const before = await everyone();
    const dry = await run(rows, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 4, birthdays: 4, hireDates: 3, unchanged: 0, refused: [] });
    expect(dry.body.changed).toEqual([
      { line: 2, employeeNumber: '1001', birthday: true, hireDate: true },
      { line: 3, employeeNumber: '1002', birthday: true, hireDate: false },
      { line: 4, employeeNumber: ' 1005 ', birthday: true, hireDate: true },
      { line: 5, employeeNumber: '1004', birthday: true, hireDate: true },
    ]);
    expect(await everyone()).toEqual(before);
    expect(await audits()).toEqual([]);

    const done = await run(rows, false);
    expect(done.body).toMatchObject({ dryRun: false, birthdays: 4, hireDates: 3, refused: [] });
    expect((await stored(['1001', '1002', '1004', '1005'])).map((p) => [p.employee_number, p.birthday, p.hire_date])).toEqual([
      ['1001', '03-15', '2003-02-01'],
      ['1002', '04-07', null],
      ['1004', '02-29', '2001-09-30'],
      ['1005', '12-01', '2010-06-15'],
    ]);
    const [entry, ...more] = await audits();
    expect(more).toEqual([]);
    expect(entry!.person_id).toBe((await daan.get('/v1/me')).body.person.id);
    expect(JSON.parse(entry!.detail!)).toEqual({ rows: '4', birthdays: '4', hireDates: '3', unchanged: '0', refused: '0' });
    // The years of birth were in the request only: not in the answer, the log, the audit entry or anything kept.
    const kept = JSON.stringify(await s.db.kysely.selectFrom('idempotency_keys').selectAll().execute()) + JSON.stringify(await everyone()) + JSON.stringify(await audits());
    for (const year of ['1980', '1985', '1984']) {
      // The year as a value of its own, not four digits inside a process id, a time or a uuid (a log
      // line of pid 19852 once failed this).
      const asYear = new RegExp(`(?<![0-9A-Za-z.])${year}(?![0-9A-Za-z])`);
      expect(JSON.stringify(done.body)).not.toMatch(asYear);
      expect(logLines.join('\n')).not.toMatch(asYear);
      expect(kept).not.toMatch(asYear);
    }
    expect(logLines.some((l) => l.includes('/v1/admin/hr-import'))).toBe(true);

    const again = await run(rows, true);
    expect(again.body).toMatchObject({ birthdays: 0, hireDates: 0, unchanged: 4, changed: [] });
  });

  it('refuses each bad row with its reason and reads the others in', async () => {
    await setPeople({ birthday: null, hire_date: null });
    const tomorrow = shifted(1);
    const rows: HrImportRow[] = [
      { line: 2, employeeNumber: '999999', birthday: '01-01-1990' },
      { line: 3, employeeNumber: '1001', birthday: '31-02-1990' },
      { line: 4, employeeNumber: '1002', birthday: '29-02-1981', hireDate: `${pad(tomorrow.day)}-${pad(tomorrow.month)}-${tomorrow.year}` },
      { line: 5, employeeNumber: '1003', hireDate: 'gisteren' },
      { line: 6, employeeNumber: '1005', birthday: '12-05' },
      { line: 7, employeeNumber: '1005', birthday: '13-05' },
      { line: 8, employeeNumber: '', birthday: '12-05' },
      { line: 9, employeeNumber: '1004', hireDate: '1850-01-01' },
      { line: 10, employeeNumber: 'ANDER-77', birthday: '01-01' },
      { line: 11, employeeNumber: '10000', birthday: '24-12-1970', hireDate: dayKey(today) },
    ];
    const res = await run(rows, false);
    expect(res.status).toBe(200);
    expect(res.body.refused).toEqual([
      { line: 2, employeeNumber: '999999', reason: 'Onbekend personeelsnummer' },
      { line: 3, employeeNumber: '1001', reason: 'Geboortedatum bestaat niet' },
      { line: 4, employeeNumber: '1002', reason: 'Geboortedatum bestaat niet; Datum in dienst ligt in de toekomst' },
      { line: 5, employeeNumber: '1003', reason: 'Datum in dienst niet te lezen (gebruik DD-MM-JJJJ of JJJJ-MM-DD)' },
      { line: 6, employeeNumber: '1005', reason: 'Personeelsnummer staat 2 keer in het bestand (regels 6, 7)' },
      { line: 7, employeeNumber: '1005', reason: 'Personeelsnummer staat 2 keer in het bestand (regels 6, 7)' },
      { line: 8, employeeNumber: '', reason: 'Geen personeelsnummer' },
      { line: 9, employeeNumber: '1004', reason: 'Datum in dienst ligt vóór 1900' },
      { line: 10, employeeNumber: 'ANDER-77', reason: 'Onbekend personeelsnummer' },
    ]);
    expect(res.body).toMatchObject({ rows: 10, birthdays: 1, hireDates: 1, changed: [{ line: 11, employeeNumber: '10000', birthday: true, hireDate: true }] });
    const people = await stored(['1001', '1002', '1003', '1004', '1005', '10000']);
    expect(people.map((p) => [p.employee_number, p.birthday, p.hire_date])).toEqual([
      ['10000', '12-24', dayKey(today)],
      ['1001', null, null],
      ['1002', null, null],
      ['1003', null, null],
      ['1004', null, null],
      ['1005', null, null],
    ]);
    const ander = await s.db.kysely.selectFrom('people').select(['birthday']).where('employee_number', '=', 'ANDER-77').executeTakeFirstOrThrow();
    expect(ander.birthday).toBeNull();
    expect(JSON.parse((await audits()).at(-1)!.detail!)).toMatchObject({ rows: '10', birthdays: '1', hireDates: '1', refused: '9' });
  });

  it('leaves an empty cell\'s value and her own choice to hide her birthday as they are; the kiosk celebrates what was read in', async () => {
    await setPeople({ birthday: '06-06', hire_date: '2000-06-06' });
    await s.db.kysely.updateTable('people').set({ birthday_hidden: 1 }).where('tenant_id', '=', tenant).where('employee_number', 'in', ['1003', '1005']).execute();
    const org = await s.db.kysely.selectFrom('organisations').select('settings').where('tenant_id', '=', tenant).executeTakeFirstOrThrow();
    await s.db.kysely.updateTable('organisations').set({ settings: JSON.stringify({ ...JSON.parse(org.settings), celebrateBirthdays: true }) }).where('tenant_id', '=', tenant).execute();
    const kiosk = await s.enrolDevice({ mode: 'kiosk', organisation: 'demo' });
    const birthdaysOnKiosk = async () => (await kiosk.post<KioskSignage>('/v1/kiosk/heartbeat', { version: '0.1.0' })).body.celebrations!.birthdays.map((b) => b.firstName);
    const todayCell = `${pad(today.day)}-${pad(today.month)}`;
    expect(await birthdaysOnKiosk()).not.toContain('Bram');

    const res = await run(
      [
        { employeeNumber: '1003', birthday: '', hireDate: '02-01-2002' },
        { employeeNumber: '1001', birthday: null, hireDate: '   ' },
        { employeeNumber: '1002', birthday: `${todayCell}-1975` },
        { employeeNumber: '1005', birthday: todayCell },
      ],
      false,
    );
    expect(res.body).toMatchObject({ birthdays: 2, hireDates: 1, unchanged: 1, refused: [] });
    expect((await stored(['1001', '1003', '1005'])).map((p) => [p.employee_number, p.birthday, p.hire_date, p.birthday_hidden])).toEqual([
      ['1001', '06-06', '2000-06-06', 0],
      ['1003', '06-06', '2002-01-02', 1],
      ['1005', todayCell.split('-').reverse().join('-'), '2000-06-06', 1],
    ]);
    // Bram's birthday, read in today, is on the kiosk at its next heartbeat; Eva keeps hers off it.
    const shown = await birthdaysOnKiosk();
    expect(shown).toContain('Bram');
    expect(shown).not.toContain('Eva');
  });

  it('is for admins only, and for their own organisation only', async () => {
    const before = await everyone();
    for (const who of ['1001', '1003']) {
      const res = await run([{ employeeNumber: '1001', birthday: '01-01' }], false, await s.login(who, 'demo'));
      expect(res.status).toBe(403);
      expect(res.body.error?.message).toBe('Alleen een beheerder kan dit.');
    }
    const otherAdmin = await s.login('1004', 'ander');
    const res = await run([{ employeeNumber: '1001', birthday: '01-01' }], false, otherAdmin);
    expect(res.body.birthdays).toBe(1);
    const after = await everyone();
    expect(after.filter((p) => p.tenant_id === tenant)).toEqual(before.filter((p) => p.tenant_id === tenant));
    expect(after.filter((p) => p.tenant_id !== tenant && p.employee_number === '1001').map((p) => p.birthday)).toEqual(['01-01']);
  });

  it('refuses more rows than one request may carry, and a body too large, with a Dutch message', async () => {
    const before = await everyone();
    const tooMany = Array.from({ length: 25_001 }, (_, i) => ({ employeeNumber: String(i), birthday: '01-01' }));
    const many = await run(tooMany, false);
    expect(many.status).toBe(400);
    expect(many.body.error?.fields).toEqual([{ path: 'body.rows', message: 'Hoogstens 25000 regels per keer.' }]);
    const huge = await daan.request('POST', '/v1/admin/hr-import', { raw: JSON.stringify({ dryRun: true, rows: [], pad: 'x'.repeat(7 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('Dit is te groot om te versturen.');
    expect(await everyone()).toEqual(before);
  });

  it('reads 20 000 people in at once', async () => {
    const dept = await s.db.kysely.selectFrom('people').select(['department_id', 'location_id']).where('tenant_id', '=', tenant).where('employee_number', '=', '1001').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const extra = Array.from({ length: 20_000 }, (_, i) => ({
      tenant_id: tenant,
      id: uuidv7(),
      employee_number: `HR-${i}`,
      name: `Collega ${i}`,
      handle: `hr${i}`,
      job_title: 'Verzorgende',
      department_id: dept.department_id,
      location_id: dept.location_id,
      roles: '["employee"]',
      avatar_image_id: null,
      active: 1,
      password_hash: null,
      pin_hash: null,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < extra.length; i += 500) await s.db.kysely.insertInto('people').values(extra.slice(i, i + 500)).execute();
    const birthdayOf = (i: number) => `${pad((i % 28) + 1)}-${pad((i % 12) + 1)}`;
    const rows = extra.map((_, i) => ({ line: i + 2, employeeNumber: `HR-${i}`, birthday: `${birthdayOf(i)}-1970`, hireDate: `2001-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}` }));

    const dry = await run(rows, true);
    expect(dry.body).toMatchObject({ rows: 20_000, birthdays: 20_000, hireDates: 20_000, refused: [] });
    const res = await run(rows, false);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ birthdays: 20_000, hireDates: 20_000, refused: [] });
    const sample = await s.db.kysely.selectFrom('people').select(['employee_number', 'birthday', 'hire_date']).where('tenant_id', '=', tenant).where('employee_number', 'in', ['HR-0', 'HR-12345', 'HR-19999']).orderBy('employee_number').execute();
    expect(sample).toEqual([
      { employee_number: 'HR-0', birthday: '01-01', hire_date: '2001-01-01' },
      { employee_number: 'HR-12345', birthday: `${pad((12345 % 12) + 1)}-${pad((12345 % 28) + 1)}`, hire_date: `2001-${pad((12345 % 12) + 1)}-${pad((12345 % 28) + 1)}` },
      { employee_number: 'HR-19999', birthday: `${pad((19999 % 12) + 1)}-${pad((19999 % 28) + 1)}`, hire_date: `2001-${pad((19999 % 12) + 1)}-${pad((19999 % 28) + 1)}` },
    ]);
    const filled = await s.db.kysely.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenant).where('employee_number', 'like', 'HR-%').where('birthday', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(filled.n)).toBe(20_000);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { HR_IMPORT_ROWS_MAX, HrImportBodySchema } from '../../../../common/src/api/routes/hrImport.js';
import { birthdayWithoutYear, readBirthday, readHireDate } from '../../../../common/src/celebrations/hrDates.js';
import { readHrExport } from '../../../../common/src/celebrations/hrExport.js';

const today = { year: 2026, month: 6, day: 15 };

describe('an HR export read into rows', () => {
  it('reads Dutch Excel\'s semicolons with a BOM and CRLF, by header names in any case, and drops the year of birth', () => {
    const file = '\uFEFFNaam;PERSONEELSNUMMER;Geboortedatum;Datum in dienst;Afdeling\r\nAnna de Vries;1001;15-03-1980;01-02-2003;3B\r\nBram Jansen;1002;7-4;;Keuken\r\n';
    expect(readHrExport(file)).toEqual({
      ok: true,
      columns: { birthday: true, hireDate: true },
      rows: [
        { line: 2, employeeNumber: '1001', birthday: '15-03', hireDate: '01-02-2003' },
        { line: 3, employeeNumber: '1002', birthday: '7-4' },
      ],
    });
  });

  it('reads commas and quoted cells with separators, doubled quotes and line breaks, and counts lines as the file has them', () => {
    const file = [
      'employee number,"Naam, voluit",geboorte-datum',
      '1001,"de Vries, Anna",1980-03-15',
      '1002,"Jansen, ""Bram""',
      'tweede regel van het adres",29-02-1984',
      '',
      '1003,Carla,31-02-1990',
    ].join('\n');
    expect(readHrExport(file)).toEqual({
      ok: true,
      columns: { birthday: true, hireDate: false },
      rows: [
        { line: 2, employeeNumber: '1001', birthday: '15-03' },
        { line: 3, employeeNumber: '1002', birthday: '29-02' },
        // A day that does not exist keeps its year, so the server can say why it refuses it.
        { line: 6, employeeNumber: '1003', birthday: '31-02-1990' },
      ],
    });
  });

  it('keeps an employee number\'s leading zeros as Excel writes them (="00123"), and takes a tab-separated file', () => {
    const file = 'Personeelsnr\tDatum in dienst\n="00123"\t2001-09-30\n';
    expect(readHrExport(file)).toEqual({ ok: true, columns: { birthday: false, hireDate: true }, rows: [{ line: 2, employeeNumber: '00123', hireDate: '2001-09-30' }] });
  });

  it('passes hostile text on as text, clipped to what the server takes', () => {
    const script = '<img src=x onerror=alert(1)>';
    const file = `Personeelsnummer;Geboortedatum\n${script};"=HYPERLINK(""http://x"")"\n${'9'.repeat(500)};${'1'.repeat(500)}\n`;
    const read = readHrExport(file);
    expect(read.ok && read.rows).toEqual([
      { line: 2, employeeNumber: script, birthday: '=HYPERLINK("http://x")' },
      { line: 3, employeeNumber: '9'.repeat(64), birthday: '1'.repeat(40) },
    ]);
    expect(HrImportBodySchema.safeParse({ dryRun: true, rows: read.ok ? read.rows : [] }).success).toBe(true);
  });

  it('says what is missing from a file that is not an HR export', () => {
    expect(readHrExport('')).toEqual({ ok: false, problem: 'empty' });
    expect(readHrExport('\uFEFF\r\n;;\r\n')).toEqual({ ok: false, problem: 'empty' });
    expect(readHrExport('Naam;Geboortedatum\nAnna;01-01\n')).toEqual({ ok: false, problem: 'noEmployeeNumber' });
    expect(readHrExport('Personeelsnummer;Naam\n1001;Anna\n')).toEqual({ ok: false, problem: 'noDates' });
    const tooMany = `Personeelsnummer;Geboortedatum\n${'1;01-01\n'.repeat(HR_IMPORT_ROWS_MAX + 1)}`;
    expect(readHrExport(tooMany)).toEqual({ ok: false, problem: 'tooManyRows' });
    const justRight = readHrExport(`Personeelsnummer;Geboortedatum\n${'1;01-01\n'.repeat(HR_IMPORT_ROWS_MAX)}`);
    expect(justRight.ok && justRight.rows.length).toBe(HR_IMPORT_ROWS_MAX);
  });
});

describe('dates as HR writes them', () => {
  it('reads a birthday from DD-MM-YYYY, DD-MM and YYYY-MM-DD as month and day', () => {
    expect(readBirthday('15-03-1980')).toEqual({ ok: true, value: '03-15' });
    expect(readBirthday('5/3/1980')).toEqual({ ok: true, value: '03-05' });
    expect(readBirthday('05.03')).toEqual({ ok: true, value: '03-05' });
    expect(readBirthday('1980-03-15 00:00:00')).toEqual({ ok: true, value: '03-15' });
    expect(readBirthday('29-02')).toEqual({ ok: true, value: '02-29' });
    expect(readBirthday('29-02-1984')).toEqual({ ok: true, value: '02-29' });
  });

  it('refuses a birthday that does not exist, or cannot be read', () => {
    expect(readBirthday('31-02-1990')).toEqual({ ok: false, problem: 'impossible' });
    expect(readBirthday('29-02-1981')).toEqual({ ok: false, problem: 'impossible' });
    expect(readBirthday('31-04')).toEqual({ ok: false, problem: 'impossible' });
    expect(readBirthday('15-13-1980')).toEqual({ ok: false, problem: 'impossible' });
    for (const text of ['15 maart', '03/15/1980/1', '15-03-80', '29215', '1980-03-15T10:30:00', '']) expect(readBirthday(text)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('drops the year of a birthday that exists before it leaves the computer, and leaves anything else for the server', () => {
    expect(birthdayWithoutYear('15-03-1980')).toBe('15-03');
    expect(birthdayWithoutYear('1980-3-5')).toBe('05-03');
    expect(readBirthday(birthdayWithoutYear('1980-03-15'))).toEqual(readBirthday('1980-03-15'));
    expect(birthdayWithoutYear('29-02-1981')).toBe('29-02-1981');
    expect(birthdayWithoutYear('7-4')).toBe('7-4');
  });

  it('reads a hire date, up to today and from 1900', () => {
    expect(readHireDate('01-02-2003', today)).toEqual({ ok: true, value: '2003-02-01' });
    expect(readHireDate('2026-06-15', today)).toEqual({ ok: true, value: '2026-06-15' });
    expect(readHireDate('2026-06-16', today)).toEqual({ ok: false, problem: 'future' });
    expect(readHireDate('31-06-2001', today)).toEqual({ ok: false, problem: 'impossible' });
    expect(readHireDate('1899-12-31', today)).toEqual({ ok: false, problem: 'tooOld' });
    expect(readHireDate('01-02', today)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

import { HR_CELL_MAX, HR_EMPLOYEE_NUMBER_MAX, HR_IMPORT_ROWS_MAX, type HrImportRow } from '../api/routes/hrImport.js';
import { birthdayWithoutYear } from './hrDates.js';

/**
 * Reads an HR system's export (CSV; Dutch Excel writes it with semicolons) into the rows the server's
 * HR import takes. Only three columns are read, found by their header whatever its case or spacing:
 * the employee number, and the birthday and/or the hire date. Every other column (names, addresses)
 * is passed over and never leaves the computer; a birthday's year is dropped here already.
 */

export type HrExportProblem = 'empty' | 'noEmployeeNumber' | 'noDates' | 'tooManyRows';

export type HrExport =
  | { ok: true; rows: HrImportRow[]; columns: { birthday: boolean; hireDate: boolean } }
  | { ok: false; problem: HrExportProblem };

/** Header names as HR systems write them, compared without case, spaces or punctuation. */
const HEADERS = {
  employeeNumber: ['personeelsnummer', 'personeelsnr', 'persnr', 'persnummer', 'medewerkernummer', 'medewerkernr', 'werknemersnummer', 'werknemernummer', 'employeenumber', 'employeeid'],
  birthday: ['geboortedatum', 'geboortedag', 'verjaardag', 'birthday', 'birthdate', 'dateofbirth'],
  hireDate: ['datumindienst', 'indienst', 'indienstsinds', 'indienstdatum', 'datumindiensttreding', 'indiensttreding', 'startdatum', 'hiredate', 'startdate'],
} as const;

const normaliseHeader = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** One record per row of the file, with the line it starts on (a quoted cell may span lines). */
interface CsvRecord {
  line: number;
  cells: string[];
}

/** The separator the header line uses most, outside quotes: `;` (Dutch Excel), `,` or a tab. */
function guessSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** RFC 4180 with any line ending: quoted cells may hold separators, doubled quotes and line breaks. */
function* records(text: string, separator: string): Generator<CsvRecord> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === '"' && cell === '=') {
      // ="00123": Excel's way of keeping an employee number's leading zeros.
      cell = '';
      quoted = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      yield { line: start, cells };
      cells = [];
      cell = '';
      start = ++line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    yield { line: start, cells };
  }
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The export's rows for the HR import, or why the file cannot be one. */
export function readHrExport(fileText: string): HrExport {
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const all = records(text, guessSeparator(text));
  const blank = (r: CsvRecord) => r.cells.every((c) => c.trim() === '');
  let next = all.next();
  while (!next.done && blank(next.value)) next = all.next();
  if (next.done) return { ok: false, problem: 'empty' };
  const header = next.value;
  const names = header.cells.map(normaliseHeader);
  const find = (candidates: readonly string[]) => names.findIndex((n) => candidates.includes(n));
  const number = find(HEADERS.employeeNumber);
  const birthday = find(HEADERS.birthday);
  const hireDate = find(HEADERS.hireDate);
  if (number < 0) return { ok: false, problem: 'noEmployeeNumber' };
  if (birthday < 0 && hireDate < 0) return { ok: false, problem: 'noDates' };

  const rows: HrImportRow[] = [];
  for (const r of all) {
    if (blank(r)) continue;
    if (rows.length === HR_IMPORT_ROWS_MAX) return { ok: false, problem: 'tooManyRows' };
    const cell = (index: number) => (index < 0 ? '' : (r.cells[index] ?? '').trim());
    const born = cell(birthday);
    const hired = cell(hireDate);
    rows.push({
      line: r.line,
      employeeNumber: clip(cell(number), HR_EMPLOYEE_NUMBER_MAX),
      ...(born ? { birthday: clip(birthdayWithoutYear(born), HR_CELL_MAX) } : {}),
      ...(hired ? { hireDate: clip(hired, HR_CELL_MAX) } : {}),
    });
  }
  return { ok: true, rows, columns: { birthday: birthday >= 0, hireDate: hireDate >= 0 } };
}

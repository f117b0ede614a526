/**
 * RFC 4180 text that spreadsheet programs only ever show: a cell that a spreadsheet could take for a
 * formula (starting with =, +, -, @, their full-width forms, or a tab or CR, also after leading white
 * space) gets a leading apostrophe, so a name like `=HYPERLINK(…)` stays text.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export const csvRecord = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

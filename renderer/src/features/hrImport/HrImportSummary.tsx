import { useTranslation } from 'react-i18next';
import type { HrImportResult } from '../../../../common/src/api/routes/hrImport';

/** Rows listed on screen at most; the counts above them always cover every row. */
const LISTED_MAX = 500;

const number = (n: number) => n.toLocaleString('nl-NL');

/** What an HR import changes (or would), the rows it skips with their reasons, and the rows it updates. */
export function HrImportSummary({ result }: { result: HrImportResult }) {
  const { t } = useTranslation();
  const counts = {
    birthdays: t('hrImport.birthdays', { count: result.birthdays, n: number(result.birthdays) }),
    hireDates: t('hrImport.hireDates', { count: result.hireDates, n: number(result.hireDates) }),
    refused: t('hrImport.refused', { count: result.refused.length, n: number(result.refused.length) }),
  };
  const changedText = (c: HrImportResult['changed'][number]) => (c.birthday && c.hireDate ? t('hrImport.both') : c.birthday ? t('hrImport.birthday') : t('hrImport.hireDate'));
  return (
    <div className="hr-import-summary">
      <p className="hr-import-counts">{t(result.dryRun ? 'hrImport.willChange' : 'hrImport.changedNow', counts)}</p>
      {result.unchanged > 0 && <p className="hr-import-unchanged">{t('hrImport.unchanged', { count: result.unchanged, n: number(result.unchanged) })}</p>}
      {result.refused.length > 0 && (
        <>
          <h3>{t('hrImport.refusedTitle')}</h3>
          <RowTable
            label={t('hrImport.refusedTitle')}
            rows={result.refused.slice(0, LISTED_MAX).map((r, i) => ({ key: `${r.line}:${i}`, line: r.line, employeeNumber: r.employeeNumber, text: r.reason }))}
            last={t('hrImport.reason')}
            more={result.refused.length - LISTED_MAX}
          />
        </>
      )}
      {result.changed.length > 0 && (
        <details className="hr-import-changed">
          <summary>{t('hrImport.changedRows', { count: result.changed.length, n: number(result.changed.length) })}</summary>
          <RowTable
            label={t('hrImport.changedTitle')}
            rows={result.changed.slice(0, LISTED_MAX).map((c, i) => ({ key: `${c.line}:${i}`, line: c.line, employeeNumber: c.employeeNumber, text: changedText(c) }))}
            last={t('hrImport.what')}
            more={result.changed.length - LISTED_MAX}
          />
        </details>
      )}
    </div>
  );
}

function RowTable({ label, rows, last, more }: { label: string; rows: { key: string; line: number; employeeNumber: string; text: string }[]; last: string; more: number }) {
  const { t } = useTranslation();
  return (
    <div className="mailing-table-wrap">
      <table className="data-table hr-import-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('hrImport.line')}
            </th>
            <th scope="col">{t('hrImport.employeeNumber')}</th>
            <th scope="col">{last}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="num">{r.line}</td>
              <td>{r.employeeNumber || '–'}</td>
              <td>{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="hr-import-more">{t('hrImport.more', { count: more, n: number(more) })}</p>}
    </div>
  );
}

import { FileUp } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HrImportResult, HrImportRow } from '../../../../common/src/api/routes/hrImport';
import { readHrExport, type HrExportProblem } from '../../../../common/src/celebrations/hrExport';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { useIsAdmin } from '../mailings/roles';
import { HrImportSummary } from './HrImportSummary';
import './hrImport.css';

/** An export of 25 000 people with every column HR keeps stays well under this. */
const FILE_BYTES_MAX = 20 * 1024 * 1024;

type Step =
  | { kind: 'choose' }
  | { kind: 'fileProblem'; problem: HrExportProblem | 'tooLarge' | 'unreadable' }
  | { kind: 'busy'; rows: HrImportRow[]; fileName: string; dryRun: boolean }
  | { kind: 'checked'; rows: HrImportRow[]; fileName: string; result: HrImportResult }
  | { kind: 'failed'; rows: HrImportRow[]; fileName: string; dryRun: boolean; code: ClientErrorCode }
  | { kind: 'done'; fileName: string; result: HrImportResult };

/**
 * "HR-gegevens inlezen" (admins, workstation): choose an HR export, see what it would change and
 * which rows are skipped and why, then read it in. The file is read here; only three columns of it
 * go to main, birthdays without their year. It needs the server: offline she is told so, and the
 * file she chose stays ready for another try.
 */
export function HrImportPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const [step, setStep] = useState<Step>({ kind: 'choose' });

  if (!admin) return <p role="alert">{t('hrImport.adminsOnly')}</p>;

  const send = async (rows: HrImportRow[], fileName: string, dryRun: boolean) => {
    setStep({ kind: 'busy', rows, fileName, dryRun });
    const answer = await invoke('hrImport.run', { dryRun, rows });
    if (!answer.ok) return setStep({ kind: 'failed', rows, fileName, dryRun, code: answer.error.code });
    setStep(dryRun ? { kind: 'checked', rows, fileName, result: answer.value } : { kind: 'done', fileName, result: answer.value });
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > FILE_BYTES_MAX) return setStep({ kind: 'fileProblem', problem: 'tooLarge' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setStep({ kind: 'fileProblem', problem: 'unreadable' });
    }
    const read = readHrExport(text);
    if (!read.ok) return setStep({ kind: 'fileProblem', problem: read.problem });
    await send(read.rows, file.name, true);
  };

  const busy = step.kind === 'busy';
  return (
    <div className="hr-import">
      <header className="mailing-header">
        <h1>{t('hrImport.title')}</h1>
      </header>
      <div className="hr-import-intro">
        <p>{t('hrImport.intro')}</p>
        <ul>
          <li>{t('hrImport.columns')}</li>
          <li>{t('hrImport.formats')}</li>
          <li>{t('hrImport.privacy')}</li>
          <li>{t('hrImport.emptyCell')}</li>
        </ul>
      </div>

      <label className={`btn ${step.kind === 'choose' || step.kind === 'fileProblem' ? 'btn-primary' : 'btn-secondary'} hr-import-file${busy ? ' is-disabled' : ''}`}>
        <FileUp aria-hidden="true" />
        <span>{step.kind === 'choose' || step.kind === 'fileProblem' ? t('hrImport.choose') : t('hrImport.chooseOther')}</span>
        <input
          className="sr-only"
          type="file"
          accept=".csv,.txt,text/csv"
          disabled={busy}
          onChange={(ev) => {
            void choose(ev.target.files?.[0]);
            ev.target.value = '';
          }}
        />
      </label>

      {step.kind === 'fileProblem' && (
        <p role="alert" className="hr-import-problem">
          {t(`hrImport.file.${step.problem}`)}
        </p>
      )}
      {busy && (
        <p role="status" className="hr-import-busy">
          {step.dryRun ? t('hrImport.checking', { name: step.fileName }) : t('hrImport.importing', { name: step.fileName })}
        </p>
      )}
      {step.kind === 'failed' && (
        <div role="alert" className="hr-import-problem">
          <p>{step.code === 'offline' ? t('hrImport.offline') : step.code === 'forbidden' ? t('hrImport.adminsOnly') : errorText(t, step.code)}</p>
          <Button variant="primary" onClick={() => void send(step.rows, step.fileName, step.dryRun)}>
            {t('hrImport.retry')}
          </Button>
        </div>
      )}
      {step.kind === 'checked' && (
        <section className="hr-import-result" aria-labelledby="hr-import-check">
          <h2 id="hr-import-check">{t('hrImport.checkTitle', { name: step.fileName })}</h2>
          <HrImportSummary result={step.result} />
          {step.result.birthdays + step.result.hireDates > 0 ? (
            <div className="hr-import-actions">
              <Button variant="primary" onClick={() => void send(step.rows, step.fileName, false)}>
                {t('hrImport.apply')}
              </Button>
            </div>
          ) : (
            <p className="hr-import-nothing">{t('hrImport.nothingToDo')}</p>
          )}
        </section>
      )}
      {step.kind === 'done' && (
        <section className="hr-import-result" aria-labelledby="hr-import-done">
          <h2 id="hr-import-done">{t('hrImport.doneTitle', { name: step.fileName })}</h2>
          <HrImportSummary result={step.result} />
        </section>
      )}
    </div>
  );
}

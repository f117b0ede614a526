import { BellRing, Download } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { ReadReportView } from '../../../../common/src/ipc/readConfirmationViews';
import { hrefFor, postHref } from '../../app/route';
import { invoke, on } from '../../app/samen';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';
import { formatWhen } from '../mailings/mailingFormat';
import { useIsEditor } from '../mailings/roles';
import { downloadText } from './downloadText';

/** Besides the live updates (a confirmation changes the post, and sync says so), asked again this often. */
const POLL_MS = 15_000;

type Part = ReadReportView['byDepartment'][number];

/** Editors: who of the audience confirmed, per department and location, and who has not yet. Live. */
export function ReadReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const [report, setReport] = useState<ReadReportView | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [asking, setAsking] = useState<'remind' | 'unrequire' | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await invoke('readConfirmations.report', { id });
    if (r.ok) {
      setReport(r.value);
      setError(null);
    } else setError(r.error.code);
  }, [id]);

  useEffect(() => {
    if (!editor) return;
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const off = on('timeline.changed', ({ postIds }) => {
      if (!postIds || postIds.includes(id)) void load();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [editor, id, load]);

  if (!editor) return <p role="alert">{t('mailings.editorsOnly')}</p>;
  if (error && !report) return <p role="alert">{errorText(t, error)}</p>;
  if (!report) return <Skeleton width={640} height={240} />;

  const csv = async () => {
    const r = await invoke('readConfirmations.csv', { id });
    if (!r.ok) return showToast(errorText(t, r.error.code), 'error');
    downloadText(r.value.fileName, r.value.text, 'text/csv;charset=utf-8');
  };
  const remind = async () => {
    setBusy(true);
    const r = await invoke('readConfirmations.remind', { id });
    setBusy(false);
    setAsking(null);
    if (!r.ok) return showToast(errorText(t, r.error.code), 'error');
    showToast(t('readConfirmations.reminded', { count: r.value.reminded }));
    void load();
  };
  const unrequire = async () => {
    setBusy(true);
    const r = await invoke('readConfirmations.unrequire', { id });
    setBusy(false);
    setAsking(null);
    if (!r.ok) return showToast(errorText(t, r.error.code), 'error');
    showToast(t('readConfirmations.unrequired'));
    window.location.hash = hrefFor({ name: 'readRequirements' });
  };
  const percent = report.audience === 0 ? 100 : Math.round((report.confirmed / report.audience) * 100);

  return (
    <div className="read-report">
      <a className="link-button" href={hrefFor({ name: 'readRequirements' })}>
        {t('readConfirmations.back')}
      </a>
      <h1 className="page-title">{t('readConfirmations.reportTitle')}</h1>
      <p className="read-report-post">
        “{report.excerpt}” · <a href={postHref(report.postId)}>{t('readConfirmations.openPost')}</a>
      </p>
      <section className="card read-report-summary" aria-live="polite">
        <p className="read-report-figure" data-testid="read-progress">
          {t('readConfirmations.progress', { confirmed: report.confirmed, audience: report.audience })}
        </p>
        <div className="read-meter" role="meter" aria-valuemin={0} aria-valuemax={report.audience} aria-valuenow={report.confirmed} aria-label={t('readConfirmations.progress', { confirmed: report.confirmed, audience: report.audience })}>
          <span style={{ width: `${percent}%` }} />
        </div>
        <p className="muted">
          {t('readConfirmations.live')} · {t('readConfirmations.updatedAt', { time: formatWhen(report.generatedAt) })}
          {report.remindedAt && <> · {t('readConfirmations.remindedAt', { time: formatWhen(report.remindedAt) })}</>}
        </p>
        <div className="read-report-actions">
          <Button icon={<Download aria-hidden="true" />} onClick={() => void csv()} disabled={report.unconfirmedTotal === 0}>
            {t('readConfirmations.csv')}
          </Button>
          <Button variant="primary" icon={<BellRing aria-hidden="true" />} onClick={() => setAsking('remind')} disabled={report.unconfirmedTotal === 0}>
            {t('readConfirmations.remind')}
          </Button>
          <Button variant="quiet" onClick={() => setAsking('unrequire')}>
            {t('readConfirmations.unrequire')}
          </Button>
        </div>
      </section>
      <div className="read-report-parts">
        <PartTable title={t('readConfirmations.byDepartment')} parts={report.byDepartment} />
        <PartTable title={t('readConfirmations.byLocation')} parts={report.byLocation} />
      </div>
      <section aria-labelledby="read-unconfirmed">
        <h2 id="read-unconfirmed">{t('readConfirmations.unconfirmed', { count: report.unconfirmedTotal })}</h2>
        {report.unconfirmedTotal === 0 ? (
          <p>{t('readConfirmations.allConfirmed')}</p>
        ) : (
          <div className="page-table">
            <table className="data-table" data-testid="read-unconfirmed">
              <thead>
                <tr>
                  <th scope="col">{t('readConfirmations.name')}</th>
                  <th scope="col">{t('readConfirmations.jobTitle')}</th>
                  <th scope="col">{t('readConfirmations.department')}</th>
                  <th scope="col">{t('readConfirmations.location')}</th>
                  <th scope="col" className="num">{t('readConfirmations.laterCount')}</th>
                </tr>
              </thead>
              <tbody>
                {report.unconfirmed.map((p) => (
                  <tr key={p.personId}>
                    <td>{p.name}</td>
                    <td>{p.jobTitle}</td>
                    <td>{p.departmentName ?? ''}</td>
                    <td>{p.locationName ?? ''}</td>
                    <td className="num">{p.laterCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.unconfirmedTotal > report.unconfirmed.length && <p className="muted">{t('readConfirmations.moreUnconfirmed', { count: report.unconfirmedTotal - report.unconfirmed.length })}</p>}
          </div>
        )}
      </section>
      {asking === 'unrequire' && (
        <Dialog title={t('readConfirmations.unrequireTitle')} onClose={() => setAsking(null)}>
          <p>{t('readConfirmations.unrequireBody')}</p>
          <div className="dialog-actions">
            <Button onClick={() => setAsking(null)}>{t('readConfirmations.cancel')}</Button>
            <Button variant="primary" disabled={busy} onClick={() => void unrequire()}>
              {t('readConfirmations.unrequireConfirm')}
            </Button>
          </div>
        </Dialog>
      )}
      {asking === 'remind' && (
        <Dialog title={t('readConfirmations.remindTitle')} onClose={() => setAsking(null)}>
          <p>{t('readConfirmations.remindBody', { count: report.unconfirmedTotal })}</p>
          <div className="dialog-actions">
            <Button onClick={() => setAsking(null)}>{t('readConfirmations.cancel')}</Button>
            <Button variant="primary" disabled={busy} onClick={() => void remind()}>
              {t('readConfirmations.remindConfirm')}
            </Button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

/** Furthest behind first (the server's order); a table, so the figures read without a chart. */
function PartTable({ title, parts }: { title: string; parts: Part[] }) {
  const { t } = useTranslation();
  return (
    <section className="card read-part">
      <h2>{title}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('readConfirmations.part')}</th>
            <th scope="col" className="num">{t('readConfirmations.partConfirmed')}</th>
            <th scope="col" className="num">{t('readConfirmations.partAudience')}</th>
            <th scope="col" className="num">{t('readConfirmations.partPercent')}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((p) => (
            <tr key={p.id ?? 'none'}>
              <td>{p.id === null ? t('readConfirmations.noPart') : p.name}</td>
              <td className="num">{p.confirmed}</td>
              <td className="num">{p.audience}</td>
              <td className="num">{p.audience === 0 ? '—' : `${Math.round((p.confirmed / p.audience) * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

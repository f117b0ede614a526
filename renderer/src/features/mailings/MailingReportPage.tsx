import { Send } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailingDetail } from '../../../../common/src/api/routes/mailings';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { hrefFor } from '../../app/route';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';
import { AudienceSummary } from './MailingComposePage';
import { formatWhen } from './mailingFormat';
import { useIsEditor } from './roles';

/** While a mailing is going out, its figures are asked again this often. */
const REFRESH_MS = 2_000;

const FIGURES = ['recipients', 'sent', 'waiting', 'bounced', 'failed', 'visits', 'visitors'] as const;

/** One mailing: what it is, where it stands, and its figures (recipients, sent, bounced, failed, visits). */
export function MailingReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const [detail, setDetail] = useState<MailingDetail | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await invoke('mailings.get', { id });
    if (r.ok) {
      setDetail(r.value);
      setError(null);
    } else setError(r.error.code);
  }, [id]);

  const status = detail?.mailing.status;
  useEffect(() => {
    if (!editor) return;
    void load();
  }, [editor, load]);
  useEffect(() => {
    if (status !== 'sending' && status !== 'scheduled') return;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [status, load]);

  if (!editor) return <p role="alert">{t('mailings.editorsOnly')}</p>;
  if (error && !detail) return <p role="alert">{error === 'offline' ? t('mailings.offline') : errorText(t, error)}</p>;
  if (!detail) return <Skeleton width={640} height={240} />;
  const { mailing, report } = detail;

  const sendNow = async () => {
    setBusy(true);
    const r = await invoke('mailings.send', { id });
    setBusy(false);
    if (!r.ok) return showToast(errorText(t, r.error.code), 'error');
    showToast(t('mailings.compose.queued'));
    void load();
  };

  return (
    <div className="mailing-report">
      <header className="mailing-header">
        <a className="link-button" href={hrefFor({ name: 'mailings' })}>
          {t('mailings.back')}
        </a>
        <h1>{mailing.subject}</h1>
        <p className="mailing-meta">
          <span className={`mailing-status mailing-status-${mailing.status}`}>{t(`mailings.status.${mailing.status}`)}</span>
          {mailing.mandatory && <span className="mailing-chip">{t('mailings.mandatoryChip')}</span>}
          <span>
            {mailing.status === 'scheduled' && mailing.sendAt
              ? t('mailings.report.scheduledFor', { when: formatWhen(mailing.sendAt) })
              : mailing.queuedAt
                ? t('mailings.report.queuedAt', { when: formatWhen(mailing.queuedAt) })
                : t('mailings.report.createdAt', { when: formatWhen(mailing.createdAt) })}
          </span>
        </p>
      </header>
      {mailing.status === 'draft' && (
        <section className="mailing-block mailing-draft">
          <AudienceSummary count={detail.audienceCount} mandatory={mailing.mandatory} waiting={false} />
          <Button variant="primary" icon={<Send aria-hidden="true" />} onClick={() => void sendNow()} disabled={busy}>
            {t('mailings.compose.send', { count: detail.audienceCount?.recipients ?? 0 })}
          </Button>
        </section>
      )}
      <section aria-labelledby="report-title">
        <h2 id="report-title">{t('mailings.report.title')}</h2>
        <dl className="stats-figures mailing-figures">
          {FIGURES.map((f) => (
            <div key={f} className={`mailing-figure mailing-figure-${f}${(f === 'bounced' || f === 'failed') && report[f] > 0 ? ' mailing-figure-bad' : ''}`}>
              <dt>{t(`mailings.report.${f}`)}</dt>
              <dd>{report[f]}</dd>
            </div>
          ))}
        </dl>
        <p className="mailing-hint">{t('mailings.report.visitsHint')}</p>
      </section>
      {detail.folder && (
        <section className="mailing-block">
          <h2>{t('mailings.report.filesTitle')}</h2>
          <p>{t('mailings.report.filesHint')}</p>
          <code className="mailing-folder">{detail.folder}</code>
        </section>
      )}
    </div>
  );
}

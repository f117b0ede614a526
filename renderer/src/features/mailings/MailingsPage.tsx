import { Plus, Settings } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode, MethodOutput } from '../../../../common/src/ipc/contract';
import { hrefFor } from '../../app/route';
import { invoke } from '../../app/samen';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { formatWhen, mailingMoment } from './mailingFormat';
import { useIsAdmin, useIsEditor } from './roles';

type Items = MethodOutput<'mailings.list'>['items'];

/** The organisation's mailings, newest first, with their figures; a new one is one tap away. */
export function MailingsPage() {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const admin = useIsAdmin();
  const [items, setItems] = useState<Items | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  useEffect(() => {
    if (editor) void invoke('mailings.list', {}).then((r) => (r.ok ? setItems(r.value.items) : setError(r.error.code)));
  }, [editor]);

  if (!editor) return <p role="alert">{t('mailings.editorsOnly')}</p>;
  return (
    <div className="mailings">
      <header className="mailing-header">
        <h1>{t('mailings.title')}</h1>
        <div className="mailing-header-actions">
          {admin && (
            <a className="btn btn-secondary" href={hrefFor({ name: 'mailSettings' })}>
              <Settings aria-hidden="true" />
              <span>{t('mailings.settings.link')}</span>
            </a>
          )}
          <a className="btn btn-primary" href={hrefFor({ name: 'mailingNew' })}>
            <Plus aria-hidden="true" />
            <span>{t('mailings.new')}</span>
          </a>
        </div>
      </header>
      <p className="mailing-hint">{t('mailings.intro')}</p>
      {error ? (
        <p role="alert">{error === 'offline' ? t('mailings.offline') : errorText(t, error)}</p>
      ) : items === null ? (
        <Skeleton width={640} height={200} />
      ) : items.length === 0 ? (
        <p className="kb-empty">{t('mailings.none')}</p>
      ) : (
        <div className="mailing-table-wrap">
          <table className="data-table mailing-table">
            <thead>
              <tr>
                <th scope="col">{t('mailings.subject')}</th>
                <th scope="col">{t('mailings.statusLabel')}</th>
                <th scope="col" className="num">
                  {t('mailings.report.recipients')}
                </th>
                <th scope="col" className="num">
                  {t('mailings.report.sent')}
                </th>
                <th scope="col" className="num">
                  {t('mailings.report.visits')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <a href={hrefFor({ name: 'mailing', id: m.id })}>{m.subject}</a>
                    {m.mandatory && <span className="mailing-chip">{t('mailings.mandatoryChip')}</span>}
                  </td>
                  <td>
                    <span className={`mailing-status mailing-status-${m.status}`}>{t(`mailings.status.${m.status}`)}</span>
                    <span className="mailing-when">{formatWhen(mailingMoment(m))}</span>
                  </td>
                  <td className="num">{m.recipientCount ?? '–'}</td>
                  <td className="num">{m.report.sent}</td>
                  <td className="num">{m.report.visits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

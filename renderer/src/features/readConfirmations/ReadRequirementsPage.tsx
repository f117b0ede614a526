import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { ReadRequirementItem } from '../../../../common/src/ipc/readConfirmationViews';
import { hrefFor } from '../../app/route';
import { invoke } from '../../app/samen';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { useIsEditor } from '../mailings/roles';
import { formatWhen } from '../mailings/mailingFormat';

/** Editors: the "lezen verplicht" posts, newest marked first, each leading to its report. */
export function ReadRequirementsPage() {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const [items, setItems] = useState<ReadRequirementItem[] | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  useEffect(() => {
    if (!editor) return;
    void invoke('readConfirmations.list', {}).then((r) => (r.ok ? setItems(r.value.items) : setError(r.error.code)));
  }, [editor]);

  if (!editor) return <p role="alert">{t('mailings.editorsOnly')}</p>;
  return (
    <div className="read-reports">
      <h1 className="page-title">{t('readConfirmations.listTitle')}</h1>
      {error ? (
        <p role="alert">{errorText(t, error)}</p>
      ) : !items ? (
        <Skeleton width={640} height={180} />
      ) : items.length === 0 ? (
        <p className="muted">{t('readConfirmations.listEmpty')}</p>
      ) : (
        <ul className="read-report-list">
          {items.map((item) => (
            <li key={item.postId}>
              <a className="card read-report-link" href={hrefFor({ name: 'readReport', id: item.postId })}>
                <span className="read-report-excerpt">{item.excerpt}</span>
                <span className="muted">
                  {formatWhen(item.markedAt)} · {t('readConfirmations.listConfirmed', { count: item.confirmedCount })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

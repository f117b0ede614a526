import { CalendarClock, ChevronRight, Download, Pencil, Star, ThumbsDown, ThumbsUp } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { KbPageView as PageView } from '../../../../common/src/ipc/kbViews';
import { hrefFor } from '../../app/route';
import { invoke, on } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { useNow } from '../../ui/clock';
import { Skeleton } from '../../ui/Skeleton';
import { TextArea } from '../../ui/TextArea';
import { showToast } from '../../ui/toast/toastStore';
import { useCanEdit } from './kbStore';
import { PageBody } from './PageBody';
import { overdueFor } from './reviewDue';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

async function download(id: string, t: TFunction): Promise<void> {
  const result = await invoke('kb.attachment', { id });
  if (!result.ok) {
    showToast(result.error.code === 'offline' ? t('kb.attachmentOffline') : errorText(t, result.error.code), 'error');
    return;
  }
  const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: result.value.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.value.name;
  a.click();
  URL.revokeObjectURL(url);
}

/** One page, read like an article: where it sits, title, who keeps it, the text, files, favourite and "Was dit nuttig?". */
export function KbPageView({ id }: { id: string }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const personId = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person.id : null));
  const now = useNow((s) => s.now);
  const [page, setPage] = useState<PageView | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [remark, setRemark] = useState('');

  const load = useCallback(async () => {
    const result = await invoke('kb.page', { id });
    if (result.ok) {
      setPage(result.value);
      setError(null);
    } else setError(result.error.code);
  }, [id]);

  useEffect(() => {
    setPage(null);
    void load();
    return on('kb.changed', () => void load());
  }, [load]);

  if (!page) {
    return error ? (
      <article className="kb-page">
        <p role="alert">{error === 'not_found' ? t('kb.pageGone') : errorText(t, error)}</p>
        <a className="btn btn-secondary" href={hrefFor({ name: 'kb' })}>
          {t('kb.backHome')}
        </a>
      </article>
    ) : (
      <article className="kb-page" aria-busy="true">
        <Skeleton width={420} height={40} />
        <Skeleton width={640} height={200} />
      </article>
    );
  }

  const favourite = async () => {
    const result = await invoke('kb.favourite', { id, favourite: !page.favourite });
    if (result.ok) setPage(result.value);
    else showToast(errorText(t, result.error.code), 'error');
  };
  const answer = async (helpful: boolean, comment: string | null) => {
    const result = await invoke('kb.feedback', { id, helpful, comment });
    if (!result.ok) return showToast(errorText(t, result.error.code), 'error');
    setPage(result.value);
    showToast(t('kb.feedbackThanks'));
  };

  return (
    <article className="kb-page">
      <nav aria-label={t('kb.breadcrumbs')} className="kb-breadcrumbs">
        <ol>
          <li>
            <a href={hrefFor({ name: 'kb' })}>{t('kb.title')}</a>
          </li>
          {page.breadcrumbs.map((crumb) => (
            <li key={crumb.id}>
              <ChevronRight aria-hidden="true" />
              <span>{crumb.title}</span>
            </li>
          ))}
        </ol>
      </nav>
      <header className="kb-page-header">
        <h1>{page.title}</h1>
        <p className="kb-page-meta">
          {page.ownerName && <span>{t('kb.owner', { name: page.ownerName })}</span>}
          <span>{t('kb.checkedOn', { date: dateFormat.format(new Date(page.updatedAt)) })}</span>
        </p>
        <div className="kb-page-actions">
          <Button variant={page.favourite ? 'primary' : 'secondary'} aria-pressed={page.favourite} icon={<Star aria-hidden="true" />} onClick={() => void favourite()}>
            {page.favourite ? t('kb.isFavourite') : t('kb.makeFavourite')}
          </Button>
          {canEdit && (
            <a className="btn btn-secondary" href={hrefFor({ name: 'kbEdit', id: page.id })}>
              <Pencil aria-hidden="true" />
              <span>{t('kb.edit')}</span>
            </a>
          )}
        </div>
        {overdueFor([page], personId, new Date(now)).length > 0 && (
          <p className="kb-review-flag" role="note">
            <CalendarClock aria-hidden="true" /> {t('kb.review.ownerFlag', { date: dateFormat.format(new Date(page.reviewDate!)) })}
          </p>
        )}
        {page.pending && <p className="kb-pending">{t('kb.pending')}</p>}
      </header>

      <PageBody source={page.body} linkedTitles={page.linkedTitles} />

      {page.attachments.length > 0 && (
        <section className="kb-attachments" aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t('kb.attachments')}</h2>
          <ul>
            {page.attachments.map((file) => (
              <li key={file.id}>
                <Button icon={<Download aria-hidden="true" />} onClick={() => void download(file.id, t)}>
                  {file.name} <span className="kb-file-size">({sizeText(file.byteSize)})</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="kb-feedback" aria-labelledby="feedback-title">
        <h2 id="feedback-title">{t('kb.wasUseful')}</h2>
        <div className="kb-feedback-buttons">
          <Button variant={page.myFeedback?.helpful === true ? 'primary' : 'secondary'} aria-pressed={page.myFeedback?.helpful === true} icon={<ThumbsUp aria-hidden="true" />} onClick={() => void answer(true, null)}>
            {t('kb.yes')}
          </Button>
          <Button variant={page.myFeedback?.helpful === false ? 'primary' : 'secondary'} aria-pressed={page.myFeedback?.helpful === false} icon={<ThumbsDown aria-hidden="true" />} onClick={() => void answer(false, null)}>
            {t('kb.no')}
          </Button>
        </div>
        {page.myFeedback?.helpful === false && (
          <form
            className="kb-remark"
            onSubmit={(e) => {
              e.preventDefault();
              void answer(false, remark);
            }}
          >
            <TextArea label={t('kb.remarkLabel')} value={remark} maxLength={1000} rows={3} onChange={(e) => setRemark(e.target.value)} />
            <Button type="submit" disabled={!remark.trim()}>
              {t('kb.sendRemark')}
            </Button>
          </form>
        )}
      </section>
    </article>
  );
}

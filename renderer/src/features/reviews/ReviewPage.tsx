import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewViewModel } from '../../../../common/src/ipc/reviewViews';
import { hrefFor } from '../../app/route';
import { invoke, on } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { TextArea } from '../../ui/TextArea';
import { showToast } from '../../ui/toast/toastStore';
import { useIsReviewer } from './reviewRoles';
import { SuggestionView } from './SuggestionView';
import './reviews.css';

type State = { status: 'loading' } | { status: 'ready'; review: ReviewViewModel } | { status: 'gone' } | { status: 'error'; code: Parameters<typeof errorText>[1] };

/** One draft: the coach comments, suggests, approves or sends back; the author compares, chooses and posts. */
export function ReviewPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person.id : null));
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    const r = await invoke('reviews.get', { id });
    setState(r.ok ? { status: 'ready', review: r.value } : r.error.code === 'not_found' ? { status: 'gone' } : { status: 'error', code: r.error.code });
  }, [id]);

  useEffect(() => {
    void load();
    const off = [on('timeline.changed', () => void load()), on('notification', () => void load())];
    return () => {
      for (const f of off) f();
    };
  }, [load]);

  return (
    <>
      <p>
        <a href={hrefFor({ name: 'reviews' })}>{t('reviews.back')}</a>
      </p>
      <h1 className="page-title">{t('reviews.heading')}</h1>
      {state.status === 'loading' && <Skeleton width="100%" height={160} />}
      {state.status === 'gone' && <p className="notice">{t('reviews.notFound')}</p>}
      {state.status === 'error' && (
        <div className="notice">
          <p>{errorText(t, state.code)}</p>
          <Button onClick={() => void load()}>{t('timeline.retry')}</Button>
        </div>
      )}
      {state.status === 'ready' && (state.review.authorId === me ? <AuthorView review={state.review} /> : <CoachView review={state.review} />)}
    </>
  );
}

function Notes({ review }: { review: ReviewViewModel }) {
  const { t } = useTranslation();
  const notes = review.notes.filter((n) => n.kind !== 'suggestion');
  if (notes.length === 0) return null;
  return (
    <section aria-label={t('reviews.notes')}>
      <h2>{t('reviews.notes')}</h2>
      <ul className="review-notes">
        {notes.map((n) => (
          <li key={n.id}>
            <strong>
              {t(`reviews.noteKind.${n.kind}`)} · {n.authorName}
            </strong>
            <p className="review-text">{n.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AuthorView({ review }: { review: ReviewViewModel }) {
  const { t } = useTranslation();
  const suggestion = [...review.notes].reverse().find((n) => n.kind === 'suggestion');
  const [text, setText] = useState(review.body);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    const r = await invoke('reviews.publish', { id: review.id, body: text });
    setBusy(false);
    if (!r.ok) {
      showToast(errorText(t, r.error.code), 'error');
      return;
    }
    showToast(review.status === 'approval' ? t('reviews.waitingApproval') : t('reviews.published'));
    window.location.hash = hrefFor({ name: 'reviews' });
  };
  return (
    <Card as="section" className="review-detail" aria-label={t('reviews.draft')}>
      <p className={`review-status review-status-${review.status}`}>{t(`reviews.status.${review.status}`)}</p>
      <Notes review={review} />
      {suggestion && <SuggestionView mine={review.body} suggested={suggestion.body} coach={suggestion.authorName} />}
      {suggestion && (
        <div className="review-actions">
          <Button variant={text === suggestion.body ? 'primary' : 'secondary'} aria-pressed={text === suggestion.body} onClick={() => setText(suggestion.body)}>
            {t('reviews.takeOver')}
          </Button>
          <Button variant={text === review.body ? 'primary' : 'secondary'} aria-pressed={text === review.body} onClick={() => setText(review.body)}>
            {t('reviews.keepMine')}
          </Button>
        </div>
      )}
      <TextArea label={t('reviews.edit')} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="review-actions">
        {review.status !== 'approval' && (
          <Button variant="primary" disabled={!text.trim() || busy || review.sending} onClick={() => void publish()}>
            {t('reviews.publish')}
          </Button>
        )}
      </div>
    </Card>
  );
}

function CoachView({ review }: { review: ReviewViewModel }) {
  const { t } = useTranslation();
  const reviewer = useIsReviewer();
  const [comment, setComment] = useState('');
  const [suggestion, setSuggestion] = useState(review.body);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => ReturnType<typeof invoke<'reviews.note'>>, done: string, after?: () => void) => {
    setBusy(true);
    const r = await work();
    setBusy(false);
    if (!r.ok) {
      showToast(errorText(t, r.error.code), 'error');
      return;
    }
    showToast(done);
    after?.();
  };
  const toQueue = () => {
    window.location.hash = hrefFor({ name: 'reviews' });
  };
  return (
    <Card as="section" className="review-detail" aria-label={t('reviews.draft')}>
      <p className="review-meta">
        <span className={`review-status review-status-${review.status}`}>{t(`reviews.status.${review.status}`)}</span>
        <span>{t('reviews.by', { name: review.authorName })}</span>
        {review.groupName && <span>{t('reviews.inGroup', { group: review.groupName })}</span>}
      </p>
      <h2>{t('reviews.draft')}</h2>
      <p className="review-text">{review.body}</p>
      <Notes review={review} />
      {reviewer && (
        <>
          <TextArea label={t('reviews.comment')} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="review-actions">
            <Button disabled={!comment.trim() || busy} onClick={() => void act(() => invoke('reviews.note', { id: review.id, kind: 'comment', body: comment }), t('reviews.noted'), () => setComment(''))}>
              {t('reviews.sendComment')}
            </Button>
            {review.status === 'approval' && (
              <Button disabled={!comment.trim() || busy} onClick={() => void act(() => invoke('reviews.decide', { id: review.id, approve: false, comment }), t('reviews.returned'), toQueue)}>
                {t('reviews.returnIt')}
              </Button>
            )}
          </div>
          <TextArea label={t('reviews.suggestion')} rows={5} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} />
          <div className="review-actions">
            <Button
              disabled={!suggestion.trim() || suggestion.trim() === review.body.trim() || busy}
              onClick={() => void act(() => invoke('reviews.note', { id: review.id, kind: 'suggestion', body: suggestion }), t('reviews.noted'), toQueue)}
            >
              {t('reviews.sendSuggestion')}
            </Button>
            {review.status === 'approval' && (
              <Button variant="primary" disabled={busy} onClick={() => void act(() => invoke('reviews.decide', { id: review.id, approve: true, comment: null }), t('reviews.approved'), toQueue)}>
                {t('reviews.approve')}
              </Button>
            )}
          </div>
        </>
      )}
    </Card>
  );
}

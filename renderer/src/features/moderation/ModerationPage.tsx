import { EyeOff, RotateCcw, ThumbsUp } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HIDE_REASON_MAX } from '../../../../common/src/api/routes/moderation';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { ModerationEntryView } from '../../../../common/src/ipc/moderationViews';
import { postHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { errorText } from '../../ui/i18n/i18n';
import { RelativeTime } from '../../ui/RelativeTime';
import { showToast } from '../../ui/toast/toastStore';
import { useIsModerator } from './roles';
import './moderation.css';

type Status = 'open' | 'hidden';

/** `#/moderatie`: what colleagues reported, one entry per item, for coaches and editors to decide on. */
export function ModerationPage() {
  const { t } = useTranslation();
  const moderator = useIsModerator();
  const [status, setStatus] = useState<Status>('open');
  const [items, setItems] = useState<ModerationEntryView[] | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  const load = useCallback(async (which: Status) => {
    setItems(null);
    setError(null);
    const answer = await invoke('moderation.queue', { status: which });
    if (answer.ok) setItems(answer.value.items);
    else setError(answer.error.code);
  }, []);

  useEffect(() => {
    if (moderator) void load(status);
  }, [moderator, status, load]);

  if (!moderator) return <p className="notice">{t('errors.forbidden')}</p>;
  const decided = (itemId: string) => {
    setItems((list) => list?.filter((e) => e.itemId !== itemId) ?? null);
    showToast(t('moderation.decided'));
  };

  return (
    <>
      <h1 className="page-title">{t('moderation.title')}</h1>
      <p className="muted">{t('moderation.intro')}</p>
      <div className="moderation-tabs" role="tablist">
        {(['open', 'hidden'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={status === s} className="moderation-tab" onClick={() => setStatus(s)}>
            {t(s === 'open' ? 'moderation.tabOpen' : 'moderation.tabHidden')}
          </button>
        ))}
      </div>
      <section aria-busy={items === null && error === null} className="moderation-queue">
        {error && (
          <div className="notice">
            <p>{error === 'offline' ? t('moderation.offline') : errorText(t, error)}</p>
            <Button onClick={() => void load(status)}>{t('moderation.retry')}</Button>
          </div>
        )}
        {items?.length === 0 && <p className="notice">{t(status === 'open' ? 'moderation.empty' : 'moderation.emptyHidden')}</p>}
        {items?.map((entry) => <Entry key={`${entry.itemKind}:${entry.itemId}`} entry={entry} onDecided={() => decided(entry.itemId)} />)}
      </section>
    </>
  );
}

function Entry({ entry, onDecided }: { entry: ModerationEntryView; onDecided: () => void }) {
  const { t } = useTranslation();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = useId();
  const hintId = useId();
  const name = entry.author.name || t('post.someone');

  const decide = async (input: { action: 'hide'; reason: string } | { action: 'dismiss' | 'restore' }) => {
    const done = await invoke('moderation.decide', { ...input, itemKind: entry.itemKind, itemId: entry.itemId });
    if (done.ok) onDecided();
    else setProblem(errorText(t, done.error.code));
  };

  return (
    <Card as="article" className="moderation-entry" aria-label={`${t(entry.itemKind === 'post' ? 'moderation.kindPost' : 'moderation.kindComment')} · ${name}`}>
      <header className="moderation-head">
        <Avatar name={name} url={entry.author.avatarUrl} size="sm" />
        <p>
          <strong>{name}</strong>
          <span className="muted">
            {' · '}
            {t(entry.itemKind === 'post' ? 'moderation.kindPost' : 'moderation.kindComment')} · <RelativeTime iso={entry.createdAt} />
          </span>
        </p>
      </header>
      <blockquote className="moderation-body">{entry.body}</blockquote>
      {entry.status === 'hidden' && entry.hiddenReason && <p className="hidden-notice">{t('moderation.hiddenBecause', { reason: entry.hiddenReason })}</p>}
      {entry.reporters > 0 && (
        <div className="moderation-reports">
          <p>
            <strong>{t('moderation.reporters', { count: entry.reporters })}</strong>
          </p>
          <ul className="moderation-reasons">
            {entry.reasons.map((r) => (
              <li key={r.reason}>{t('moderation.reasonCount', { reason: t(`moderation.reasons.${r.reason}`), count: r.count })}</li>
            ))}
          </ul>
          {entry.notes.length > 0 && (
            <>
              <p className="muted">{t('moderation.notes')}</p>
              <ul className="moderation-notes">
                {entry.notes.map((note, i) => (
                  <li key={i}>“{note}”</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {hiding && (
        <form
          className="moderation-hide"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void decide({ action: 'hide', reason: reason.trim() });
          }}
        >
          <div className="field">
            <label htmlFor={reasonId}>{t('moderation.hideReason')}</label>
            <input id={reasonId} value={reason} maxLength={HIDE_REASON_MAX} required aria-describedby={hintId} onChange={(e) => setReason(e.target.value)} autoFocus />
            <p id={hintId} className="muted">
              {t('moderation.hideReasonHint')}
            </p>
          </div>
          <div className="moderation-buttons">
            <Button onClick={() => setHiding(false)}>{t('moderation.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={!reason.trim()}>
              {t('moderation.hideConfirm')}
            </Button>
          </div>
        </form>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
      {!hiding && (
        <div className="moderation-buttons">
          {entry.status === 'hidden' ? (
            <Button icon={<RotateCcw aria-hidden="true" />} onClick={() => void decide({ action: 'restore' })}>
              {t('moderation.restore')}
            </Button>
          ) : (
            <>
              <Button icon={<ThumbsUp aria-hidden="true" />} onClick={() => void decide({ action: 'dismiss' })}>
                {t('moderation.dismiss')}
              </Button>
              <Button variant="primary" icon={<EyeOff aria-hidden="true" />} onClick={() => setHiding(true)}>
                {t('moderation.hide')}
              </Button>
            </>
          )}
          {entry.status === 'open' && <a href={postHref(entry.postId)}>{t('moderation.open')}</a>}
        </div>
      )}
    </Card>
  );
}

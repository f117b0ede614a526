import { SmilePlus } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactionKind } from '../../../../common/src/api/entities';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { errorText } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import { react, toggleLike } from '../timeline/timelineStore';
import { REACTION_ICONS, REACTION_KINDS } from './reactionKinds';
import './reactions.css';

/**
 * One reaction per person: the main button gives a like (or takes back whatever she gave), "Reageer"
 * opens the five choices in place (a tap, never a hover), and the counts per kind stand beside them,
 * only the kinds someone gave.
 */
export function ReactionBar({ post }: { post: PostViewModel }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const choicesId = useId();
  const mine: ReactionKind | null = post.likedByMe ? (post.myReaction ?? 'like') : null;
  const MainIcon = REACTION_ICONS[mine ?? 'like'];
  const counts = post.reactions ?? { like: post.likeCount, hart: 0, applaus: 0, inzichtelijk: 0, bedankt: 0 };
  const given = REACTION_KINDS.filter((k) => counts[k] > 0);
  // Only likes: the total in the button says it all; other kinds get their own counts beside it.
  const perKind = given.some((k) => k !== 'like');

  const done = (error: Awaited<ReturnType<typeof react>>) => {
    if (error) showToast(errorText(t, error), 'error');
  };
  const main = async () => {
    if (mine === null || mine === 'like') done(await toggleLike(post.id));
    else done(await react(post.id, null));
  };
  const choose = async (kind: ReactionKind) => {
    setOpen(false);
    done(await react(post.id, mine === kind ? null : kind));
  };

  return (
    <div className="reaction-bar">
      <button
        type="button"
        className="action like"
        aria-pressed={mine !== null}
        title={post.likeCount > 0 ? t('post.likeCount', { count: post.likeCount }) : undefined}
        onClick={() => void main()}
      >
        <MainIcon aria-hidden="true" fill={mine !== null && mine !== 'applaus' ? 'currentColor' : 'none'} />
        <span>{t(`reactions.kind.${mine ?? 'like'}`)}</span>
        {post.likeCount > 0 && !perKind && <span className="like-count">{post.likeCount}</span>}
      </button>
      <button type="button" className="action" aria-expanded={open} aria-controls={choicesId} onClick={() => setOpen(!open)}>
        <SmilePlus aria-hidden="true" />
        <span>{t('reactions.choose')}</span>
      </button>
      {perKind && (
        <p className="reaction-counts" aria-label={given.map((k) => t('reactions.count', { count: counts[k], kind: t(`reactions.kind.${k}`) })).join(', ')}>
          {given.map((k) => {
            const Icon = REACTION_ICONS[k];
            return (
              <span key={k} className="reaction-count" aria-hidden="true">
                <Icon />
                <span className="like-count">{counts[k]}</span>
              </span>
            );
          })}
        </p>
      )}
      {open && (
        <div id={choicesId} className="reaction-choices" role="group" aria-label={t('reactions.choices')}>
          {REACTION_KINDS.map((k) => {
            const Icon = REACTION_ICONS[k];
            return (
              <button key={k} type="button" className="reaction-choice" aria-pressed={mine === k} onClick={() => void choose(k)}>
                <Icon aria-hidden="true" />
                <span>{t(`reactions.kind.${k}`)}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}

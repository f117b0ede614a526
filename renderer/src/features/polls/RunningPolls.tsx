import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { postHref } from '../../app/route';
import { Card } from '../../ui/Card';
import { useReadOnly } from '../timeline/readOnly';
import { useTimeline } from '../timeline/timelineStore';
import { votePoll } from './pollActions';
import { PollCard } from './PollCard';
import { refreshRunningPolls, useRunningPolls } from './runningPollsStore';

/** "Lopende peilingen": the polls still open that were asked of her, with their bars, to vote in at once. */
export function RunningPolls() {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const { items, loaded } = useRunningPolls();
  // The timeline store changes with every sync, vote and closing that reaches the screen.
  const timelineVersion = useTimeline((s) => s.byId);
  useEffect(() => {
    void refreshRunningPolls();
  }, [timelineVersion]);

  return (
    <Card as="section" className="running-polls" aria-labelledby="running-polls-title">
      <h2 id="running-polls-title">{t('polls.running')}</h2>
      {loaded && items.length === 0 && <p className="running-polls-empty muted">{t('polls.noneRunning')}</p>}
      {items.map((post) =>
        post.poll ? (
          <div key={post.id} className="running-poll">
            <PollCard poll={post.poll} readOnly={readOnly} onVote={(ids) => void votePoll(post.id, ids)} />
            <a className="running-poll-link" href={postHref(post.id)} aria-label={t('polls.openPoll', { question: post.poll.question })}>
              {t('polls.discuss')}
            </a>
          </div>
        ) : null,
      )}
    </Card>
  );
}

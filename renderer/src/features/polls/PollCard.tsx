import { format } from 'date-fns';
import { Check, EyeOff, Lock } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollOptionView, PollViewModel } from '../../../../common/src/ipc/pollViews';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/clock';
import { dateLocale } from '../../ui/i18n/dateLocale';
import { pollShares, pollTotal } from './pollResults';

type Props = {
  poll: PollViewModel;
  /** Her choice; the card shows it at once when the poll comes back with it. */
  onVote(optionIds: string[]): void;
  /** Nobody logged in (a kiosk's signage, the lock screen): the results, no buttons. */
  readOnly?: boolean;
  /** The question as the card's heading level; the timeline's post already has an h2 for its author. */
  headingLevel?: 2 | 3;
};

/**
 * A poll: its question, the options as big touch targets (single choice votes with one tap, multiple
 * choice with boxes and "Stem"), and once she may see them, bars with counts and percentages that
 * move as votes come in. Everything a bar says is also text, so nothing depends on colour.
 */
export function PollCard({ poll, onVote, readOnly = false, headingLevel = 3 }: Props) {
  const { t } = useTranslation();
  const questionId = useId();
  const hintId = useId();
  const chosenIds = poll.options.filter((o) => o.chosen).map((o) => o.id);
  const [selected, setSelected] = useState<string[]>(chosenIds);
  const chosenKey = chosenIds.join(',');
  // Her vote as the poll now says (a rollback, a change from another device) replaces a stale selection.
  useEffect(() => setSelected(chosenKey ? chosenKey.split(',') : []), [chosenKey]);

  // Closing needs no event: the screen's clock closes the card, and main's answer follows with the results.
  const now = useNow((s) => s.now);
  const closed = poll.closed || (poll.closesAt !== null && Date.parse(poll.closesAt) <= now);
  const shown = closed === poll.closed ? poll : { ...poll, closed };
  const canVote = !readOnly && poll.mayVote && !closed;
  const shares = pollShares(poll);
  const total = pollTotal(poll);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const changed = selected.length > 0 && [...selected].sort().join(',') !== [...chosenIds].sort().join(',');

  const toggle = (id: string) => setSelected((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));

  return (
    <section className={`poll${closed ? ' poll-closed' : ''}`} aria-labelledby={questionId}>
      <Heading id={questionId} className="poll-question">
        {poll.question}
      </Heading>
      <p className="poll-meta muted">
        <span className="poll-voters" aria-live="polite">
          {t('polls.voters', { count: poll.voters })}
        </span>
        {closed ? (
          <span className="poll-chip poll-chip-closed">
            <Lock aria-hidden="true" />
            {t('polls.closed')}
          </span>
        ) : (
          poll.closesAt && (
            <time dateTime={poll.closesAt}>{t('polls.closesAt', { when: format(new Date(poll.closesAt), 'EEEE d MMMM HH:mm', { locale: dateLocale() }) })}</time>
          )
        )}
        {poll.anonymous && (
          <span className="poll-chip" title={t('polls.anonymousHint')}>
            <EyeOff aria-hidden="true" />
            {t('polls.anonymous')}
            <span className="sr-only">: {t('polls.anonymousHint')}</span>
          </span>
        )}
      </p>
      {canVote && !poll.voted && (
        <p id={hintId} className="poll-hint muted">
          {poll.multiple ? t('polls.chooseMany') : t('polls.chooseOne')}
        </p>
      )}
      {canVote && !poll.multiple ? (
        <div role="radiogroup" aria-labelledby={questionId} aria-describedby={poll.voted ? undefined : hintId} className="poll-options">
          {poll.options.map((o) => (
            <button
              key={o.id}
              type="button"
              role="radio"
              aria-checked={o.chosen}
              className="poll-option poll-option-button"
              onClick={() => {
                if (!o.chosen) onVote([o.id]);
              }}
            >
              <OptionContent option={o} poll={poll} share={shares.get(o.id) ?? 0} total={total} />
            </button>
          ))}
        </div>
      ) : canVote ? (
        <form
          className="poll-options"
          aria-labelledby={questionId}
          aria-describedby={poll.voted ? undefined : hintId}
          onSubmit={(e) => {
            e.preventDefault();
            if (changed) onVote(selected);
          }}
        >
          {poll.options.map((o) => (
            <label key={o.id} className="poll-option poll-option-check">
              <input type="checkbox" checked={selected.includes(o.id)} onChange={() => toggle(o.id)} />
              <OptionContent option={o} poll={poll} share={shares.get(o.id) ?? 0} total={total} />
            </label>
          ))}
          <Button type="submit" variant="primary" disabled={!changed} className="poll-submit">
            {poll.voted ? t('polls.changeVote') : t('polls.vote')}
          </Button>
        </form>
      ) : (
        <ul className="poll-options" aria-labelledby={questionId}>
          {poll.options.map((o) => (
            <li key={o.id} className="poll-option poll-option-static">
              <OptionContent option={o} poll={poll} share={shares.get(o.id) ?? 0} total={total} />
            </li>
          ))}
        </ul>
      )}
      <PollStatus poll={shown} />
    </section>
  );
}

function OptionContent({ option, poll, share, total }: { option: PollOptionView; poll: PollViewModel; share: number; total: number }) {
  const { t } = useTranslation();
  const shown = poll.resultsVisible && option.votes !== null;
  return (
    <>
      {shown && <span className="poll-bar" style={{ width: `${share}%` }} aria-hidden="true" />}
      <span className="poll-option-label">
        {option.chosen && <Check className="poll-check" aria-hidden="true" />}
        <span>{option.label}</span>
        {option.chosen && <span className="poll-mine">({t('polls.yourChoice')})</span>}
      </span>
      {shown && (
        <>
          <span className="poll-count" aria-hidden="true">
            {t('polls.optionVotes', { count: option.votes ?? 0 })} · {share}%
          </span>
          <span className="sr-only">{`: ${t('polls.optionResult', { count: option.votes ?? 0, total, percent: share })}`}</span>
        </>
      )}
    </>
  );
}

/** One line on where she stands: waiting, voted, when the results come, closed. */
function PollStatus({ poll }: { poll: PollViewModel }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (poll.sending) lines.push(t('polls.sending'));
  else if (poll.votePending) lines.push(t('polls.votePending'));
  else if (poll.voted && !poll.closed) lines.push(poll.anonymous ? t('polls.votedAnonymous') : poll.changeable ? t('polls.voted') : t('polls.votedFinal'));
  if (poll.closed) lines.push(t('polls.closedNote'));
  else if (!poll.resultsVisible && !poll.sending) {
    if (poll.showResults === 'after_close') lines.push(t('polls.resultsAfterClose'));
    else if (!poll.voted) lines.push(t('polls.resultsAfterVote'));
  }
  if (lines.length === 0) return null;
  return (
    <p className="poll-status" role="status">
      {lines.join(' ')}
    </p>
  );
}

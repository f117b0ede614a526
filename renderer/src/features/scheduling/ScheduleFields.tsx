import { Lightbulb } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingSlot } from '../../../../common/src/api/routes/scheduling';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { localInputValue, nextSlotStart, type ScheduleProblem } from './scheduleTime';
import './scheduling.css';

/** ISO weekdays 1-7 as the message keys name them. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface ScheduleDraft {
  /** `datetime-local` values; '' when not chosen. */
  publishAt: string;
  endsAt: string;
}

export const emptySchedule: ScheduleDraft = { publishAt: '', endsAt: '' };

/**
 * "Later plaatsen": when the post appears, with the organisation's busiest two hours as a tip, and
 * for editors when it leaves the timeline. The tip needs the server; offline it is simply not there.
 */
export function ScheduleFields({ value, onChange, editor, problem }: { value: ScheduleDraft; onChange: (next: ScheduleDraft) => void; editor: boolean; problem: ScheduleProblem | null }) {
  const { t } = useTranslation();
  const [slot, setSlot] = useState<PostingSlot | null>(null);

  useEffect(() => {
    let live = true;
    void invoke('scheduling.bestTime', {}).then((r) => {
      if (live && r.ok) setSlot(r.value.slot);
    });
    return () => {
      live = false;
    };
  }, []);

  const publishError = problem === 'missing' || problem === 'past' || problem === 'tooFar' ? t(`scheduling.problem.${problem}`) : null;
  return (
    <fieldset className="schedule-fields">
      <legend>{t('scheduling.legend')}</legend>
      <TextField
        label={t('scheduling.publishAt')}
        type="datetime-local"
        value={value.publishAt}
        onChange={(e) => onChange({ ...value, publishAt: e.target.value })}
        error={publishError}
      />
      {slot && (
        <div className="schedule-tip">
          <Lightbulb aria-hidden="true" />
          <p>{t('scheduling.tip', { day: t(`scheduling.weekday.${WEEKDAYS[slot.weekday - 1] ?? 'mon'}`), from: slot.fromHour, to: slot.toHour })}</p>
          <Button variant="quiet" onClick={() => onChange({ ...value, publishAt: localInputValue(nextSlotStart(slot, new Date())) })}>
            {t('scheduling.useTip')}
          </Button>
        </div>
      )}
      {editor && (
        <TextField
          label={t('scheduling.endsAt')}
          type="datetime-local"
          value={value.endsAt}
          onChange={(e) => onChange({ ...value, endsAt: e.target.value })}
          error={problem === 'endBeforeStart' ? t('scheduling.problem.endBeforeStart') : null}
        />
      )}
    </fieldset>
  );
}

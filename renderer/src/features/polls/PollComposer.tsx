import { Plus, X } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_OPTION_MAX, POLL_OPTIONS_MAX, POLL_OPTIONS_MIN, POLL_QUESTION_MAX } from '../../../../common/src/api/routes/polls';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { addOwnPost } from '../timeline/timelineStore';
import { checkDraft, closingTime, emptyDraft, filledOptions, type DraftErrors, type PollDraft } from './pollDraft';
import { refreshRunningPolls } from './runningPollsStore';

type Place = { id: string | null; name: string };

/**
 * Asks a poll: the question, 2 to 10 choices, single or multiple choice, anonymous, a closing time and
 * when the results show. In a group's composer it goes to that group; on the home page an editor may
 * ask the whole organisation, anyone may ask a group she is in.
 */
export function PollComposer({ group, onDone }: { group?: { id: string; name: string }; onDone(): void }) {
  const { t } = useTranslation();
  const roles = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person.roles : []));
  const offline = useAppState((s) => s.sync?.state === 'offline');
  const editor = roles.includes('editor') || roles.includes('admin');
  const [draft, setDraft] = useState<PollDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [places, setPlaces] = useState<Place[]>(group ? [group] : editor ? [{ id: null, name: t('pollComposer.organisation') }] : []);
  const [place, setPlace] = useState<string>(group?.id ?? (editor ? '' : ''));
  const titleId = useId();

  useEffect(() => {
    if (group) return;
    void invoke('groups.mine', {}).then((mine) => {
      if (!mine.ok) return;
      const groups = mine.value.items.map((g) => ({ id: g.id, name: g.name }));
      setPlaces((now) => [...now.filter((p) => p.id === null), ...groups]);
      if (!editor && groups[0]) setPlace((now) => now || groups[0]!.id);
    });
  }, [group, editor]);

  const update = (patch: Partial<PollDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    // Once she tried to post, the messages follow her typing.
    if (errors) setErrors(checkDraft(next, new Date()).errors);
  };
  const setOption = (i: number, value: string) => update({ options: draft.options.map((o, j) => (j === i ? value : o)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkDraft(draft, new Date());
    setErrors(checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    const closes = closingTime(draft);
    const result = await invoke('poll.create', {
      question: draft.question,
      options: filledOptions(draft),
      multiple: draft.multiple,
      anonymous: draft.anonymous,
      showResults: draft.showResults,
      closesAt: closes ? closes.toISOString() : null,
      groupId: place || null,
    });
    setBusy(false);
    if (!result.ok) {
      showToast(result.error.code === 'forbidden' || result.error.code === 'invalid_input' ? result.error.message : errorText(t, result.error.code), 'error');
      return;
    }
    if (!group) addOwnPost(result.value);
    void refreshRunningPolls();
    showToast(offline ? t('errors.offline') : t('pollComposer.posted'));
    onDone();
  };

  const message = (key: keyof typeof messageArgs | undefined) => (key ? t(`pollComposer.errors.${key}`, messageArgs[key]) : null);

  if (places.length === 0 && !group) return <p className="notice">{t('pollComposer.noPlace')}</p>;

  return (
    <form className="poll-composer" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={titleId} className="poll-composer-title">
        {t('pollComposer.title')}
      </h2>
      <TextField
        label={t('pollComposer.question')}
        placeholder={t('pollComposer.questionPlaceholder')}
        value={draft.question}
        maxLength={POLL_QUESTION_MAX + 50}
        onChange={(e) => update({ question: e.target.value })}
        error={message(errors?.question)}
        autoFocus
      />
      <fieldset className="poll-composer-options">
        <legend>{t('pollComposer.options')}</legend>
        {draft.options.map((option, i) => (
          <div key={i} className="poll-composer-option">
            <TextField
              label={t('pollComposer.option', { n: i + 1 })}
              value={option}
              maxLength={POLL_OPTION_MAX + 50}
              onChange={(e) => setOption(i, e.target.value)}
              error={message(errors?.option[i])}
            />
            {draft.options.length > POLL_OPTIONS_MIN && (
              <Button
                variant="quiet"
                className="poll-composer-remove"
                aria-label={t('pollComposer.removeOption', { n: i + 1 })}
                icon={<X aria-hidden="true" />}
                onClick={() => update({ options: draft.options.filter((_, j) => j !== i) })}
              />
            )}
          </div>
        ))}
        {errors?.options && (
          <p className="field-error" role="alert">
            {message(errors.options)}
          </p>
        )}
        {draft.options.length < POLL_OPTIONS_MAX && (
          <Button variant="quiet" icon={<Plus aria-hidden="true" />} onClick={() => update({ options: [...draft.options, ''] })}>
            {t('pollComposer.addOption')}
          </Button>
        )}
      </fieldset>
      <label className="poll-composer-switch">
        <input type="checkbox" checked={draft.multiple} onChange={(e) => update({ multiple: e.target.checked })} />
        {t('pollComposer.multiple')}
      </label>
      <label className="poll-composer-switch">
        <input type="checkbox" checked={draft.anonymous} onChange={(e) => update({ anonymous: e.target.checked })} />
        <span>
          {t('pollComposer.anonymous')}
          <span className="muted poll-composer-note">{t('pollComposer.anonymousHint')}</span>
        </span>
      </label>
      <div className="poll-composer-row">
        <div className="field">
          <label htmlFor={`${titleId}-results`}>{t('pollComposer.results')}</label>
          <select id={`${titleId}-results`} value={draft.showResults} onChange={(e) => update({ showResults: e.target.value as PollDraft['showResults'] })}>
            <option value="always">{t('pollComposer.results_always')}</option>
            <option value="after_vote">{t('pollComposer.results_after_vote')}</option>
            <option value="after_close">{t('pollComposer.results_after_close')}</option>
          </select>
        </div>
        <TextField
          type="datetime-local"
          label={t('pollComposer.closes')}
          value={draft.closesAt}
          onChange={(e) => update({ closesAt: e.target.value })}
          error={message(errors?.closesAt)}
        />
        {!group && (
          <div className="field">
            <label htmlFor={`${titleId}-where`}>{t('pollComposer.where')}</label>
            <select id={`${titleId}-where`} value={place} onChange={(e) => setPlace(e.target.value)}>
              {places.map((p) => (
                <option key={p.id ?? ''} value={p.id ?? ''}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="poll-composer-actions">
        <Button onClick={onDone}>{t('pollComposer.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('pollComposer.submit')}
        </Button>
      </div>
    </form>
  );
}

const messageArgs = {
  questionEmpty: {},
  questionTooLong: { max: POLL_QUESTION_MAX },
  tooFew: { min: POLL_OPTIONS_MIN },
  tooMany: { max: POLL_OPTIONS_MAX },
  optionEmpty: {},
  optionTooLong: { max: POLL_OPTION_MAX },
  duplicate: {},
  closesInPast: {},
} as const;

import { ArrowDown, ArrowUp, Plus, Send, Trash2 } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StarterSettings } from '../../../../common/src/api/routes/starters';
import { amsterdamDay } from '../../../../common/src/time/amsterdamDay';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { useIsEditor } from '../mailings/roles';
import { upcoming, type Draft, type DraftQuestion } from './startersDraft';
import './starters.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Editors: the conversation starters' questions (in the order they are asked), their rhythm and where they are asked. */
export function StartersPage() {
  const { t, i18n } = useTranslation();
  const editor = useIsEditor();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<StarterSettings | null>(null);
  const [groups, setGroups] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();

  const take = (s: StarterSettings) => {
    setSaved(s);
    setDraft({ questions: s.questions.map((q, key) => ({ ...q, key })), rhythm: s.rhythm, groupId: s.groupId, enabled: s.enabled });
  };

  useEffect(() => {
    let live = true;
    void invoke('starters.settings', {}).then((r) => {
      if (!live) return;
      if (r.ok) take(r.value);
      else setProblem(errorText(t, r.error.code));
    });
    void invoke('groups.mine', {}).then((r) => live && r.ok && setGroups(r.value.items.filter((g) => g.visibility !== 'private')));
    return () => {
      live = false;
    };
  }, [t]);

  if (!editor) return <p className="notice">{t('starters.editorsOnly')}</p>;
  if (!draft) return problem ? <p className="notice">{problem}</p> : <p className="muted">{t('starters.loading')}</p>;

  const questions = draft.questions;
  const setQuestions = (next: DraftQuestion[]) => setDraft({ ...draft, questions: next });
  const move = (i: number, by: -1 | 1) => {
    const next = [...questions];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setQuestions(next);
  };
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

  const save = async () => {
    if (questions.some((q) => !q.text.trim())) return setProblem(t('starters.emptyQuestion'));
    setProblem(null);
    setBusy(true);
    const r = await invoke('starters.save', {
      questions: questions.map((q) => ({ ...(q.id ? { id: q.id } : {}), text: q.text.trim() })),
      rhythm: draft.rhythm,
      groupId: draft.groupId,
      enabled: draft.enabled,
    });
    setBusy(false);
    if (!r.ok) return showToast(errorText(t, r.error.code), 'error');
    take(r.value);
    showToast(t('starters.saved'));
  };

  const askNow = async () => {
    setBusy(true);
    const r = await invoke('starters.askNow', {});
    setBusy(false);
    if (!r.ok) return showToast(errorText(t, r.error.code), 'error');
    showToast(t('starters.asked'));
    const again = await invoke('starters.settings', {});
    if (again.ok) setSaved(again.value);
  };

  const rhythm = draft.rhythm;
  const coming = saved ? upcoming(saved, 3) : [];
  return (
    <>
      <h1 className="page-title">{t('starters.heading')}</h1>
      <p className="muted">{t('starters.intro')}</p>

      <section className="card starters-next" aria-labelledby={`${ids}-next`}>
        <h2 id={`${ids}-next`}>{t('starters.nextHeading')}</h2>
        {coming.length > 0 ? (
          <ol className="starters-coming">
            {coming.map((c) => (
              <li key={c.at}>
                <strong>{when(c.at)}</strong>
                <span>{c.question}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('starters.nothingPlanned')}</p>
        )}
        <Button icon={<Send aria-hidden="true" />} onClick={() => void askNow()} disabled={busy || !saved || saved.questions.length === 0}>
          {t('starters.askNow')}
        </Button>
      </section>

      <form
        className="card starters-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="pick starters-enabled">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
          <span>{t('starters.enabled')}</span>
        </label>

        <fieldset className="starters-rhythm">
          <legend>{t('starters.rhythm')}</legend>
          <label className="pick pick-radio">
            <input type="radio" name={`${ids}-kind`} checked={rhythm.kind === 'weekly'} onChange={() => setDraft({ ...draft, rhythm: { kind: 'weekly', weekday: 2, time: rhythm.time } })} />
            <span>{t('starters.weekly')}</span>
          </label>
          <label className="pick pick-radio">
            <input
              type="radio"
              name={`${ids}-kind`}
              checked={rhythm.kind === 'days'}
              onChange={() => setDraft({ ...draft, rhythm: { kind: 'days', every: 3, time: rhythm.time, from: amsterdamDay(new Date()) } })}
            />
            <span>{t('starters.everyDays')}</span>
          </label>
          <div className="starters-when">
            {rhythm.kind === 'weekly' ? (
              <div className="field">
                <label htmlFor={`${ids}-weekday`}>{t('starters.weekday')}</label>
                <select id={`${ids}-weekday`} value={rhythm.weekday} onChange={(e) => setDraft({ ...draft, rhythm: { ...rhythm, weekday: Number(e.target.value) } })}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {t(`starters.weekdays.d${d}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <TextField
                label={t('starters.every')}
                type="number"
                min={1}
                max={60}
                value={String(rhythm.every)}
                onChange={(e) => setDraft({ ...draft, rhythm: { ...rhythm, every: Math.min(60, Math.max(1, Number(e.target.value) || 1)) } })}
              />
            )}
            <TextField label={t('starters.time')} type="time" value={rhythm.time} required onChange={(e) => e.target.value && setDraft({ ...draft, rhythm: { ...rhythm, time: e.target.value } })} />
            <div className="field">
              <label htmlFor={`${ids}-target`}>{t('starters.target')}</label>
              <select id={`${ids}-target`} value={draft.groupId ?? ''} onChange={(e) => setDraft({ ...draft, groupId: e.target.value || null })}>
                <option value="">{t('starters.organisation')}</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="muted">{t('starters.timeZone')}</p>
        </fieldset>

        <fieldset className="starters-questions">
          <legend>{t('starters.questions')}</legend>
          <ol>
            {questions.map((q, i) => (
              <li key={q.key} className="starters-question">
                <TextField label={t('starters.question', { n: i + 1 })} value={q.text} maxLength={300} onChange={(e) => setQuestions(questions.map((x) => (x.key === q.key ? { ...x, text: e.target.value } : x)))} />
                <div className="starters-question-actions">
                  <Button variant="quiet" icon={<ArrowUp aria-hidden="true" />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('starters.moveUp', { n: i + 1 })} />
                  <Button variant="quiet" icon={<ArrowDown aria-hidden="true" />} disabled={i === questions.length - 1} onClick={() => move(i, 1)} aria-label={t('starters.moveDown', { n: i + 1 })} />
                  <Button variant="quiet" icon={<Trash2 aria-hidden="true" />} onClick={() => setQuestions(questions.filter((x) => x.key !== q.key))} aria-label={t('starters.remove', { n: i + 1 })} />
                </div>
              </li>
            ))}
          </ol>
          <Button icon={<Plus aria-hidden="true" />} onClick={() => setQuestions([...questions, { text: '', key: Math.max(0, ...questions.map((x) => x.key + 1)) }])}>
            {t('starters.add')}
          </Button>
        </fieldset>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="starters-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('starters.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

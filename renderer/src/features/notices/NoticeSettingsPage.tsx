import { useEffect, useId, useState } from 'react';
import { BirthdaySetting } from '../celebrations/BirthdaySetting';
import { useTranslation } from 'react-i18next';
import { NoticeKind, type NoticeSettings } from '../../../../common/src/notify/notices';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { invoke } from '../../app/samen';
import { Card } from '../../ui/Card';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import './notices.css';

const DEFAULT_QUIET = { from: '22:00', to: '07:00' } as const;

/**
 * A workstation's notification choices for the person logged in (kept per person in main): which
 * kinds she hears of at all, "niet storen" and quiet hours for the computer's own notifications.
 * Every switch saves at once; a failed save puts the switch back and says so.
 */
export function NoticeSettingsPage() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<NoticeSettings | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const [quietDraft, setQuietDraft] = useState<{ from: string; to: string }>(DEFAULT_QUIET);

  useEffect(() => {
    let live = true;
    void invoke('notices.settings', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSettings(r.value);
        if (r.value.quietHours) setQuietDraft(r.value.quietHours);
      } else setError(r.error.code);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = async (next: NoticeSettings) => {
    const before = settings;
    setSettings(next);
    setSaved(false);
    setError(null);
    const r = await invoke('notices.setSettings', next);
    if (r.ok) {
      setSettings(r.value);
      setSaved(true);
    } else {
      setSettings(before);
      setError(r.error.code);
    }
  };

  if (!settings) {
    return (
      <section className="notice-settings" aria-labelledby="notice-settings-title">
        <h1 id="notice-settings-title">{t('noticeSettings.title')}</h1>
        {error ? <p role="alert" className="notice-settings-error">{errorText(t, error)}</p> : <Skeleton height="240px" />}
      </section>
    );
  }

  const quietValid = quietDraft.from !== quietDraft.to;
  const setQuietTime = (which: 'from' | 'to', value: string) => {
    const draft = { ...quietDraft, [which]: value };
    setQuietDraft(draft);
    // What is shown is not what is kept until it is valid again: "Opgeslagen" would say otherwise.
    setSaved(false);
    if (/^\d\d:\d\d$/.test(value) && draft.from !== draft.to) void save({ ...settings, quietHours: draft });
  };

  return (
    <section className="notice-settings" aria-labelledby="notice-settings-title">
      <h1 id="notice-settings-title">{t('noticeSettings.title')}</h1>
      <p className="notice-settings-intro">{t('noticeSettings.intro')}</p>

      <Card as="section" aria-labelledby="notice-dnd">
        <Switch
          id="notice-dnd"
          label={t('noticeSettings.doNotDisturb')}
          hint={t('noticeSettings.doNotDisturbHint')}
          checked={settings.doNotDisturb}
          onChange={(on) => void save({ ...settings, doNotDisturb: on })}
        />
      </Card>

      <Card as="section" aria-labelledby="notice-kinds-title">
        <h2 id="notice-kinds-title">{t('noticeSettings.kindsTitle')}</h2>
        <p className="notice-settings-hint">{t('noticeSettings.kindsHint')}</p>
        {NoticeKind.options.map((kind) => (
          <Switch
            key={kind}
            label={t(`noticeSettings.kinds.${kind}`)}
            checked={settings.kinds[kind] !== false}
            onChange={(on) => void save({ ...settings, kinds: { ...settings.kinds, [kind]: on } })}
          />
        ))}
      </Card>

      <Card as="section" aria-labelledby="notice-quiet">
        <Switch
          id="notice-quiet"
          label={t('noticeSettings.quietHours')}
          hint={t('noticeSettings.quietHoursHint')}
          checked={settings.quietHours !== null}
          onChange={(on) => void save({ ...settings, quietHours: on ? (quietValid ? quietDraft : DEFAULT_QUIET) : null })}
        />
        {settings.quietHours && (
          <div className="notice-quiet-times">
            <TimeField label={t('noticeSettings.from')} value={quietDraft.from} onChange={(v) => setQuietTime('from', v)} invalid={!quietValid} />
            <TimeField label={t('noticeSettings.to')} value={quietDraft.to} onChange={(v) => setQuietTime('to', v)} invalid={!quietValid} />
            {!quietValid && (
              <p role="alert" className="notice-settings-error">
                {t('noticeSettings.sameTimes')}
              </p>
            )}
          </div>
        )}
      </Card>

      <BirthdaySetting />

      <p className="notice-settings-status" role="status">
        {saved && !error ? t('noticeSettings.saved') : ''}
      </p>
      {error && (
        <p role="alert" className="notice-settings-error">
          {t('noticeSettings.notSaved')} {errorText(t, error)}
        </p>
      )}
    </section>
  );
}

/** A big on/off switch (role="switch"): the whole row is the target. */
export function Switch(o: { id?: string; label: string; hint?: string; checked: boolean; onChange(on: boolean): void }) {
  const own = useId();
  const labelId = o.id ?? own;
  const hintId = `${labelId}-hint`;
  return (
    <div className="notice-switch-row">
      <span className="notice-switch-text">
        <span id={labelId} className="notice-switch-label">
          {o.label}
        </span>
        {o.hint && (
          <span id={hintId} className="notice-settings-hint">
            {o.hint}
          </span>
        )}
      </span>
      <button
        type="button"
        role="switch"
        aria-checked={o.checked}
        aria-labelledby={labelId}
        aria-describedby={o.hint ? hintId : undefined}
        className="notice-switch"
        onClick={() => o.onChange(!o.checked)}
      >
        <span className="notice-switch-knob" aria-hidden="true" />
      </button>
    </div>
  );
}

function TimeField(o: { label: string; value: string; invalid: boolean; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="notice-time">
      <label htmlFor={id}>{o.label}</label>
      <input id={id} type="time" value={o.value} required aria-invalid={o.invalid} onChange={(e) => o.onChange(e.target.value)} />
    </div>
  );
}

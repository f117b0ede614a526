import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/src/ipc/contract';
import { invoke } from '../../app/samen';
import { Card } from '../../ui/Card';
import { errorText } from '../../ui/i18n/i18n';
import { Switch } from '../notices/NoticeSettingsPage';

/**
 * Her choice whether her birthday shows on the kiosks, among her personal settings. What the
 * organisation knows of her is on the server, so the switch appears only with a connection; her
 * choice itself waits in the outbox like any write.
 */
export function BirthdaySetting() {
  const { t } = useTranslation();
  const [mine, setMine] = useState<MethodOutput<'celebrations.mine'> | null>(null);
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void invoke('celebrations.mine', {}).then((r) => {
      if (!alive) return;
      if (r.ok) setMine(r.value);
      else setFailed(true);
    });
    return () => {
      alive = false;
    };
  }, []);

  const choose = async (shown: boolean) => {
    if (!mine) return;
    const r = await invoke('celebrations.setBirthdayShown', { shown });
    if (r.ok) {
      setMine({ ...mine, birthdayShown: shown, waiting: true });
      setSaved(true);
      setError(null);
    } else setError(errorText(t, r.error.code));
  };

  return (
    <Card as="section" aria-labelledby="celebration-setting">
      <h2 id="celebration-setting">
        {t('celebrations.settingTitle')}
      </h2>
      {failed && <p className="notice-settings-hint">{t('celebrations.offline')}</p>}
      {mine && !mine.organisationShowsBirthdays && <p className="notice-settings-hint">{t('celebrations.organisationOff')}</p>}
      {mine && mine.organisationShowsBirthdays && !mine.birthdayKnown && <p className="notice-settings-hint">{t('celebrations.birthdayUnknown')}</p>}
      {mine && mine.organisationShowsBirthdays && mine.birthdayKnown && (
        <Switch label={t('celebrations.birthdayShown')} hint={t('celebrations.birthdayShownHint')} checked={mine.birthdayShown} onChange={(on) => void choose(on)} />
      )}
      <p className="notice-settings-status" role="status">
        {saved && !error ? t('celebrations.saved') : ''}
      </p>
      {error && (
        <p role="alert" className="notice-settings-error">
          {error}
        </p>
      )}
    </Card>
  );
}

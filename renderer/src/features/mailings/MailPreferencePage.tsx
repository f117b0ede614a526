import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailPreference } from '../../../../common/src/api/routes/mailings';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { invoke } from '../../app/samen';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';

/** Her own choice: mailings by email, or only the mandatory ones. */
export function MailPreferencePage() {
  const { t } = useTranslation();
  const [pref, setPref] = useState<MailPreference | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void invoke('mail.preference', {}).then((r) => (r.ok ? setPref(r.value) : setError(r.error.code)));
  }, []);

  const set = async (optedOut: boolean) => {
    if (!pref) return;
    // Ticked at once; put back if the server does not take it.
    const before = pref;
    setPref({ ...pref, optedOut });
    setBusy(true);
    const r = await invoke('mail.setPreference', { optedOut });
    setBusy(false);
    if (!r.ok) {
      setPref(before);
      return showToast(r.error.code === 'offline' ? t('mailings.offline') : errorText(t, r.error.code), 'error');
    }
    setPref(r.value);
    showToast(optedOut ? t('mailings.me.optedOut') : t('mailings.me.optedIn'));
  };

  return (
    <div className="mail-preference">
      <h1>{t('mailings.me.title')}</h1>
      {error ? (
        <p role="alert">{error === 'offline' ? t('mailings.offline') : errorText(t, error)}</p>
      ) : !pref ? (
        <Skeleton width={480} height={160} />
      ) : (
        <section className="mailing-block" aria-labelledby="my-mail">
          <h2 id="my-mail">{t('mailings.me.mailings')}</h2>
          <p>{pref.address ? t('mailings.me.address', { address: pref.address }) : t('mailings.me.noAddress')}</p>
          <label className="pick mailing-mandatory">
            <input type="checkbox" checked={pref.optedOut} aria-busy={busy} onChange={(e) => void set(e.target.checked)} />
            <span className="pick-text">
              <span className="pick-title">{t('mailings.me.optOut')}</span>
              <span className="pick-meta">{t('mailings.me.optOutHint')}</span>
            </span>
          </label>
        </section>
      )}
    </div>
  );
}

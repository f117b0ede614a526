import { Save, Send } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSettings } from '../../../../common/src/api/routes/mailings';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { hrefFor } from '../../app/route';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { useIsAdmin } from './roles';

const SMTP_URL = /^smtps?:\/\/\S+$/;
const MAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Admins: the organisation's own mail server, and a test message through what mailings use now. */
export function MailSettingsPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const [settings, setSettings] = useState<MailSettings | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [smtpUrl, setSmtpUrl] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<{ field: 'smtpUrl' | 'from' | 'to'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!admin) return;
    void invoke('mailSettings.get', {}).then((r) => {
      if (!r.ok) return setError(r.error.code);
      setSettings(r.value);
      setFrom(r.value.fromAddress ?? '');
    });
  }, [admin]);

  if (!admin) return <p role="alert">{t('mailings.settings.adminsOnly')}</p>;
  if (error && !settings) return <p role="alert">{error === 'offline' ? t('mailings.offline') : errorText(t, error)}</p>;
  if (!settings) return <Skeleton width={560} height={280} />;

  const refused = (code: ClientErrorCode) => showToast(code === 'offline' ? t('mailings.offline') : code === 'invalid_input' ? t('mailings.settings.refused') : errorText(t, code), 'error');

  const save = async (clear: boolean) => {
    const url = smtpUrl.trim();
    if (!clear && !SMTP_URL.test(url)) return setProblem({ field: 'smtpUrl', text: t('mailings.settings.badUrl') });
    if (!clear && from.trim() !== '' && !MAIL_ADDRESS.test(from.trim())) return setProblem({ field: 'from', text: t('mailings.settings.badAddress') });
    setProblem(null);
    setBusy(true);
    const r = await invoke('mailSettings.set', clear ? { smtpUrl: null } : { smtpUrl: url, ...(from.trim() ? { fromAddress: from.trim() } : {}) });
    setBusy(false);
    if (!r.ok) return refused(r.error.code);
    setSettings(r.value);
    setSmtpUrl('');
    showToast(clear ? t('mailings.settings.cleared') : t('mailings.settings.saved'));
  };
  const test = async () => {
    if (!MAIL_ADDRESS.test(to.trim())) return setProblem({ field: 'to', text: t('mailings.settings.badAddress') });
    setProblem(null);
    setBusy(true);
    const r = await invoke('mailSettings.test', { to: to.trim() });
    setBusy(false);
    if (!r.ok) return refused(r.error.code);
    showToast(r.value.transport === 'files' ? t('mailings.settings.testWritten') : t('mailings.settings.testSent', { to: to.trim() }));
  };
  const fieldProblem = (field: 'smtpUrl' | 'from' | 'to') => (problem?.field === field ? problem.text : null);

  return (
    <div className="mail-settings">
      <header className="mailing-header">
        <a className="link-button" href={hrefFor({ name: 'mailings' })}>
          {t('mailings.back')}
        </a>
        <h1>{t('mailings.settings.title')}</h1>
      </header>
      <section className="mailing-block" aria-labelledby="mail-now">
        <h2 id="mail-now">{t('mailings.settings.now')}</h2>
        <p className="mail-settings-current">
          {settings.smtpUrl ? t('mailings.settings.own', { url: settings.smtpUrl }) : settings.transport === 'smtp' ? t('mailings.settings.serverWide') : t('mailings.settings.files')}
        </p>
        {settings.fromAddress && <p>{t('mailings.settings.fromNow', { from: settings.fromAddress })}</p>}
      </section>
      <form className="mailing-block" onSubmit={(e) => (e.preventDefault(), void save(false))} noValidate>
        <h2>{t('mailings.settings.ownTitle')}</h2>
        <p className="mailing-hint">{t('mailings.settings.urlHint')}</p>
        <TextField label={t('mailings.settings.url')} value={smtpUrl} onChange={(e) => setSmtpUrl(e.target.value)} placeholder="smtp://gebruiker:wachtwoord@mail.zorg.nl:587" autoComplete="off" spellCheck={false} error={fieldProblem('smtpUrl')} />
        <TextField label={t('mailings.settings.from')} type="email" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="intranet@zorg.nl" error={fieldProblem('from')} />
        <div className="kb-editor-actions">
          <Button type="submit" variant="primary" icon={<Save aria-hidden="true" />} disabled={busy}>
            {t('mailings.settings.save')}
          </Button>
          {settings.smtpUrl && (
            <Button variant="quiet" onClick={() => void save(true)} disabled={busy}>
              {t('mailings.settings.clear')}
            </Button>
          )}
        </div>
      </form>
      <form className="mailing-block" onSubmit={(e) => (e.preventDefault(), void test())} noValidate>
        <h2>{t('mailings.settings.testTitle')}</h2>
        <p className="mailing-hint">{t('mailings.settings.testHint')}</p>
        <TextField label={t('mailings.settings.testTo')} type="email" value={to} onChange={(e) => setTo(e.target.value)} error={fieldProblem('to')} />
        <Button type="submit" variant="secondary" icon={<Send aria-hidden="true" />} disabled={busy}>
          {t('mailings.settings.test')}
        </Button>
      </form>
    </div>
  );
}

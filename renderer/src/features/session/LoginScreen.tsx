import { format } from 'date-fns';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/samen';
import { applySession } from '../../app/sessionEnd';
import { useAppState } from '../../app/sessionStore';
import { Brand } from '../../app/theme/Brand';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/clock';
import { dateLocale } from '../../ui/i18n/dateLocale';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

type FieldErrors = { employeeNumber?: string; password?: string };

/** The workstation login: the organisation's colour, a clock for the ward, and two fields. */
export function LoginScreen() {
  const { t } = useTranslation();
  const theme = useAppState((s) => s.theme);
  const now = new Date(useNow((s) => s.now));
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {
      ...(employeeNumber.trim() ? {} : { employeeNumber: t('login.missingEmployeeNumber') }),
      ...(password ? {} : { password: t('login.missingPassword') }),
    };
    setFieldErrors(missing);
    setError(null);
    if (missing.employeeNumber || missing.password) {
      form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    const result = await invoke('session.loginPassword', { employeeNumber: employeeNumber.trim(), password });
    setBusy(false);
    if (result.ok) {
      applySession(result.value);
      return;
    }
    setPassword('');
    setError(errorText(t, result.error.code, 'login'));
    form.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
  };

  return (
    <div className="login-screen">
      <header className="login-top">
        <Brand theme={theme} inverse />
      </header>
      <main className="login-main">
        <p className="login-clock" aria-hidden="true">
          <span className="login-time">{format(now, 'HH:mm')}</span>
          <span className="login-date">{format(now, 'EEEE d MMMM', { locale: dateLocale() })}</span>
        </p>
        <form ref={form} className="login-card" onSubmit={(e) => void submit(e)} noValidate>
          <h1>{t('login.title')}</h1>
          <p className="muted">{t('login.intro')}</p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <TextField
            label={t('login.employeeNumber')}
            name="employeeNumber"
            autoComplete="username"
            autoFocus
            value={employeeNumber}
            error={fieldErrors.employeeNumber ?? null}
            onChange={(e) => setEmployeeNumber(e.target.value)}
          />
          <TextField
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            error={fieldErrors.password ?? null}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" variant="primary" className="login-submit" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </Button>
        </form>
      </main>
      <footer className="login-footer">
        {t('app.poweredBy')} · <LanguageSwitch />
      </footer>
    </div>
  );
}

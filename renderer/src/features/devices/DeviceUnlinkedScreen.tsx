import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { invoke } from '../../app/samen';
import { applySession } from '../../app/sessionEnd';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { LockLayout } from '../session/LockLayout';

/** Codes main may answer for a code that is wrong, used or expired. */
const BAD_CODE: ReadonlySet<ClientErrorCode> = new Set(['invalid_enrolment_code', 'invalid_input', 'invalid_credentials', 'not_found']);

/**
 * A shared or kiosk device without a (valid) device token: it cannot sync or log anyone in until
 * someone from IT enters a link code from the admin screen.
 */
export function DeviceUnlinkedScreen({ reason }: { reason: 'not_enrolled' | 'revoked' }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get('code') ?? '').trim();
    setError(null);
    if (!value) {
      setFieldError(t('device.missingCode'));
      form.querySelector('input')?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    const result = await invoke('device.enrol', { code: value });
    setBusy(false);
    if (result.ok) {
      applySession(result.value);
      showToast(t('device.linked'));
      return;
    }
    const { code: failure } = result.error;
    setError(BAD_CODE.has(failure) ? t('device.errors.invalid_code') : failure === 'offline' ? t('device.errors.offline') : errorText(t, failure));
    form.querySelector('input')?.focus();
  };

  return (
    <LockLayout>
      <form className="login-card lock-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1>{t('device.title')}</h1>
        <p className="muted">{t(`device.${reason}`)}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <TextField
          label={t('device.code')}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          maxLength={32}
          value={code}
          error={fieldError}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" variant="primary" className="login-submit" disabled={busy}>
          {busy ? t('device.busy') : t('device.submit')}
        </Button>
      </form>
    </LockLayout>
  );
}

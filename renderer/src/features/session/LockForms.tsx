import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { cancelBadgePin, noticeText, submitBadgePin, submitEmployeePin } from './badgeLogin';
import { showLockPanel, type LockNotice, useLockFlow } from './lockFlow';
import { PIN_PATTERN, PinField } from './PinField';

/** What was typed is read from the form itself: a key the badge reader held back may only just have landed. */
function fieldValue(form: HTMLFormElement, name: string): string {
  return String(new FormData(form).get(name) ?? '');
}

function focusField(form: HTMLFormElement, name: string): void {
  form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus();
}

/** Employee number + PIN; after an unknown badge the same form links that badge. */
export function EmployeeForm({ link }: { link: boolean }) {
  const { t } = useTranslation();
  const { notice, busy } = useLockFlow();
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<{ employeeNumber?: string; pin?: string }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const number = fieldValue(form, 'employeeNumber').trim();
    const code = fieldValue(form, 'pin');
    const missing = {
      ...(number ? {} : { employeeNumber: t('lock.missingEmployeeNumber') }),
      ...(PIN_PATTERN.test(code) ? {} : { pin: t('lock.pinFormat') }),
    };
    setErrors(missing);
    if (missing.employeeNumber || missing.pin) {
      focusField(form, missing.employeeNumber ? 'employeeNumber' : 'pin');
      return;
    }
    if (busy) return;
    // The PIN leaves the field as it is sent: a new try typed while main answers is not wiped.
    setPin('');
    const ok = await submitEmployeePin(number, code, link);
    if (!ok) focusField(form, 'pin');
  };

  return (
    <form className="login-card lock-card" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{link ? t('lock.linkTitle') : t('lock.employeeTitle')}</h1>
      {notice ? <Notice notice={notice} /> : <p className="muted">{t('lock.employeeIntro')}</p>}
      <TextField
        label={t('lock.employeeNumber')}
        name="employeeNumber"
        autoComplete="off"
        autoFocus
        value={employeeNumber}
        error={errors.employeeNumber ?? null}
        onChange={(e) => setEmployeeNumber(e.target.value)}
      />
      <PinField value={pin} onChange={setPin} error={errors.pin ?? null} />
      <Button type="submit" variant="primary" className="login-submit" disabled={busy}>
        {busy ? t('lock.busy') : t('lock.submit')}
      </Button>
      <Button variant="quiet" className="lock-back" onClick={() => showLockPanel('tap')}>
        {t('lock.back')}
      </Button>
    </form>
  );
}

/** The PIN for a badge just tapped (the organisation asks for it now and then). */
export function BadgePinForm() {
  const { t } = useTranslation();
  const { notice, busy } = useLockFlow();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const code = fieldValue(form, 'pin');
    if (!PIN_PATTERN.test(code)) {
      setError(t('lock.pinFormat'));
      focusField(form, 'pin');
      return;
    }
    setError(null);
    if (busy) return;
    setPin('');
    const ok = await submitBadgePin(code);
    if (!ok) focusField(form, 'pin');
  };

  return (
    <form className="login-card lock-card" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('lock.pinTitle')}</h1>
      {notice ? <Notice notice={notice} /> : <p className="muted">{t('lock.pinIntro')}</p>}
      <PinField value={pin} onChange={setPin} error={error} autoFocus />
      <Button type="submit" variant="primary" className="login-submit" disabled={busy}>
        {busy ? t('lock.busy') : t('lock.submit')}
      </Button>
      <Button variant="quiet" className="lock-back" onClick={() => void cancelBadgePin()}>
        {t('lock.back')}
      </Button>
    </form>
  );
}

/** Advice (an unknown badge) is calm; a refusal is an alert. */
function Notice({ notice }: { notice: LockNotice | null }) {
  if (!notice) return null;
  const advice = 'key' in notice && (notice.key === 'unknown_badge' || notice.key === 'tapAgain');
  return advice ? (
    <p className="form-note" role="status">
      {noticeText(notice)}
    </p>
  ) : (
    <p className="form-error" role="alert">
      {noticeText(notice)}
    </p>
  );
}

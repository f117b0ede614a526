import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
};

export const PIN_PATTERN = /^\d{4,6}$/;

/** "Pincode": 4 to 6 digits, hidden as they are typed, with the number pad on a touch screen. */
export function PinField({ value, onChange, error, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('lock.pin')}
      name="pin"
      type="password"
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="off"
      maxLength={6}
      className="pin-field"
      value={value}
      error={error ?? null}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      {...rest}
    />
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AMBASSADOR_LINE_MAX, normaliseAmbassadorLine } from '../../../../common/src/ambassadors/line';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import './ambassadors.css';

/** On a colleague's card, for admins and editors: make her an ambassador with her line, or end it. */
export function AmbassadorMarkForm({ personId, current }: { personId: string; current: { line: string | null } | undefined }) {
  const { t } = useTranslation();
  const [ambassador, setAmbassador] = useState(current !== undefined);
  const [line, setLine] = useState(current?.line ?? '');
  const clean = normaliseAmbassadorLine(line);
  const tooLong = clean !== null && [...clean].length > AMBASSADOR_LINE_MAX;
  const save = async () => {
    const r = await invoke('ambassadors.mark', { personId, ambassador, line: ambassador ? clean : null });
    showToast(r.ok ? t('ambassadors.saved') : errorText(t, r.error.code), r.ok ? 'info' : 'error');
  };
  return (
    <form
      className="ambassador-mark"
      onSubmit={(e) => {
        e.preventDefault();
        if (!tooLong) void save();
      }}
    >
      <h3>{t('ambassadors.markTitle')}</h3>
      <label className="check">
        <input type="checkbox" checked={ambassador} onChange={(e) => setAmbassador(e.target.checked)} />
        {t('ambassadors.markLabel')}
      </label>
      {ambassador && (
        <TextField label={t('ambassadors.lineLabel')} value={line} onChange={(e) => setLine(e.target.value)} error={tooLong ? t('ambassadors.lineTooLong', { max: AMBASSADOR_LINE_MAX }) : null} />
      )}
      <Button type="submit" variant="primary" disabled={tooLong}>
        {t('ambassadors.save')}
      </Button>
    </form>
  );
}

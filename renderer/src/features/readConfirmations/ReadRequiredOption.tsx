import { BookOpenCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceChoices } from '../../../../common/src/ipc/readConfirmationViews';
import { invoke } from '../../app/samen';
import { toggledId, type AudienceDraft, type AudienceKind } from './readAudience';

const KINDS: AudienceKind[] = ['everyone', 'locations', 'departments', 'groups'];

/** The composer's "Lezen verplicht" for editors: a switch, and when on, for whom. */
export function ReadRequiredOption({ on, audience, onChange }: { on: boolean; audience: AudienceDraft; onChange: (on: boolean, audience: AudienceDraft) => void }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<AudienceChoices | null>(null);

  useEffect(() => {
    if (!on || choices) return;
    void invoke('readConfirmations.audienceChoices', {}).then((r) => r.ok && setChoices(r.value));
  }, [on, choices]);

  const targets = audience.kind === 'everyone' || !choices ? null : choices[audience.kind];
  return (
    <div className="read-option">
      <label className="pick read-option-toggle">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked, audience)} />
        <BookOpenCheck aria-hidden="true" />
        <span className="pick-text">
          <span className="pick-title">{t('readConfirmations.composerToggle')}</span>
          <span className="pick-meta">{t('readConfirmations.composerHint')}</span>
        </span>
      </label>
      {on && (
        <fieldset className="read-audience">
          <legend>{t('readConfirmations.audience')}</legend>
          <div className="read-audience-kinds">
            {KINDS.map((kind) => (
              <label key={kind} className="pick pick-radio">
                <input type="radio" name="read-audience" checked={audience.kind === kind} onChange={() => onChange(true, { kind, ids: [] })} />
                <span>{t(`readConfirmations.${kind}`)}</span>
              </label>
            ))}
          </div>
          {targets && (
            <ul className="pick-list pick-columns" aria-label={t(`readConfirmations.${audience.kind}`)}>
              {targets.map((c) => (
                <li key={c.id}>
                  <label className="pick">
                    <input type="checkbox" checked={audience.ids.includes(c.id)} onChange={() => onChange(true, { ...audience, ids: toggledId(audience.ids, c.id) })} />
                    <span>{c.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
    </div>
  );
}

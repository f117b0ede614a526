import { useTranslation } from 'react-i18next';
import type { MailingChoices } from '../../../../common/src/ipc/contract';
import { toggled, type AudienceKind, type MailingDraft } from './mailingDraft';

const KINDS: AudienceKind[] = ['all', 'groups', 'locations', 'departments', 'unconfirmed'];

type Audience = Pick<MailingDraft, 'audience' | 'targetIds' | 'unconfirmedPostId' | 'mandatory'>;

/** Who gets the mailing: one kind of audience at a time, then what it names; and whether it is mandatory. */
export function AudiencePicker({ choices, value, onChange }: { choices: MailingChoices; value: Audience; onChange: (next: Audience) => void }) {
  const { t } = useTranslation();
  const targets = value.audience === 'groups' ? choices.groups : value.audience === 'locations' ? choices.locations : value.audience === 'departments' ? choices.departments : null;
  return (
    <fieldset className="mailing-block">
      <legend>{t('mailings.compose.audience')}</legend>
      <div className="audience-kinds">
        {KINDS.map((kind) => (
          <label key={kind} className="pick pick-radio">
            <input type="radio" name="audience" checked={value.audience === kind} onChange={() => onChange({ ...value, audience: kind, targetIds: [], unconfirmedPostId: null })} />
            <span>{t(`mailings.audience.${kind}`)}</span>
          </label>
        ))}
      </div>
      {targets && (
        <fieldset className="audience-targets">
          <legend className="sr-only">{t(`mailings.audience.${value.audience}`)}</legend>
          {targets.length === 0 ? (
            <p className="mailing-hint">{t('mailings.compose.noneFound')}</p>
          ) : (
            <ul className="pick-list pick-columns">
              {targets.map((c) => (
                <li key={c.id}>
                  <label className="pick">
                    <input type="checkbox" checked={value.targetIds.includes(c.id)} onChange={() => onChange({ ...value, targetIds: toggled(value.targetIds, c.id) })} />
                    <span>{c.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      {value.audience === 'unconfirmed' &&
        (choices.requiredPosts.length === 0 ? (
          <p className="mailing-hint">{t('mailings.compose.noRequired')}</p>
        ) : (
          <fieldset className="audience-targets">
            <legend>{t('mailings.compose.whichRequired')}</legend>
            <ul className="pick-list">
              {choices.requiredPosts.map((p) => (
                <li key={p.id}>
                  <label className="pick pick-radio">
                    <input type="radio" name="unconfirmed" checked={value.unconfirmedPostId === p.id} onChange={() => onChange({ ...value, unconfirmedPostId: p.id })} />
                    <span className="pick-title">{p.preview}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      <label className="pick mailing-mandatory">
        <input type="checkbox" checked={value.mandatory} onChange={(e) => onChange({ ...value, mandatory: e.target.checked })} />
        <span className="pick-text">
          <span className="pick-title">{t('mailings.compose.mandatory')}</span>
          <span className="pick-meta">{t('mailings.compose.mandatoryHint')}</span>
        </span>
      </label>
    </fieldset>
  );
}

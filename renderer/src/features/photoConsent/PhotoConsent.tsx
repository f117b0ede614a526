import { ShieldCheck } from 'lucide-react';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './photoConsent.css';

/**
 * The composer's photo privacy question: shown while photos are attached, and the post goes only once
 * it is ticked. The whole row is the target (at least 56 px), so a quick tap with a cold hand lands.
 */
export const PhotoConsent = forwardRef<HTMLInputElement, { checked: boolean; missing: boolean; video?: boolean; onChange: (checked: boolean) => void }>(
  function PhotoConsent({ checked, missing, video, onChange }, ref) {
    const { t } = useTranslation();
    return (
      <div className={`photo-consent${missing ? ' photo-consent-missing' : ''}`}>
        <label className="photo-consent-row">
          <input ref={ref} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={missing || undefined} aria-describedby={missing ? 'photo-consent-error' : undefined} />
          <ShieldCheck aria-hidden="true" />
          <span>{video ? t('photoConsent.labelVideo') : t('photoConsent.label')}</span>
        </label>
        {missing && (
          <p id="photo-consent-error" className="field-error" role="alert">
            {t('photoConsent.missing')}
          </p>
        )}
      </div>
    );
  },
);

/**
 * The composer's side of it: the tick (asked again whenever another photo or a video is added, since
 * she confirmed for what she saw), and `blocks()`, which says and focuses what is missing. `photos`
 * counts the video too; `video` names it in the question.
 */
export function usePhotoConsent(photos: number, video = false) {
  const [checked, setChecked] = useState(false);
  const [missing, setMissing] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const seen = useRef(photos);
  useEffect(() => {
    if (photos > seen.current || photos === 0) setChecked(false);
    if (photos === 0) setMissing(false);
    seen.current = photos;
  }, [photos]);
  return {
    given: photos > 0 && checked,
    blocks(): boolean {
      if (photos === 0 || checked) return false;
      setMissing(true);
      ref.current?.focus();
      return true;
    },
    field:
      photos > 0 ? (
        <PhotoConsent
          ref={ref}
          checked={checked}
          missing={missing && !checked}
          video={video}
          onChange={(on) => {
            setChecked(on);
            if (on) setMissing(false);
          }}
        />
      ) : null,
  };
}

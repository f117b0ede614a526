import { Monitor, Smartphone } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailingPreview } from '../../../../common/src/api/routes/mailings';
import { useAppState } from '../../app/sessionStore';
import { MailHtml } from './MailHtml';

/** The mail as it will arrive: its HTML or plain-text part, at a computer's or a phone's width. */
export function MailPreview({ preview }: { preview: Pick<MailingPreview, 'subject' | 'html' | 'text'> }) {
  const { t } = useTranslation();
  const logoUrl = useAppState((s) => s.theme?.logoUrl ?? null);
  const [part, setPart] = useState<'html' | 'text'>('html');
  const [width, setWidth] = useState<'desktop' | 'phone'>('desktop');
  const choice = <T extends string>(value: T, current: T, set: (v: T) => void, label: string, icon?: ReactNode) => (
    <button type="button" className="segment" aria-pressed={value === current} onClick={() => set(value)}>
      {icon}
      <span>{label}</span>
    </button>
  );
  return (
    <section className="mail-preview" aria-labelledby="mail-preview-title">
      <h2 id="mail-preview-title">{t('mailings.preview.title')}</h2>
      <div className="mail-preview-controls">
        <div className="segments" role="group" aria-label={t('mailings.preview.part')}>
          {choice('html', part, setPart, t('mailings.preview.html'))}
          {choice('text', part, setPart, t('mailings.preview.text'))}
        </div>
        <div className="segments" role="group" aria-label={t('mailings.preview.width')}>
          {choice('desktop', width, setWidth, t('mailings.preview.desktop'), <Monitor aria-hidden="true" />)}
          {choice('phone', width, setWidth, t('mailings.preview.phone'), <Smartphone aria-hidden="true" />)}
        </div>
      </div>
      <div className={`mail-frame mail-frame-${width}`}>
        <p className="mail-subject">
          <span>{t('mailings.preview.subject')}</span> {preview.subject}
        </p>
        {part === 'html' ? <MailHtml html={preview.html} logoUrl={logoUrl} label={t('mailings.preview.html')} /> : <pre className="mail-text">{preview.text}</pre>}
      </div>
    </section>
  );
}

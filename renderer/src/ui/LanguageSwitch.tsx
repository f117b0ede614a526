import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n/i18n';

/** One tap to the other language; the button names the language it switches to, in that language. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <button type="button" className={`link-button language-switch ${className ?? ''}`} lang={other} onClick={() => setLanguage(other)}>
      {t('app.otherLanguage')}
    </button>
  );
}

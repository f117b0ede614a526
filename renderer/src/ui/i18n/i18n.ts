import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import { en } from './en';
import { nl } from './nl';

/**
 * Dutch is the language of the wards; English is there for colleagues who ask for it. Both are
 * bundled and loaded synchronously, so the first paint already has its texts.
 */
export const i18n = i18next.createInstance();

const LANGUAGE_KEY = 'samen.language';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  initAsync: false,
  interpolation: { escapeValue: false },
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** A device-wide preference (not personal data), so it is kept across logins on a shared PC. */
export function setLanguage(language: 'nl' | 'en'): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  localStorage.setItem(LANGUAGE_KEY, language);
}

/**
 * The text for an error code; a screen may say it its own way (the login screen says
 * "no connection to the server" where elsewhere "offline" means "will be sent later").
 */
export function errorText(t: TFunction, code: ClientErrorCode, context?: 'login'): string {
  if (context === 'login' && (code === 'offline' || code === 'invalid_input')) return t(`login.errors.${code}`);
  return t(`errors.${code}`);
}

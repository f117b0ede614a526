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

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  fallbackLng: 'nl',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/**
 * The text for an error code; a screen may say it its own way (the login screen says
 * "no connection to the server" where elsewhere "offline" means "will be sent later").
 */
export function errorText(t: TFunction, code: ClientErrorCode, context?: 'login'): string {
  if (context === 'login' && (code === 'offline' || code === 'invalid_input')) return t(`login.errors.${code}`);
  return t(`errors.${code}`);
}

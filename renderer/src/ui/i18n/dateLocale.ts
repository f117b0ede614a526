import type { Locale } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import { i18n } from './i18n';

export function dateLocale(): Locale {
  return i18n.language === 'en' ? enGB : nl;
}

import { i18n } from '../../ui/i18n/i18n';

/** "dinsdag 2 december 14:00": a planned moment says its weekday, since that is how people plan. */
export function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

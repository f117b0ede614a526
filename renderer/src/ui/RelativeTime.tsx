import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { useNow } from './clock';
import { dateLocale } from './i18n/dateLocale';
import { relativeTime } from './relativeTime';

export function RelativeTime({ iso }: { iso: string }) {
  const { t } = useTranslation();
  const now = useNow((s) => s.now);
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={format(date, 'PPPPp', { locale: dateLocale() })}>
      {relativeTime(date, new Date(now), t)}
    </time>
  );
}

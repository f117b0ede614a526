import { differenceInCalendarDays, differenceInMinutes, format } from 'date-fns';
import type { TFunction } from 'i18next';
import { dateLocale } from './i18n/dateLocale';

/** "zojuist", "5 min geleden", "3 uur geleden", "gisteren om 14:05", "dinsdag om 09:30", "3 mrt. 2024". */
export function relativeTime(date: Date, now: Date, t: TFunction): string {
  const locale = dateLocale();
  const minutes = differenceInMinutes(now, date);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutes', { count: minutes });
  const days = differenceInCalendarDays(now, date);
  if (days === 0) return t('time.hours', { count: Math.floor(minutes / 60) });
  const time = format(date, 'HH:mm', { locale });
  if (days === 1) return t('time.yesterday', { time });
  if (days < 7) return t('time.weekday', { day: format(date, 'EEEE', { locale }), time });
  return format(date, date.getFullYear() === now.getFullYear() ? 'd MMM' : 'd MMM yyyy', { locale });
}

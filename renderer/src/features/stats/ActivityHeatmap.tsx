import { useTranslation } from 'react-i18next';
import type { StatsActivity } from '../../../../common/src/api/routes/stats';
import { heatLevel } from './statsPeriods';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Activity by weekday and hour as a table: the grid is the chart and the table at once. Shade shows
 * how busy an hour is, the number in each cell says it without colour, and the best time to post
 * carries a star and a thick border. Hidden figures (fewer than 10 people) show a dash.
 */
export function ActivityHeatmap({ activity }: { activity: StatsActivity }) {
  const { t } = useTranslation();
  const weekdays = WEEKDAYS.map((d) => t(`statistics.day${d}`));
  const max = Math.max(0, ...activity.byWeekdayHour.map((c) => c.count ?? 0));
  const cell = (weekday: number, hour: number) => activity.byWeekdayHour.find((c) => c.weekday === weekday && c.hour === hour);
  const best = activity.best;
  return (
    // Focusable, so a keyboard can scroll the hours on a narrow screen.
    <div className="heatmap-scroll" role="region" aria-label={t('statistics.heatmapCaption')} tabIndex={0}>
      <table className="heatmap">
        <caption className="sr-only">{t('statistics.heatmapCaption')}</caption>
        <thead>
          <tr>
            <td />
            {Array.from({ length: 24 }, (_, hour) => (
              <th key={hour} scope="col" aria-label={hourLabel(hour)}>
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weekdays.map((name, i) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {Array.from({ length: 24 }, (_, hour) => {
                const c = cell(i + 1, hour);
                const count = c?.count ?? null;
                const isBest = best !== null && best.weekday === i + 1 && best.hour === hour;
                const level = heatLevel(count, max);
                return (
                  <td key={hour} className={`heat heat-${level}${isBest ? ' heat-best' : ''}`} aria-label={isBest ? t('statistics.bestCell', { count: count ?? 0 }) : undefined}>
                    {count === null ? '–' : isBest ? `★${count}` : count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { StatsReport } from '../../../common/src/api/routes/stats.js';
import { csvRecord } from '../audit/csv.js';
import type { StatsAnswers } from './reports.js';

const WEEKDAYS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const DEVICES: Record<string, string> = { workstation: 'werkplek', shared: 'gedeelde pc', kiosk: 'kiosk' };
const BUCKETS: Record<string, string> = { lt1m: 'korter dan 1 minuut', '1to5m': '1 tot 5 minuten', '5to15m': '5 tot 15 minuten', '15to30m': '15 tot 30 minuten', ge30m: '30 minuten of langer' };

/** A suppressed figure (fewer than 10 people) is an empty cell, never a number. */
const cell = (v: number | null): string => (v === null ? '' : String(v));

/**
 * One report as CSV (RFC 4180, Dutch headers, CRLF), every cell through the audit log's cell writer
 * so a post text or search word that looks like a formula stays text in a spreadsheet.
 */
export function statsCsv<R extends StatsReport>(report: R, a: StatsAnswers[R]): string {
  return rowsOf(report, a)
    .map((r) => csvRecord(r))
    .join('');
}

function rowsOf(report: StatsReport, answer: StatsAnswers[StatsReport]): string[][] {
  const period = `${answer.period.from} t/m ${answer.period.to}`;
  const previous = `${answer.previous.from} t/m ${answer.previous.to}`;
  switch (report) {
    case 'activity': {
      const a = answer as StatsAnswers['activity'];
      return [['weekdag', 'uur', `activiteit ${period}`, `activiteit ${previous}`], ...a.byWeekdayHour.map((c) => [WEEKDAYS[c.weekday]!, `${c.hour}:00`, cell(c.count), cell(c.previousCount)])];
    }
    case 'people': {
      const a = answer as StatsAnswers['people'];
      return [
        ['dag', 'actieve mensen', 'vorige periode', 'medewerkers'],
        ...a.days.map((d) => [d.day, cell(d.active), cell(d.previous), String(a.staff)]),
        [`week ${a.week.from}`, cell(a.week.active), cell(a.week.previous), String(a.staff)],
        [`maand ${a.month.from.slice(0, 7)}`, cell(a.month.active), cell(a.month.previous), String(a.staff)],
      ];
    }
    case 'sessions': {
      const a = answer as StatsAnswers['sessions'];
      return [
        ['sessieduur', `sessies ${period}`, `sessies ${previous}`],
        ...a.buckets.map((b) => [BUCKETS[b.bucket]!, cell(b.sessions), cell(b.previous)]),
        ['gemiddeld (seconden)', cell(a.averageSeconds), cell(a.previousAverageSeconds)],
      ];
    }
    case 'devices': {
      const a = answer as StatsAnswers['devices'];
      return [['apparaat', `sessies ${period}`, `sessies ${previous}`], ...a.devices.map((d) => [DEVICES[d.deviceKind]!, cell(d.sessions), cell(d.previous)])];
    }
    case 'posts': {
      const a = answer as StatsAnswers['posts'];
      const header = ['lijst', 'bericht', 'groep', 'bekeken', 'reacties', 'opmerkingen', 'vorige periode'];
      const list = (name: string, posts: typeof a.byViews) => posts.map((p) => [name, p.excerpt, p.groupName ?? '', cell(p.views), cell(p.reactions), cell(p.comments), cell(p.previous)]);
      const liked = a.mostLikedOfMonth.post;
      return [
        header,
        ...list('meest bekeken', a.byViews),
        ...list('meeste reacties', a.byReactions),
        ...list('meeste opmerkingen', a.byComments),
        ...(liked ? [[`meest geliked ${a.mostLikedOfMonth.month}`, liked.excerpt, liked.groupName ?? '', cell(liked.views), cell(liked.reactions), cell(liked.comments), '']] : []),
      ];
    }
    case 'groups': {
      const a = answer as StatsAnswers['groups'];
      return [
        ['groep', 'bezoeken', 'gemiddelde bezoekduur (seconden)', 'berichten', 'opmerkingen', 'bezoeken vorige periode'],
        ...a.groups.map((g) => [g.name, cell(g.visits), cell(g.averageSeconds), cell(g.posts), cell(g.comments), cell(g.previousVisits)]),
      ];
    }
    case 'search': {
      const a = answer as StatsAnswers['search'];
      return [
        ['soort', 'zoekwoord', `zoekopdrachten ${period}`, `vorige periode ${previous}`],
        ['totaal', '', String(a.searches), String(a.previousSearches)],
        ['verschillende zoekwoorden', '', String(a.uniqueSearches), String(a.previousUniqueSearches)],
        ...a.topTerms.map((t) => ['meest gezocht', t.term, String(t.searches), '']),
        ...a.noResults.map((t) => ['zonder resultaat', t.term, String(t.searches), '']),
        ...a.noClicks.map((t) => ['niets geopend', t.term, String(t.searches), '']),
      ];
    }
  }
}

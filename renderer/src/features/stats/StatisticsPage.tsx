import type { TFunction } from 'i18next';
import { Download, Printer } from 'lucide-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsReport, StatsTopPost } from '../../../../common/src/api/routes/stats';
import type { ClientErrorCode, MethodOutput, StatsDashboard } from '../../../../common/src/ipc/contract';
import { postHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';
import { useIsEditor } from '../mailings/roles';
import { ActivityHeatmap, hourLabel, type Weekday } from './ActivityHeatmap';
import { StatsChart, type ChartSeries } from './StatsChart';
import { change, PERIOD_CHOICES, periodOf, share, type PeriodChoice } from './statsPeriods';

type Filters = MethodOutput<'stats.filters'>;

/** A figure, or a dash that tells the screen reader why it is missing. */
function Figure({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{t('statistics.hidden')}</span>
      </>
    );
  }
  return <>{value.toLocaleString('nl-NL')}</>;
}

/** Against the previous period, in words and an arrow: never by colour alone. */
function Change({ current, previous }: { current: number | null; previous: number | null }) {
  const { t } = useTranslation();
  const c = change(current, previous);
  if (!c) return null;
  return <span className={`stats-change stats-change-${c.direction}`}>{t(`statistics.${c.direction}`, { percent: c.percent })}</span>;
}

async function downloadCsv(report: StatsReport, query: { from: string; to: string; locationId?: string; departmentId?: string }, t: TFunction) {
  const result = await invoke('stats.export', { report, ...query });
  if (!result.ok) return showToast(result.error.code === 'offline' ? t('statistics.offline') : errorText(t, result.error.code), 'error');
  const url = URL.createObjectURL(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.value.filename;
  a.click();
  URL.revokeObjectURL(url);
  showToast(t('statistics.saved', { name: result.value.filename }));
}

function Section({ id, title, onCsv, wholeOrganisation, children }: { id: string; title: string; onCsv?: () => void; wholeOrganisation?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="stats-section" aria-labelledby={`${id}-title`}>
      <header className="stats-section-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {onCsv && (
          <Button variant="quiet" icon={<Download aria-hidden="true" />} onClick={onCsv} aria-label={t('statistics.csvLabel', { title })}>
            {t('statistics.csv')}
          </Button>
        )}
      </header>
      {wholeOrganisation && <p className="stats-note">{t('statistics.wholeOrganisation')}</p>}
      {children}
    </section>
  );
}

interface Column {
  label: string;
  num?: boolean;
}

function Table({ caption, columns, rows, hidden }: { caption: string; columns: Column[]; rows: { key: string; cells: ReactNode[] }[]; hidden?: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="stats-empty">{t('statistics.none')}</p>;
  const table = (
    <table className={`data-table stats-table${hidden ? ' sr-only stats-table-hidden' : ''}`}>
      <caption className={hidden ? undefined : 'sr-only'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className={columns[i]?.num ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (hidden) return table;
  // A list of long post titles with four figures beside them is wider than a narrow window: the table
  // scrolls within its place, never the page. Focusable, so a keyboard can scroll it too.
  return (
    <div className="stats-table-scroll" role="region" aria-label={t('statistics.tableRegion', { caption })} tabIndex={0}>
      {table}
    </div>
  );
}

/** A chart with its table: hidden for the eye until asked for, always there for the screen reader and on paper. */
function ChartWithTable({ chart, table }: { chart: ReactNode; table: { caption: string; columns: Column[]; rows: { key: string; cells: ReactNode[] }[] } }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="stats-chart-block">
      <div aria-hidden={shown ? 'true' : undefined}>{chart}</div>
      <Button variant="quiet" className="stats-table-toggle" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? t('statistics.hideTable') : t('statistics.showTable')}
      </Button>
      <Table {...table} hidden={!shown} />
    </div>
  );
}

const dayName = new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayLabel = (day: string) => dayName.format(asDate(day));

function minutes(seconds: number): { minutes: number; seconds: number } {
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

function PeopleSection({ d, onCsv }: { d: StatsDashboard['people']; onCsv: () => void }) {
  const { t } = useTranslation();
  const labels = useMemo(() => d.days.map((x) => dayLabel(x.day)), [d]);
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('statistics.thisPeriod'), values: d.days.map((x) => x.active), period: 'current' },
      { label: t('statistics.previousPeriod'), values: d.days.map((x) => x.previous), period: 'previous' },
    ],
    [d, t],
  );
  const card = (title: string, active: number | null, previous: number | null) => {
    const percent = share(active, d.staff);
    return (
      <div className="stats-card">
        <h3>{title}</h3>
        <p className="stats-big">
          <Figure value={active} />
        </p>
        <p>{percent === null ? t('statistics.ofStaffUnknown', { staff: d.staff }) : t('statistics.ofStaff', { percent, staff: d.staff })}</p>
        <Change current={active} previous={previous} />
      </div>
    );
  };
  return (
    <Section id="stats-people" title={t('statistics.people')} onCsv={onCsv}>
      <div className="stats-cards">
        {card(t('statistics.activeWeek'), d.week.active, d.week.previous)}
        {card(t('statistics.activeMonth'), d.month.active, d.month.previous)}
      </div>
      <h3>{t('statistics.perDay')}</h3>
      <ChartWithTable
        chart={<StatsChart kind="line" labels={labels} series={series} summary={t('statistics.peopleSummary')} />}
        table={{
          caption: t('statistics.perDay'),
          columns: [{ label: t('statistics.day') }, { label: t('statistics.active'), num: true }, { label: t('statistics.previous'), num: true }],
          rows: d.days.map((x) => ({ key: x.day, cells: [longDay.format(asDate(x.day)), <Figure value={x.active} />, <Figure value={x.previous} />] })),
        }}
      />
    </Section>
  );
}

function ActivitySection({ d, onCsv }: { d: StatsDashboard['activity']; onCsv: () => void }) {
  const { t } = useTranslation();
  return (
    <Section id="stats-activity" title={t('statistics.activity')} onCsv={onCsv}>
      <p className="stats-best" data-testid="best-time">
        {d.best ? t('statistics.best', { weekday: t(`statistics.day${d.best.weekday as Weekday}`), from: hourLabel(d.best.hour), to: hourLabel((d.best.hour + 1) % 24) }) : t('statistics.noBest')}
      </p>
      <p>
        {t('statistics.total', { count: d.total ?? 0 })} <Change current={d.total} previous={d.previousTotal} />
      </p>
      <ActivityHeatmap activity={d} />
    </Section>
  );
}

function BarsSection<K extends string>({
  id,
  title,
  summary,
  firstColumn,
  rows,
  onCsv,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  firstColumn: string;
  rows: { key: K; label: string; current: number | null; previous: number | null }[];
  onCsv: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useMemo(() => rows.map((r) => r.label), [rows]);
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('statistics.thisPeriod'), values: rows.map((r) => r.current), period: 'current' },
      { label: t('statistics.previousPeriod'), values: rows.map((r) => r.previous), period: 'previous' },
    ],
    [rows, t],
  );
  return (
    <Section id={id} title={title} onCsv={onCsv}>
      {children}
      <ChartWithTable
        chart={<StatsChart kind="bars" labels={labels} series={series} summary={summary} />}
        table={{
          caption: title,
          columns: [{ label: firstColumn }, { label: t('statistics.sessionCount'), num: true }, { label: t('statistics.previous'), num: true }],
          rows: rows.map((r) => ({ key: r.key, cells: [r.label, <Figure value={r.current} />, <Figure value={r.previous} />] })),
        }}
      />
    </Section>
  );
}

function PostTitle({ post }: { post: StatsTopPost }) {
  const { t } = useTranslation();
  return (
    <>
      <a href={postHref(post.postId)}>{post.excerpt}</a>
      {post.groupName && <span className="stats-muted"> {t('statistics.inGroup', { group: post.groupName })}</span>}
    </>
  );
}

function PostsSection({ d, onCsv, filtered }: { d: StatsDashboard['posts']; onCsv: () => void; filtered: boolean }) {
  const { t } = useTranslation();
  const columns = [{ label: t('statistics.post') }, { label: t('statistics.views'), num: true }, { label: t('statistics.reactions'), num: true }, { label: t('statistics.comments'), num: true }, { label: t('statistics.previous'), num: true }];
  const rows = (list: StatsTopPost[]) => list.map((p) => ({ key: p.postId, cells: [<PostTitle post={p} />, <Figure value={p.views} />, <Figure value={p.reactions} />, <Figure value={p.comments} />, <Figure value={p.previous} />] }));
  const liked = d.mostLikedOfMonth;
  return (
    <Section id="stats-posts" wholeOrganisation={filtered} title={t('statistics.posts')} onCsv={onCsv}>
      <div className="stats-card stats-liked">
        <h3>{t('statistics.mostLiked', { month: monthName.format(asDate(`${liked.month}-01`)) })}</h3>
        {liked.post ? (
          <p>
            <PostTitle post={liked.post} /> — <Figure value={liked.post.reactions} /> {t('statistics.reactions').toLowerCase()}
          </p>
        ) : (
          <p>{t('statistics.noMostLiked')}</p>
        )}
      </div>
      <h3>{t('statistics.byViews')}</h3>
      <Table caption={t('statistics.byViews')} columns={columns} rows={rows(d.byViews)} />
      <h3>{t('statistics.byReactions')}</h3>
      <Table caption={t('statistics.byReactions')} columns={columns} rows={rows(d.byReactions)} />
      <h3>{t('statistics.byComments')}</h3>
      <Table caption={t('statistics.byComments')} columns={columns} rows={rows(d.byComments)} />
    </Section>
  );
}

function GroupsSection({ d, onCsv, filtered }: { d: StatsDashboard['groups']; onCsv: () => void; filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="stats-groups" wholeOrganisation={filtered} title={t('statistics.groups')} onCsv={onCsv}>
      <Table
        caption={t('statistics.groups')}
        columns={[
          { label: t('statistics.group') },
          { label: t('statistics.visits'), num: true },
          { label: t('statistics.averageTime'), num: true },
          { label: t('statistics.groupPosts'), num: true },
          { label: t('statistics.comments'), num: true },
          { label: t('statistics.previous'), num: true },
        ]}
        rows={d.groups.map((g) => ({
          key: g.groupId,
          cells: [g.name, <Figure value={g.visits} />, g.averageSeconds === null ? <Figure value={null} /> : t('statistics.minutes', minutes(g.averageSeconds)), <Figure value={g.posts} />, <Figure value={g.comments} />, <Figure value={g.previousVisits} />],
        }))}
      />
    </Section>
  );
}

function SearchSection({ d, onCsv, filtered }: { d: StatsDashboard['search']; onCsv: () => void; filtered: boolean }) {
  const { t } = useTranslation();
  const terms = (list: { term: string; searches: number }[]) => list.map((x) => ({ key: x.term, cells: [x.term, x.searches.toLocaleString('nl-NL')] }));
  const columns = [{ label: t('statistics.term') }, { label: t('statistics.searches'), num: true }];
  return (
    <Section id="stats-search" wholeOrganisation={filtered} title={t('statistics.search')} onCsv={onCsv}>
      <p>
        {t('statistics.searchesCount', { count: d.searches })} · {t('statistics.uniqueCount', { count: d.uniqueSearches })} <Change current={d.searches} previous={d.previousSearches} />
      </p>
      <div className="stats-columns">
        <div>
          <h3>{t('statistics.topTerms')}</h3>
          <Table caption={t('statistics.topTerms')} columns={columns} rows={terms(d.topTerms)} />
        </div>
        <div>
          <h3>{t('statistics.noResults')}</h3>
          <Table caption={t('statistics.noResults')} columns={columns} rows={terms(d.noResults)} />
        </div>
      </div>
    </Section>
  );
}

function ReadSection({ d }: { d: StatsDashboard['readConfirmations'] }) {
  const { t } = useTranslation();
  return (
    <Section id="stats-read" title={t('statistics.readConfirmations')}>
      {!d.available ? (
        <p className="stats-empty">{t('statistics.readNotYet')}</p>
      ) : (
        <Table
          caption={t('statistics.readConfirmations')}
          columns={[{ label: t('statistics.post') }, { label: t('statistics.confirmed'), num: true }, { label: t('statistics.audience'), num: true }, { label: t('statistics.progress'), num: true }]}
          rows={d.items.map((i) => {
            const percent = share(i.confirmed, i.audience);
            return { key: i.subjectId, cells: [i.title, <Figure value={i.confirmed} />, i.audience, percent === null ? <Figure value={null} /> : `${percent}%`] };
          })}
        />
      )}
    </Section>
  );
}

/**
 * The statistics for communications staff: how many colleagues use Samen, when, how long and where,
 * what they read and search for, each against the period before. Everything comes from the server at
 * once and is kept nowhere; figures of fewer than 10 people arrive empty and show as a dash.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const [choice, setChoice] = useState<PeriodChoice>('last28');
  const [locationId, setLocationId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [filters, setFilters] = useState<Filters | null>(null);
  const [dashboard, setDashboard] = useState<StatsDashboard | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [printAfterLoad, setPrintAfterLoad] = useState(false);

  const query = useMemo(
    () => ({ ...periodOf(choice, new Date()), ...(locationId ? { locationId } : {}), ...(departmentId ? { departmentId } : {}) }),
    [choice, locationId, departmentId],
  );

  // Posts, groups and searches are counted for the organisation only (a search keeps no person).
  const filtered = Boolean(query.locationId ?? query.departmentId);
  const sessionRows = useMemo(
    () => dashboard?.sessions.buckets.map((b) => ({ key: b.bucket, label: t(`statistics.${b.bucket}`), current: b.sessions, previous: b.previous })) ?? [],
    [dashboard, t],
  );
  const deviceRows = useMemo(
    () => dashboard?.devices.devices.map((x) => ({ key: x.deviceKind, label: t(`statistics.${x.deviceKind}`), current: x.sessions, previous: x.previous })) ?? [],
    [dashboard, t],
  );

  useEffect(() => {
    if (!editor) return;
    void invoke('stats.filters', {}).then((r) => r.ok && setFilters(r.value));
  }, [editor]);

  useEffect(() => {
    if (!editor) return;
    let current = true;
    setDashboard(null);
    setError(null);
    void invoke('stats.dashboard', query).then((r) => {
      if (!current) return;
      if (r.ok) setDashboard(r.value);
      else setError(r.error.code);
    });
    return () => {
      current = false;
    };
  }, [editor, query, attempt]);

  useEffect(() => {
    if (!printAfterLoad || !dashboard) return;
    setPrintAfterLoad(false);
    // After the charts have drawn.
    requestAnimationFrame(() => window.print());
  }, [printAfterLoad, dashboard]);

  if (!editor) {
    return (
      <div className="statistics">
        <h1>{t('statistics.title')}</h1>
        <p role="alert">{t('statistics.notForYou')}</p>
      </div>
    );
  }

  const csv = (report: StatsReport) => () => void downloadCsv(report, query, t);
  const nameOf = (list: { id: string; name: string }[] | undefined, id: string) => list?.find((x) => x.id === id)?.name ?? t('statistics.everyone');

  return (
    <div className="statistics">
      <header className="stats-header">
        <h1>
          <span className="no-print">{t('statistics.title')}</span>
          <span className="print-only">{t('statistics.reportTitle')}</span>
        </h1>
        <p className="stats-intro">{t('statistics.intro')}</p>
      </header>
      <div className="stats-controls no-print">
        <div className="stats-periods" role="group" aria-label={t('statistics.period')}>
          {PERIOD_CHOICES.map((p) => (
            <Button key={p} variant={p === choice ? 'primary' : 'secondary'} aria-pressed={p === choice} onClick={() => setChoice(p)}>
              {t(`statistics.${p}`)}
            </Button>
          ))}
        </div>
        <div className="stats-filters">
          <div className="field">
            <label htmlFor="stats-location">{t('statistics.location')}</label>
            <select id="stats-location" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
              <option value="">{t('statistics.everyone')}</option>
              {filters?.locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="stats-department">{t('statistics.department')}</label>
            <select id="stats-department" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t('statistics.everyone')}</option>
              {filters?.departments.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <Button icon={<Printer aria-hidden="true" />} onClick={() => window.print()}>
            {t('statistics.print')}
          </Button>
          <Button
            icon={<Printer aria-hidden="true" />}
            onClick={() => {
              if (choice === 'previousMonth' && dashboard) return window.print();
              setChoice('previousMonth');
              setPrintAfterLoad(true);
            }}
          >
            {t('statistics.monthlyReport')}
          </Button>
        </div>
      </div>
      {dashboard && (
        <p className="stats-period" aria-live="polite">
          {t('statistics.periodText', {
            from: longDay.format(asDate(dashboard.activity.period.from)),
            to: longDay.format(asDate(dashboard.activity.period.to)),
            previousFrom: longDay.format(asDate(dashboard.activity.previous.from)),
            previousTo: longDay.format(asDate(dashboard.activity.previous.to)),
          })}
          <br />
          {t('statistics.filtersText', { location: nameOf(filters?.locations, locationId), department: nameOf(filters?.departments, departmentId) })}
          <br />
          <span className="stats-muted">{t('statistics.hiddenNote')}</span>
        </p>
      )}
      {error ? (
        <div className="stats-error">
          <p role="alert">{error === 'offline' ? t('statistics.offline') : errorText(t, error)}</p>
          <Button onClick={() => setAttempt(attempt + 1)}>{t('statistics.retry')}</Button>
        </div>
      ) : !dashboard ? (
        <div aria-busy="true">
          <Skeleton width={640} height={240} />
        </div>
      ) : (
        <>
          <PeopleSection d={dashboard.people} onCsv={csv('people')} />
          <ActivitySection d={dashboard.activity} onCsv={csv('activity')} />
          <BarsSection
            id="stats-sessions"
            title={t('statistics.sessions')}
            summary={t('statistics.sessionsSummary')}
            firstColumn={t('statistics.sessionLength')}
            rows={sessionRows}
            onCsv={csv('sessions')}
          >
            <p>
              {dashboard.sessions.averageSeconds === null ? <Figure value={null} /> : t('statistics.average', minutes(dashboard.sessions.averageSeconds))}{' '}
              <Change current={dashboard.sessions.averageSeconds} previous={dashboard.sessions.previousAverageSeconds} />
            </p>
          </BarsSection>
          <BarsSection id="stats-devices" title={t('statistics.devices')} summary={t('statistics.devicesSummary')} firstColumn={t('statistics.device')} rows={deviceRows} onCsv={csv('devices')} />
          <PostsSection d={dashboard.posts} onCsv={csv('posts')} filtered={filtered} />
          <GroupsSection d={dashboard.groups} onCsv={csv('groups')} filtered={filtered} />
          <SearchSection d={dashboard.search} onCsv={csv('search')} filtered={filtered} />
          <ReadSection d={dashboard.readConfirmations} />
        </>
      )}
    </div>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode, MethodOutput } from '../../../../common/src/ipc/contract';
import { amsterdamDay } from '../../../../common/src/time/amsterdamDay';
import { hrefFor, kbPageHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { TextArea } from '../../ui/TextArea';
import { showToast } from '../../ui/toast/toastStore';
import { parseSynonymLines, synonymLines } from './synonymLines';

type Stats = MethodOutput<'search.stats'>;
const PERIODS = [7, 30, 90] as const;

/**
 * The last `days` days up to today, as the server counts them: Amsterdam calendar days (a UTC day
 * would leave out the first hour or two of today's searches).
 */
export const statsPeriod = (days: number, now: Date) => ({ from: amsterdamDay(new Date(now.getTime() - (days - 1) * 86_400_000)), to: amsterdamDay(now) });

/** One block of the statistics: a heading, then a table, or a note that the period has nothing. */
function StatsTable({ title, columns, rows }: { title: string; columns: { label: string; num?: boolean }[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const { t } = useTranslation();
  return (
    <section className="stats-block">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="kb-empty">{t('stats.none')}</p>
      ) : (
        <table className="data-table">
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
                {r.cells.map((cell, i) => (
                  <td key={i} className={columns[i]?.num ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TermTable({ title, rows }: { title: string; rows: { term: string; searches: number }[] }) {
  const { t } = useTranslation();
  return (
    <StatsTable
      title={title}
      columns={[{ label: t('stats.term') }, { label: t('stats.searches'), num: true }]}
      rows={rows.map((r) => ({ key: r.term, cells: [r.term, r.searches] }))}
    />
  );
}

function SynonymEditor() {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [custom, setCustom] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void invoke('search.synonyms', {}).then((r) => {
      if (!r.ok) return setProblem(errorText(t, r.error.code));
      setText(synonymLines(r.value.items));
      setCustom(r.value.custom);
    });
  }, [t]);

  const save = async (reset: boolean) => {
    const parsed = reset ? { items: [], bad: [] } : parseSynonymLines(text ?? '');
    if (parsed.bad.length > 0) return setProblem(t('stats.synonymBadLine', { line: parsed.bad[0] }));
    const result = await invoke('search.setSynonyms', reset ? { reset: true } : { items: parsed.items });
    if (!result.ok) return setProblem(errorText(t, result.error.code));
    setProblem(null);
    setText(synonymLines(result.value.items));
    setCustom(result.value.custom);
    showToast(t('kb.saved'));
  };

  return (
    <section className="stats-block" id="synonyms" aria-labelledby="synonyms-title">
      <h2 id="synonyms-title">{t('stats.synonyms')}</h2>
      <p>{custom ? t('stats.synonymsCustom') : t('stats.synonymsDefault')}</p>
      {text === null ? (
        problem ? <p role="alert">{problem}</p> : <Skeleton width={480} height={120} />
      ) : (
        <>
          <TextArea label={t('stats.synonymsLabel')} value={text} rows={10} onChange={(e) => setText(e.target.value)} />
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <div className="kb-editor-actions">
            <Button variant="primary" onClick={() => void save(false)}>
              {t('stats.saveSynonyms')}
            </Button>
            <Button variant="quiet" onClick={() => void save(true)}>
              {t('stats.resetSynonyms')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

/** What people search for: counts per period, top terms, terms that found nothing or were not clicked, pages opened. */
export function SearchStatsPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  useEffect(() => {
    setStats(null);
    void invoke('search.stats', statsPeriod(days, new Date())).then((r) => (r.ok ? (setStats(r.value), setError(null)) : setError(r.error.code)));
  }, [days]);

  return (
    <div className="search-stats">
      <header className="kb-editor-header">
        <h1>{t('stats.title')}</h1>
        <a className="btn btn-secondary" href="#synonyms" onClick={(e) => (e.preventDefault(), document.getElementById('synonyms')?.scrollIntoView())}>
          {t('stats.toSynonyms')}
        </a>
      </header>
      <div className="stats-periods" role="group" aria-label={t('stats.period')}>
        {PERIODS.map((p) => (
          <Button key={p} variant={p === days ? 'primary' : 'secondary'} aria-pressed={p === days} onClick={() => setDays(p)}>
            {t('stats.lastDays', { count: p })}
          </Button>
        ))}
      </div>
      {error ? (
        <p role="alert">{error === 'offline' ? t('stats.offline') : errorText(t, error)}</p>
      ) : !stats ? (
        <Skeleton width={640} height={200} />
      ) : (
        <>
          <div className="stats-figures">
            <p>
              <strong>{stats.searches}</strong> {t('stats.searchesLabel')}
            </p>
            <p>
              <strong>{stats.uniqueSearches}</strong> {t('stats.uniqueLabel')}
            </p>
          </div>
          <StatsTable
            title={t('stats.perDay')}
            columns={[{ label: t('stats.day') }, { label: t('stats.searches'), num: true }, { label: t('stats.unique'), num: true }]}
            rows={stats.days.map((d) => ({ key: d.day, cells: [d.day, d.searches, d.uniqueSearches] }))}
          />
          <TermTable title={t('stats.topTerms')} rows={stats.topTerms} />
          <TermTable title={t('stats.noResults')} rows={stats.noResults} />
          <TermTable title={t('stats.noClicks')} rows={stats.noClicks} />
          <StatsTable
            title={t('stats.openedPages')}
            columns={[{ label: t('stats.page') }, { label: t('stats.opens'), num: true }]}
            rows={stats.openedPages.map((p) => ({ key: p.pageId, cells: [p.title ? <a href={kbPageHref(p.pageId)}>{p.title}</a> : t('stats.pageGone'), p.opens] }))}
          />
        </>
      )}
      <SynonymEditor />
      <a className="btn btn-secondary" href={hrefFor({ name: 'kb' })}>
        {t('kb.backHome')}
      </a>
    </div>
  );
}

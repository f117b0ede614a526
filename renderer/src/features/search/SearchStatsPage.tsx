import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode, MethodOutput } from '../../../../common/src/ipc/contract';
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

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function TermTable({ title, rows, empty }: { title: string; rows: { term: string; searches: number }[]; empty: string }) {
  const { t } = useTranslation();
  return (
    <section className="stats-block">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="kb-empty">{empty}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.term')}</th>
              <th scope="col" className="num">
                {t('stats.searches')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.term}>
                <td>{r.term}</td>
                <td className="num">{r.searches}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
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
    const to = new Date();
    const from = new Date(to.getTime() - (days - 1) * 86_400_000);
    setStats(null);
    void invoke('search.stats', { from: isoDay(from), to: isoDay(to) }).then((r) => (r.ok ? (setStats(r.value), setError(null)) : setError(r.error.code)));
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
          <section className="stats-block">
            <h2>{t('stats.perDay')}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('stats.day')}</th>
                  <th scope="col" className="num">
                    {t('stats.searches')}
                  </th>
                  <th scope="col" className="num">
                    {t('stats.unique')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.days.map((d) => (
                  <tr key={d.day}>
                    <td>{d.day}</td>
                    <td className="num">{d.searches}</td>
                    <td className="num">{d.uniqueSearches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <TermTable title={t('stats.topTerms')} rows={stats.topTerms} empty={t('stats.none')} />
          <TermTable title={t('stats.noResults')} rows={stats.noResults} empty={t('stats.none')} />
          <TermTable title={t('stats.noClicks')} rows={stats.noClicks} empty={t('stats.none')} />
          <section className="stats-block">
            <h2>{t('stats.openedPages')}</h2>
            {stats.openedPages.length === 0 ? (
              <p className="kb-empty">{t('stats.none')}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('stats.page')}</th>
                    <th scope="col" className="num">
                      {t('stats.opens')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.openedPages.map((p) => (
                    <tr key={p.pageId}>
                      <td>{p.title ? <a href={kbPageHref(p.pageId)}>{p.title}</a> : t('stats.pageGone')}</td>
                      <td className="num">{p.opens}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
      <SynonymEditor />
      <a className="btn btn-secondary" href={hrefFor({ name: 'kb' })}>
        {t('kb.backHome')}
      </a>
    </div>
  );
}

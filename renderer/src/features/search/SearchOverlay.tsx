import { BookOpen, MessageSquare, Search, User, Users, WifiOff, type LucideIcon } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../../common/src/api/routes/search';
import { groupHref, kbPageHref, postHref } from '../../app/route';
import { Dialog } from '../../ui/Dialog';
import { openPersonCard } from '../people/personCardStore';
import { groupResults, type ResultKind } from './mergeResults';
import { Highlighted } from './Highlighted';
import { closeSearch, moveActive, reportOpened, typeQuery, useSearch } from './searchStore';

const ICONS: Record<ResultKind, LucideIcon> = { page: BookOpen, post: MessageSquare, group: Users, person: User };

const RESULT_HREF: Record<Exclude<ResultKind, 'person'>, (id: string) => string> = { page: kbPageHref, post: postHref, group: groupHref };

function open(result: SearchResult, position: number): void {
  reportOpened(result, position);
  closeSearch();
  if (result.kind === 'person') {
    void openPersonCard(result.id);
    return;
  }
  window.location.hash = RESULT_HREF[result.kind](result.id);
}

/** The one search box: everything this device knows at once, the server's additions when it answers. */
export function SearchOverlay() {
  const { t } = useTranslation();
  const { open: isOpen, query, results, answered, offline, active } = useSearch();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    if (isOpen) input.current?.focus();
  }, [isOpen]);

  if (!isOpen) return null;
  const groups = groupResults(results);
  const activeResult = results[active];
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <Dialog title={t('search.title')} hideTitle onClose={closeSearch}>
      <div className="search-panel">
        <label className="search-box">
          <Search aria-hidden="true" />
          <span className="sr-only">{t('search.label')}</span>
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeResult ? optionId(active) : undefined}
            aria-autocomplete="list"
            placeholder={t('search.placeholder')}
            value={query}
            maxLength={200}
            onChange={(e) => void typeQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                moveActive(e.key === 'ArrowDown' ? 1 : -1);
              } else if (e.key === 'Enter' && activeResult) {
                e.preventDefault();
                open(activeResult, active);
              }
            }}
          />
        </label>
        {offline && (
          <p className="search-offline" role="status">
            <WifiOff aria-hidden="true" /> {t('search.offline')}
          </p>
        )}
        <div id={listId} role="listbox" aria-label={t('search.results')} className="search-results">
          {groups.map((group) => {
            const Icon = ICONS[group.kind];
            return (
              <section key={group.kind} className="search-group" aria-label={t(`search.kind.${group.kind}`)}>
                <h2>{t(`search.kind.${group.kind}`)}</h2>
                {group.items.map(({ result, index }) => (
                  <div
                    key={`${result.kind}:${result.id}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    className="search-result"
                    onClick={() => open(result, index)}
                    onMouseMove={() => index !== active && useSearch.setState({ active: index })}
                  >
                    <Icon aria-hidden="true" className="search-result-icon" />
                    <span className="search-result-text">
                      <span className="search-result-title">
                        <Highlighted text={result.title} highlights={result.titleHighlights} />
                      </span>
                      {result.snippet && (
                        <span className="search-result-snippet">
                          <Highlighted text={result.snippet} highlights={result.highlights} />
                        </span>
                      )}
                    </span>
                  </div>
                ))}
              </section>
            );
          })}
          {query.trim() !== '' && answered === query && results.length === 0 && (
            <div className="search-empty" role="status">
              <p className="search-empty-title">{t('search.nothing', { query })}</p>
              <p>{t('search.nothingHint')}</p>
            </div>
          )}
          {query.trim() === '' && <p className="search-hint">{t('search.hint')}</p>}
        </div>
      </div>
    </Dialog>
  );
}

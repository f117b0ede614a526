import { FileText, MessageSquare, Search, Vote } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailingChoices } from '../../../../common/src/ipc/contract';
import { matching, toggled, type MailingDraft } from './mailingDraft';

const SHOWN = 12;

type Content = Pick<MailingDraft, 'postIds' | 'pageIds' | 'pollId'>;

/**
 * Posts and pages from the intranet, found by typing, ticked to go in the mailing, and one running
 * poll; the chosen ones stay on top.
 */
export function ContentPicker({ choices, postIds, pageIds, pollId, onChange }: Content & { choices: MailingChoices; onChange: (next: Partial<Content>) => void }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const posts = matching(choices.posts, query, (p) => `${p.preview} ${p.authorName}`);
  const pages = matching(choices.pages, query, (p) => p.title);
  const polls = matching(choices.polls, query, (p) => `${p.question} ${p.options.join(' ')}`);
  const ordered = <T extends { id: string }>(items: T[], chosen: string[]) => [...items.filter((i) => chosen.includes(i.id)), ...items.filter((i) => !chosen.includes(i.id))].slice(0, Math.max(SHOWN, chosen.length));

  return (
    <fieldset className="mailing-block">
      <legend>{t('mailings.compose.content')}</legend>
      <p className="mailing-hint">{t('mailings.compose.contentHint', { count: postIds.length + pageIds.length + (pollId ? 1 : 0) })}</p>
      <div className="field mailing-search">
        <label htmlFor={searchId}>{t('mailings.compose.search')}</label>
        <span className="mailing-search-box">
          <Search aria-hidden="true" />
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('mailings.compose.searchPlaceholder')} />
        </span>
      </div>
      <h3 className="mailing-sub">{t('mailings.compose.posts')}</h3>
      {posts.length === 0 ? (
        <p className="mailing-hint">{t('mailings.compose.noneFound')}</p>
      ) : (
        <ul className="pick-list">
          {ordered(posts, postIds).map((p) => (
            <li key={p.id}>
              <label className="pick">
                <input type="checkbox" checked={postIds.includes(p.id)} onChange={() => onChange({ postIds: toggled(postIds, p.id), pageIds })} />
                <MessageSquare aria-hidden="true" />
                <span className="pick-text">
                  <span className="pick-title">{p.preview || t('mailings.compose.photoPost')}</span>
                  <span className="pick-meta">{p.authorName}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mailing-sub">{t('mailings.compose.pages')}</h3>
      {pages.length === 0 ? (
        <p className="mailing-hint">{t('mailings.compose.noneFound')}</p>
      ) : (
        <ul className="pick-list">
          {ordered(pages, pageIds).map((p) => (
            <li key={p.id}>
              <label className="pick">
                <input type="checkbox" checked={pageIds.includes(p.id)} onChange={() => onChange({ postIds, pageIds: toggled(pageIds, p.id) })} />
                <FileText aria-hidden="true" />
                <span className="pick-text">
                  <span className="pick-title">{p.title}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mailing-sub">{t('mailings.compose.poll')}</h3>
      <p className="mailing-hint">{t('mailings.compose.pollHint')}</p>
      <ul className="pick-list">
        <li>
          <label className="pick pick-radio">
            <input type="radio" name="mailing-poll" checked={pollId === null} onChange={() => onChange({ pollId: null })} />
            <span className="pick-text">
              <span className="pick-title">{t('mailings.compose.noPoll')}</span>
            </span>
          </label>
        </li>
        {polls.length === 0 ? (
          <li className="mailing-hint">{choices.polls.length === 0 ? t('mailings.compose.noPolls') : t('mailings.compose.noneFound')}</li>
        ) : (
          ordered(polls, pollId ? [pollId] : []).map((p) => (
            <li key={p.id}>
              <label className="pick pick-radio">
                <input type="radio" name="mailing-poll" checked={pollId === p.id} onChange={() => onChange({ pollId: p.id })} />
                <Vote aria-hidden="true" />
                <span className="pick-text">
                  <span className="pick-title">{p.question}</span>
                  <span className="pick-meta">{p.options.join(' · ')}</span>
                </span>
              </label>
            </li>
          ))
        )}
      </ul>
    </fieldset>
  );
}

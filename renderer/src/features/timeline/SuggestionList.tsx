import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import type { Suggestion } from './useSuggestions';

type Props = { id: string; items: Suggestion[]; active: number; onPick: (item: Suggestion) => void };

export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

export function SuggestionList({ id, items, active, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <ul id={id} role="listbox" className="suggestions" aria-label={t('composer.suggestions')}>
      {items.map((item, i) => (
        <li
          key={item.value}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          // Keeps focus in the text field, so typing goes on after a tap.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(item)}
        >
          {item.kind === '#' ? (
            <>
              <span className="suggestion-main">#{item.value}</span>
              <span className="muted">{t('composer.tagCount', { count: item.count })}</span>
            </>
          ) : (
            <>
              <Avatar name={item.name} url={item.avatarUrl} size="sm" />
              <span className="suggestion-main">{item.name}</span>
              <span className="muted">
                @{item.value} · {item.jobTitle}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

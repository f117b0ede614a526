import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { parseHashtags } from '../../../../common/src/text/hashtags';
import { useCategories } from './categoryStore';
import './categories.css';

/** The composer's categories: a tap adds the tag to the text; one already in it shows as chosen. */
export function CategoryPicker({ body, onAdd }: { body: string; onAdd: (tag: string) => void }) {
  const { t } = useTranslation();
  const items = useCategories((s) => s.items);
  if (items.length === 0) return null;
  const present = new Set(parseHashtags(body));
  return (
    <div className="category-picker" role="group" aria-label={t('categories.pick')}>
      <span className="muted">{t('categories.pick')}</span>
      {items.map((c) => (
        <button
          key={c.tag}
          type="button"
          className="category-chip"
          style={{ '--category': c.colour } as CSSProperties}
          aria-pressed={present.has(c.tag)}
          disabled={present.has(c.tag)}
          onClick={() => onAdd(c.tag)}
        >
          #{c.tag}
        </button>
      ))}
    </div>
  );
}

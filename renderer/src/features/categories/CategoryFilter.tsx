import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { hashtagHref, hrefFor } from '../../app/route';
import { useCategories } from './categoryStore';
import './categories.css';

/** The timeline's categories as one row of coloured chips: one tap filters, "Alles" shows everything again. */
export function CategoryFilter({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const items = useCategories((s) => s.items);
  if (items.length === 0) return null;
  return (
    <nav className="category-filter" aria-label={t('categories.filter')}>
      <a className="category-chip category-chip-all" href={hrefFor({ name: 'timeline', hashtag: null })} aria-current={current === null ? 'page' : undefined}>
        {t('categories.all')}
      </a>
      {items.map((c) => (
        <a key={c.tag} className="category-chip" href={hashtagHref(c.tag)} style={{ '--category': c.colour } as CSSProperties} aria-current={current === c.tag ? 'page' : undefined}>
          #{c.tag}
        </a>
      ))}
    </nav>
  );
}

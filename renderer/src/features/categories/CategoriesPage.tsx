import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES_MAX, type Category } from '../../../../common/src/api/entities';
import { normaliseHashtag } from '../../../../common/src/text/hashtags';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { useIsEditor } from '../mailings/roles';
import { loadCategories, useCategories } from './categoryStore';
import './categories.css';

/** Colours a new row starts with: dark enough for white text, distinct from each other. */
const COLOURS = ['#1f6f5c', '#6b3fa0', '#8a4b08', '#1f5f8b', '#a1365a', '#2f6b3a', '#5c5c00', '#8b2f2f'];
type Row = Category & { key: number };

/** Editors: the organisation's fixed categories and their colours, in the order the composer offers them. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadCategories().then(() => {
      if (live) setRows((current) => current ?? useCategories.getState().items.map((c, key) => ({ ...c, key })));
    });
    return () => {
      live = false;
    };
  }, []);

  if (!editor) return <p className="notice">{t('categories.editorsOnly')}</p>;
  const list = rows ?? [];
  const change = (key: number, patch: Partial<Category>) => setRows(list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = async () => {
    const tags = list.map((r) => normaliseHashtag(r.tag.trim()));
    if (tags.some((tag) => tag === '')) return setProblem(t('categories.emptyTag'));
    if (new Set(tags).size !== tags.length) return setProblem(t('categories.duplicate'));
    setProblem(null);
    setBusy(true);
    const r = await invoke('categories.set', { items: list.map((row) => ({ tag: row.tag, colour: row.colour })) });
    setBusy(false);
    if (!r.ok) {
      showToast(r.error.code === 'invalid_input' ? t('categories.invalid') : errorText(t, r.error.code), 'error');
      return;
    }
    useCategories.setState({ items: r.value.items });
    setRows(r.value.items.map((c, key) => ({ ...c, key })));
    showToast(t('categories.saved'));
  };

  return (
    <>
      <h1 className="page-title">{t('categories.heading')}</h1>
      <p className="muted">{t('categories.intro')}</p>
      <form
        className="categories-form card"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {list.length === 0 && <p>{t('categories.none')}</p>}
        {list.map((row, i) => (
          <div className="category-row" key={row.key}>
            <TextField label={t('categories.tag', { n: i + 1 })} value={row.tag} maxLength={51} onChange={(e) => change(row.key, { tag: e.target.value })} />
            <div className="field">
              <label htmlFor={`colour-${row.key}`}>{t('categories.colour')}</label>
              <input id={`colour-${row.key}`} type="color" value={row.colour} onChange={(e) => change(row.key, { colour: e.target.value })} />
            </div>
            <Button icon={<Trash2 aria-hidden="true" />} variant="quiet" onClick={() => setRows(list.filter((r) => r.key !== row.key))} aria-label={t('categories.remove', { tag: row.tag || i + 1 })}>
              {t('categories.removeShort')}
            </Button>
          </div>
        ))}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="categories-actions">
          <Button
            icon={<Plus aria-hidden="true" />}
            disabled={list.length >= CATEGORIES_MAX}
            onClick={() => setRows([...list, { tag: '', colour: COLOURS[list.length % COLOURS.length]!, key: Math.max(0, ...list.map((r) => r.key + 1)) }])}
          >
            {t('categories.add')}
          </Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t('categories.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

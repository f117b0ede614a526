import { ArrowDown, ArrowUp, BarChart3, BookOpen, CalendarClock, FileText, GripVertical, Pencil, Plus, Search, Star } from 'lucide-react';
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickLink } from '../../../../common/src/api/entities';
import { hrefFor, kbPageHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';
import { openSearch } from '../search/searchStore';
import { buildTree, dropPosition, stepPosition, type SectionNode, type TreePage } from './kbTree';
import { loadKbHome, setKbHome, useCanEdit, useKb } from './kbStore';
import { QuickLinkEditor } from './QuickLinkEditor';
import { quickLinkIcon } from './quickLinkIcons';

function QuickLinkTile({ link }: { link: QuickLink }) {
  const Icon = quickLinkIcon(link.icon);
  const href = link.pageId ? kbPageHref(link.pageId) : (link.url ?? '#/kb');
  return (
    <a className="quick-link" href={href} {...(link.url && !link.pageId ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      <Icon aria-hidden="true" />
      <span>{link.title}</span>
    </a>
  );
}

/** "Weten en regelen": quick links as big tiles, her favourites, then the tree of sections and pages. */
export function KbHomePage() {
  const { t } = useTranslation();
  const { home, error, editing } = useKb();
  const canEdit = useCanEdit();
  const [dragged, setDragged] = useState<string | null>(null);

  useEffect(() => {
    void loadKbHome();
  }, []);

  if (!home) {
    return error ? (
      <div className="kb-home">
        <p role="alert">{errorText(t, error)}</p>
        <Button onClick={() => void loadKbHome()}>{t('timeline.retry')}</Button>
      </div>
    ) : (
      <div className="kb-home" aria-busy="true">
        <Skeleton width={320} height={40} />
        <Skeleton width={640} height={120} />
      </div>
    );
  }

  const { roots, loosePages } = buildTree(home);
  const favourites = home.favouriteIds.map((id) => home.pages.find((p) => p.id === id)).filter((p): p is TreePage => p !== undefined);

  const move = async (page: TreePage, sectionId: string | null, position: number) => {
    const result = await invoke('kb.move', { kind: 'page', id: page.id, parentId: sectionId, position });
    if (result.ok) setKbHome(result.value);
    else showToast(result.error.code === 'offline' ? t('kb.editorOffline') : errorText(t, result.error.code), 'error');
  };
  const onDrop = (siblings: TreePage[], sectionId: string | null, targetId: string | null) => (event: DragEvent) => {
    event.preventDefault();
    const page = home.pages.find((p) => p.id === dragged);
    setDragged(null);
    if (!page || page.id === targetId) return;
    void move(page, sectionId, targetId ? dropPosition(siblings, page.id, targetId) : siblings.filter((s) => s.id !== page.id).length);
  };

  const pageRow = (page: TreePage, siblings: TreePage[], sectionId: string | null) => (
    <li
      key={page.id}
      className={`kb-page-row${dragged === page.id ? ' kb-dragging' : ''}`}
      draggable={editing}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', page.id);
        setDragged(page.id);
      }}
      onDragEnd={() => setDragged(null)}
      onDragOver={(e) => editing && e.preventDefault()}
      onDrop={onDrop(siblings, sectionId, page.id)}
    >
      {editing && <GripVertical aria-hidden="true" className="kb-grip" />}
      <a href={kbPageHref(page.id)} className="kb-page-link">
        <FileText aria-hidden="true" />
        <span>{page.title}</span>
      </a>
      {editing && (
        <span className="kb-row-actions">
          <Button variant="quiet" aria-label={t('kb.moveUp', { title: page.title })} icon={<ArrowUp aria-hidden="true" />} disabled={stepPosition(siblings, page.id, -1) === null} onClick={() => void move(page, sectionId, stepPosition(siblings, page.id, -1)!)} />
          <Button variant="quiet" aria-label={t('kb.moveDown', { title: page.title })} icon={<ArrowDown aria-hidden="true" />} disabled={stepPosition(siblings, page.id, 1) === null} onClick={() => void move(page, sectionId, stepPosition(siblings, page.id, 1)!)} />
          <a className="btn btn-quiet" href={hrefFor({ name: 'kbEdit', id: page.id })} aria-label={t('kb.editPage', { title: page.title })}>
            <Pencil aria-hidden="true" />
          </a>
        </span>
      )}
    </li>
  );

  const sectionBlock = (node: SectionNode, depth: number) => (
    <section key={node.section.id} className={`kb-section kb-depth-${Math.min(depth, 3)}`} aria-labelledby={`section-${node.section.id}`}>
      {depth === 0 ? <h2 id={`section-${node.section.id}`}>{node.section.title}</h2> : <h3 id={`section-${node.section.id}`}>{node.section.title}</h3>}
      <ul className="kb-pages" onDragOver={(e) => editing && e.preventDefault()} onDrop={onDrop(node.pages, node.section.id, null)}>
        {node.pages.map((p) => pageRow(p, node.pages, node.section.id))}
        {editing && node.pages.length === 0 && <li className="kb-drop-here">{t('kb.dropHere')}</li>}
      </ul>
      {editing && (
        <a className="btn btn-quiet kb-new-page" href={hrefFor({ name: 'kbNew', sectionId: node.section.id })}>
          <Plus aria-hidden="true" />
          <span>{t('kb.newPage')}</span>
        </a>
      )}
      {node.children.map((child) => sectionBlock(child, depth + 1))}
    </section>
  );

  return (
    <div className="kb-home">
      <header className="kb-header">
        <h1>
          <BookOpen aria-hidden="true" /> {t('kb.title')}
        </h1>
        <button type="button" className="kb-search-button" onClick={openSearch}>
          <Search aria-hidden="true" />
          <span>{t('search.placeholder')}</span>
        </button>
      </header>

      {canEdit && (
        <div className="kb-editor-bar" role="toolbar" aria-label={t('kb.editorTools')}>
          <Button variant={editing ? 'primary' : 'secondary'} icon={<Pencil aria-hidden="true" />} aria-pressed={editing} onClick={() => useKb.setState({ editing: !editing })}>
            {editing ? t('kb.editingOn') : t('kb.editingOff')}
          </Button>
          <a className="btn btn-secondary" href={hrefFor({ name: 'kbReview' })}>
            <CalendarClock aria-hidden="true" />
            <span>{t('kb.review.title')}</span>
          </a>
          <a className="btn btn-secondary" href={hrefFor({ name: 'searchStats' })}>
            <BarChart3 aria-hidden="true" />
            <span>{t('stats.title')}</span>
          </a>
        </div>
      )}

      <section aria-labelledby="quick-links-title" className="kb-quick">
        <h2 id="quick-links-title">{t('kb.quickLinks')}</h2>
        {home.quickLinks.length === 0 ? (
          <p className="kb-empty">{t('kb.noQuickLinks')}</p>
        ) : (
          <div className="quick-links">
            {home.quickLinks.map((link) => (
              <QuickLinkTile key={link.id} link={link} />
            ))}
          </div>
        )}
        {editing && <QuickLinkEditor home={home} />}
      </section>

      {favourites.length > 0 && (
        <section aria-labelledby="favourites-title" className="kb-favourites">
          <h2 id="favourites-title">
            <Star aria-hidden="true" /> {t('kb.favourites')}
          </h2>
          <ul className="kb-pages">
            {favourites.map((p) => (
              <li key={p.id} className="kb-page-row">
                <a href={kbPageHref(p.id)} className="kb-page-link">
                  <FileText aria-hidden="true" />
                  <span>{p.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {home.pages.length === 0 && home.sections.length === 0 ? (
        <p className="kb-empty">{t('kb.empty')}</p>
      ) : (
        <div className="kb-tree">
          {roots.map((node) => sectionBlock(node, 0))}
          {loosePages.length > 0 && (
            <section className="kb-section" aria-labelledby="kb-loose">
              <h2 id="kb-loose">{t('kb.otherPages')}</h2>
              <ul className="kb-pages">{loosePages.map((p) => pageRow(p, loosePages, null))}</ul>
            </section>
          )}
        </div>
      )}
      {editing && (
        <a className="btn btn-primary kb-new-page" href={hrefFor({ name: 'kbNew', sectionId: null })}>
          <Plus aria-hidden="true" />
          <span>{t('kb.newPage')}</span>
        </a>
      )}
    </div>
  );
}

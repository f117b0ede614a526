import { ArrowDown, ArrowUp, BarChart3, BookOpen, CalendarClock, FileText, GripVertical, Pencil, Plus, Search, Star } from 'lucide-react';
import { useEffect, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickLink } from '../../../../common/src/api/entities';
import { hrefFor, kbPageHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { useNow } from '../../ui/clock';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';
import { openSearch } from '../search/searchStore';
import { buildTree, dropPosition, stepPosition, type SectionNode, type TreePage, type TreeSection } from './kbTree';
import { loadKbHome, setKbHome, useCanEdit, useKb } from './kbStore';
import { QuickLinkEditor } from './QuickLinkEditor';
import { quickLinkIcon } from './quickLinkIcons';
import { overdueFor } from './reviewDue';

/** What an editor is dragging in the tree. */
interface Dragged {
  kind: 'page' | 'section';
  id: string;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });

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

/** A short list of pages to open, each with what `after` adds beside its title. */
function PageLinks({ pages, after }: { pages: readonly TreePage[]; after?: (page: TreePage) => ReactNode }) {
  return (
    <ul className="kb-pages">
      {pages.map((p) => (
        <li key={p.id} className="kb-page-row">
          <a href={kbPageHref(p.id)} className="kb-page-link">
            <FileText aria-hidden="true" />
            <span>{p.title}</span>
          </a>
          {after?.(p)}
        </li>
      ))}
    </ul>
  );
}

/** "Weten en regelen": quick links as big tiles, her favourites, then the tree of sections and pages. */
export function KbHomePage() {
  const { t } = useTranslation();
  const { home, error, editing } = useKb();
  const canEdit = useCanEdit();
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const personId = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person.id : null));
  const now = useNow((s) => s.now);

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
  const myOverdue = overdueFor(home.pages, personId, new Date(now));
  const favourites = home.favouriteIds.map((id) => home.pages.find((p) => p.id === id)).filter((p): p is TreePage => p !== undefined);

  const move = async (kind: Dragged['kind'], id: string, parentId: string | null, position: number) => {
    const result = await invoke('kb.move', { kind, id, parentId, position });
    if (result.ok) setKbHome(result.value);
    else showToast(result.error.code === 'offline' ? t('kb.editorOffline') : errorText(t, result.error.code), 'error');
  };
  const onDrop = (siblings: TreePage[], sectionId: string | null, targetId: string | null) => (event: DragEvent) => {
    if (dragged?.kind !== 'page') return;
    event.preventDefault();
    event.stopPropagation();
    const page = home.pages.find((p) => p.id === dragged.id);
    setDragged(null);
    if (!page || page.id === targetId) return;
    void move('page', page.id, sectionId, targetId ? dropPosition(siblings, page.id, targetId) : siblings.filter((s) => s.id !== page.id).length);
  };
  // A section dropped on a sister section takes its place; elsewhere it stays where it is.
  const onSectionDrop = (siblings: SectionNode[], target: TreeSection) => (event: DragEvent) => {
    if (dragged?.kind !== 'section') return;
    event.preventDefault();
    event.stopPropagation();
    const movedId = dragged.id;
    setDragged(null);
    if (movedId === target.id || !siblings.some((n) => n.section.id === movedId)) return;
    void move('section', movedId, target.parentId, dropPosition(siblings.map((n) => n.section), movedId, target.id));
  };
  const stepButtons = (kind: Dragged['kind'], id: string, title: string, siblings: readonly { id: string }[], parentId: string | null) => (
    <>
      <Button variant="quiet" aria-label={t('kb.moveUp', { title })} icon={<ArrowUp aria-hidden="true" />} disabled={stepPosition(siblings, id, -1) === null} onClick={() => void move(kind, id, parentId, stepPosition(siblings, id, -1)!)} />
      <Button variant="quiet" aria-label={t('kb.moveDown', { title })} icon={<ArrowDown aria-hidden="true" />} disabled={stepPosition(siblings, id, 1) === null} onClick={() => void move(kind, id, parentId, stepPosition(siblings, id, 1)!)} />
    </>
  );

  const pageRow = (page: TreePage, siblings: TreePage[], sectionId: string | null) => (
    <li
      key={page.id}
      className={`kb-page-row${dragged?.id === page.id ? ' kb-dragging' : ''}`}
      draggable={editing}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', page.id);
        setDragged({ kind: 'page', id: page.id });
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
          {stepButtons('page', page.id, page.title, siblings, sectionId)}
          <a className="btn btn-quiet" href={hrefFor({ name: 'kbEdit', id: page.id })} aria-label={t('kb.editPage', { title: page.title })}>
            <Pencil aria-hidden="true" />
          </a>
        </span>
      )}
    </li>
  );

  const sectionBlock = (node: SectionNode, depth: number, siblings: SectionNode[]) => (
    <section key={node.section.id} className={`kb-section kb-depth-${Math.min(depth, 3)}${dragged?.id === node.section.id ? ' kb-dragging' : ''}`} aria-labelledby={`section-${node.section.id}`}>
      <div
        className="kb-section-head"
        draggable={editing}
        onDragStart={(e) => {
          e.dataTransfer.setData('text/plain', node.section.id);
          setDragged({ kind: 'section', id: node.section.id });
        }}
        onDragEnd={() => setDragged(null)}
        onDragOver={(e) => editing && e.preventDefault()}
        onDrop={onSectionDrop(siblings, node.section)}
      >
        {editing && <GripVertical aria-hidden="true" className="kb-grip" />}
        {depth === 0 ? <h2 id={`section-${node.section.id}`}>{node.section.title}</h2> : <h3 id={`section-${node.section.id}`}>{node.section.title}</h3>}
        {editing && (
          <span className="kb-row-actions">
            {stepButtons(
              'section',
              node.section.id,
              node.section.title,
              siblings.map((n) => n.section),
              node.section.parentId,
            )}
          </span>
        )}
      </div>
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
      {node.children.map((child) => sectionBlock(child, depth + 1, node.children))}
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

      {myOverdue.length > 0 && (
        <section aria-labelledby="my-review-title" className="kb-my-review">
          <h2 id="my-review-title">
            <CalendarClock aria-hidden="true" /> {t('kb.review.mine')}
          </h2>
          <p>{t('kb.review.mineIntro')}</p>
          <PageLinks pages={myOverdue} after={(p) => <span className="kb-due">{t('kb.review.dueOn', { date: dateFormat.format(new Date(p.reviewDate!)) })}</span>} />
        </section>
      )}

      {favourites.length > 0 && (
        <section aria-labelledby="favourites-title" className="kb-favourites">
          <h2 id="favourites-title">
            <Star aria-hidden="true" /> {t('kb.favourites')}
          </h2>
          <PageLinks pages={favourites} />
        </section>
      )}

      {home.pages.length === 0 && home.sections.length === 0 ? (
        <p className="kb-empty">{t('kb.empty')}</p>
      ) : (
        <div className="kb-tree">
          {roots.map((node) => sectionBlock(node, 0, roots))}
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

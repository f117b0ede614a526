import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbHome } from '../../../../common/src/ipc/kbViews';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { setKbHome } from './kbStore';
import { QUICK_LINK_ICONS } from './quickLinkIcons';

/** Editors add, retarget and remove "Snel regelen" links: each to a page of the tree. */
export function QuickLinkEditor({ home }: { home: KbHome }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [pageId, setPageId] = useState(home.pages[0]?.id ?? '');
  const [icon, setIcon] = useState('link');
  const refused = (code: Parameters<typeof errorText>[1]) => showToast(code === 'offline' ? t('kb.editorOffline') : errorText(t, code), 'error');

  const add = async () => {
    if (!title.trim() || !pageId) return;
    const result = await invoke('kb.saveQuickLink', { title, icon, pageId, url: null });
    if (!result.ok) return refused(result.error.code);
    setKbHome(result.value);
    setTitle('');
    showToast(t('kb.saved'));
  };
  const remove = async (id: string) => {
    const result = await invoke('kb.deleteQuickLink', { id });
    if (result.ok) setKbHome(result.value);
    else refused(result.error.code);
  };

  return (
    <div className="quick-link-editor">
      <ul className="quick-link-list">
        {home.quickLinks.map((link) => (
          <li key={link.id}>
            <span>{link.title}</span>
            <Button variant="quiet" icon={<Trash2 aria-hidden="true" />} onClick={() => void remove(link.id)}>
              {t('kb.removeQuickLink')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="quick-link-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField label={t('kb.quickLinkTitle')} value={title} maxLength={60} onChange={(e) => setTitle(e.target.value)} />
        <div className="field">
          <label htmlFor="quick-link-page">{t('kb.quickLinkPage')}</label>
          <select id="quick-link-page" value={pageId} onChange={(e) => setPageId(e.target.value)}>
            {home.pages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="quick-link-icon">{t('kb.quickLinkIcon')}</label>
          <select id="quick-link-icon" value={icon} onChange={(e) => setIcon(e.target.value)}>
            {Object.keys(QUICK_LINK_ICONS).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={!title.trim()}>
          {t('kb.addQuickLink')}
        </Button>
      </form>
    </div>
  );
}

import { History, RotateCcw, Save, Upload } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode, MethodOutput } from '../../../../common/src/ipc/contract';
import type { KbDiff } from '../../../../common/src/ipc/kbViews';
import { hrefFor, kbPageHref } from '../../app/route';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { loadKbHome, useCanEdit, useKb } from './kbStore';
import { PageBody } from './PageBody';

type Versions = MethodOutput<'kb.versions'>['items'];
const when = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Editing a page: the text beside how it will look, saving (online only), its versions with a diff and restore. */
export function KbEditorPage({ id, sectionId = null }: { id: string | null; sectionId?: string | null }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const online = useAppState((s) => s.sync?.state !== 'offline');
  const home = useKb((s) => s.home);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [section, setSection] = useState<string | null>(sectionId);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [versions, setVersions] = useState<Versions | null>(null);
  const [diff, setDiff] = useState<KbDiff | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!home) void loadKbHome();
    if (!id) return;
    void invoke('kb.page', { id }).then((result) => {
      if (!result.ok) return setError(result.error.code);
      setTitle(result.value.title);
      setBody(result.value.body);
      setSection(result.value.sectionId);
      setVersion(result.value.version);
    });
  }, [id, home]);

  if (!canEdit) return <p role="alert">{t('errors.forbidden')}</p>;

  const refused = (code: ClientErrorCode) => {
    setError(code);
    showToast(code === 'offline' ? t('kb.editorOffline') : errorText(t, code), 'error');
  };

  const save = async () => {
    setBusy(true);
    const result = await invoke('kb.savePage', { ...(id ? { id } : {}), title, body, sectionId: section, ...(version ? { baseVersion: version } : {}) });
    setBusy(false);
    if (!result.ok) return refused(result.error.code);
    showToast(t('kb.saved'));
    window.location.hash = kbPageHref(result.value.id);
  };
  const showVersions = async () => {
    if (!id) return;
    const result = await invoke('kb.versions', { id });
    if (result.ok) setVersions(result.value.items);
    else refused(result.error.code);
  };
  const showDiff = async (from: number) => {
    if (!id) return;
    const result = await invoke('kb.diff', { id, from });
    if (result.ok) setDiff(result.value);
    else refused(result.error.code);
  };
  const restore = async (v: number) => {
    if (!id) return;
    const result = await invoke('kb.restore', { id, version: v });
    if (!result.ok) return refused(result.error.code);
    showToast(t('kb.restored', { version: v }));
    window.location.hash = kbPageHref(id);
  };
  const upload = async (file: File) => {
    if (!id) return;
    const base64 = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.readAsDataURL(file);
    });
    const result = await invoke('kb.uploadAttachment', { pageId: id, name: file.name, base64 });
    if (result.ok) showToast(t('kb.attached', { name: result.value.name }));
    else refused(result.error.code);
  };

  return (
    <div className="kb-editor">
      <header className="kb-editor-header">
        <h1>{id ? t('kb.editTitle') : t('kb.newPage')}</h1>
        <a className="btn btn-quiet" href={id ? kbPageHref(id) : hrefFor({ name: 'kb' })}>
          {t('kb.cancel')}
        </a>
      </header>
      {!online && (
        <p className="kb-offline-note" role="status">
          {t('kb.editorOffline')}
        </p>
      )}
      {error === 'conflict' && (
        <p className="field-error" role="alert">
          {t('errors.conflict')}
        </p>
      )}
      <form
        className="kb-editor-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField label={t('kb.pageTitle')} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />
        <div className="field">
          <label htmlFor="kb-section">{t('kb.section')}</label>
          <select id="kb-section" value={section ?? ''} onChange={(e) => setSection(e.target.value || null)}>
            <option value="">{t('kb.noSection')}</option>
            {home?.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="kb-editor-panes">
          <TextArea label={t('kb.pageText')} value={body} rows={18} maxLength={100_000} onChange={(e) => setBody(e.target.value)} className="kb-editor-text" />
          <section className="kb-preview" aria-labelledby="kb-preview-title">
            <h2 id="kb-preview-title">{t('kb.preview')}</h2>
            <div className="kb-preview-page">
              <h1>{title || t('kb.untitled')}</h1>
              <PageBody source={body} linkedTitles={Object.fromEntries((home?.pages ?? []).map((p) => [p.id, p.title]))} />
            </div>
          </section>
        </div>
        <p className="kb-syntax-help">{t('kb.syntaxHelp')}</p>
        <div className="kb-editor-actions">
          <Button type="submit" variant="primary" icon={<Save aria-hidden="true" />} disabled={busy || !title.trim() || !online}>
            {t('kb.save')}
          </Button>
          {id && (
            <>
              <Button icon={<History aria-hidden="true" />} onClick={() => void showVersions()} disabled={!online}>
                {t('kb.versions')}
              </Button>
              <label className="btn btn-secondary kb-upload">
                <Upload aria-hidden="true" />
                <span>{t('kb.attach')}</span>
                <input
                  type="file"
                  className="sr-only"
                  accept=".pdf,.doc,.docx,.xls,.xlsx,application/pdf"
                  disabled={!online}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void upload(file);
                    e.target.value = '';
                  }}
                />
              </label>
            </>
          )}
        </div>
      </form>

      {versions && (
        <section className="kb-versions" aria-labelledby="kb-versions-title">
          <h2 id="kb-versions-title">{t('kb.versions')}</h2>
          <ol>
            {versions.map((v) => (
              <li key={v.version}>
                <span className="kb-version-line">
                  {t('kb.versionLine', { version: v.version, name: v.savedByName ?? t('kb.someone'), when: when.format(new Date(v.savedAt)) })}
                </span>
                {v.version !== version && (
                  <span className="kb-version-actions">
                    <Button variant="quiet" onClick={() => void showDiff(v.version)}>
                      {t('kb.showDiff')}
                    </Button>
                    <Button variant="quiet" icon={<RotateCcw aria-hidden="true" />} onClick={() => void restore(v.version)}>
                      {t('kb.restore')}
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {diff && (
        <section className="kb-diff" aria-labelledby="kb-diff-title">
          <h2 id="kb-diff-title">{t('kb.diffTitle', { from: diff.from, to: diff.to })}</h2>
          {diff.title.from !== diff.title.to && <p>{t('kb.titleChanged', { from: diff.title.from, to: diff.title.to })}</p>}
          <pre className="kb-diff-lines">
            {diff.lines.map((line, i) => (
              <div key={i} className={`diff-${line.op}`}>
                <span aria-hidden="true">{line.op === 'add' ? '+ ' : line.op === 'remove' ? '− ' : '  '}</span>
                <span className="sr-only">{line.op === 'add' ? t('kb.added') : line.op === 'remove' ? t('kb.removed') : ''}</span>
                {line.text}
              </div>
            ))}
          </pre>
        </section>
      )}
    </div>
  );
}

import { Plus } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { GroupView } from '../../../../common/src/ipc/groupViews';
import { groupHref } from '../../app/route';
import { invoke, on } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { TextField } from '../../ui/TextField';
import { fileToUpload } from './coverUpload';
import './groups.css';

type Load = { status: 'loading' } | { status: 'ready'; items: GroupView[] } | { status: 'error'; code: ClientErrorCode };

/** Groepen: her own groups with what is new since her last visit, then the groups she can discover. */
export function GroupsPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<'all' | 'work' | 'informal'>('all');
  const [creating, setCreating] = useState(false);

  const refresh = async () => {
    const answer = await invoke('groups.overview', {});
    setLoad(answer.ok ? { status: 'ready', items: answer.value.items } : { status: 'error', code: answer.error.code });
  };
  useEffect(() => {
    void refresh();
    return on('groups.changed', () => void refresh());
  }, []);

  if (load.status === 'loading') {
    return (
      <div aria-busy="true">
        <h1 className="page-title">{t('groups.title')}</h1>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={72} />
        ))}
      </div>
    );
  }
  if (load.status === 'error') {
    return (
      <div className="notice">
        <p>{errorText(t, load.code)}</p>
        <Button onClick={() => void refresh()}>{t('timeline.retry')}</Button>
      </div>
    );
  }
  const mine = load.items.filter((g) => g.myRole !== null);
  const q = query.trim().toLocaleLowerCase('nl');
  const others = load.items.filter((g) => g.myRole === null && (kind === 'all' || g.kind === kind) && (q === '' || g.name.toLocaleLowerCase('nl').includes(q)));

  return (
    <>
      <div className="groups-head">
        <h1 className="page-title">{t('groups.title')}</h1>
        <Button variant="primary" icon={<Plus aria-hidden="true" />} onClick={() => setCreating(true)}>
          {t('groups.create')}
        </Button>
      </div>
      {creating && <CreateGroup onDone={() => setCreating(false)} />}
      <section aria-labelledby="my-groups">
        <h2 id="my-groups" className="section-title">
          {t('groups.mine')}
        </h2>
        {mine.length === 0 ? <p className="notice">{t('groups.noneYet')}</p> : <GroupList items={mine} />}
      </section>
      <section aria-labelledby="discover">
        <h2 id="discover" className="section-title">
          {t('groups.discover')}
        </h2>
        <div className="groups-filters">
          <TextField label={t('groups.search')} value={query} onChange={(e) => setQuery(e.target.value)} type="search" />
          <div role="radiogroup" aria-label={t('groups.kindLabel')} className="chips">
            {(['all', 'work', 'informal'] as const).map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} className="chip" onClick={() => setKind(k)}>
                {t(`groups.kind_${k}`)}
              </button>
            ))}
          </div>
        </div>
        {others.length === 0 ? <p className="notice">{t('groups.noMatch')}</p> : <GroupList items={others} />}
      </section>
    </>
  );
}

function GroupList({ items }: { items: GroupView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="group-list">
      {items.map((g) => (
        <li key={g.id}>
          <a className="group-row" href={groupHref(g.id)}>
            {g.coverUrl ? <img className="group-thumb" src={g.coverUrl} alt="" /> : <span className="group-thumb group-thumb-empty" aria-hidden="true">{g.name.slice(0, 1)}</span>}
            <span className="group-row-text">
              <span className="group-name">{g.name}</span>
              <span className="muted">
                {t(`groups.visibility_${g.visibility}`)} · {t(`groups.kind_${g.kind}`)} · {t('groups.members', { count: g.memberCount })}
                {g.archived && ` · ${t('groups.archived')}`}
                {g.requested && ` · ${t('groups.requested')}`}
              </span>
            </span>
            {g.newPosts > 0 && <span className="badge-count">{t('groups.newPosts', { count: g.newPosts })}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}

function CreateGroup({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<'work' | 'informal'>('work');
  const [visibility, setVisibility] = useState<'open' | 'closed' | 'private'>('open');
  const [cover, setCover] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim().length < 2) return setError(t('groups.nameTooShort'));
    setBusy(true);
    const upload = cover ? await fileToUpload(cover) : null;
    const answer = await invoke('groups.create', { name, description, kind, visibility, cover: upload });
    setBusy(false);
    if (!answer.ok) return setError(errorText(t, answer.error.code));
    window.location.hash = groupHref(answer.value.id);
    onDone();
  };

  return (
    <form className="card group-form" onSubmit={(e) => void submit(e)} aria-label={t('groups.create')}>
      <TextField label={t('groups.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
      <TextField label={t('groups.description')} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
      <fieldset>
        <legend>{t('groups.kindLabel')}</legend>
        {(['work', 'informal'] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} /> {t(`groups.kind_${k}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('groups.visibilityLabel')}</legend>
        {(['open', 'closed', 'private'] as const).map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="visibility" checked={visibility === v} onChange={() => setVisibility(v)} /> {t(`groups.visibility_${v}`)}
            <span className="muted"> — {t(`groups.explain_${v}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="choice">
        {t('groups.cover')} <input type="file" accept="image/jpeg,image/png,image/webp,image/gif" onChange={(e) => setCover(e.target.files?.[0] ?? null)} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <Button onClick={onDone}>{t('groups.cancel')}</Button>
        <Button variant="primary" type="submit" disabled={busy}>
          {t('groups.createSubmit')}
        </Button>
      </div>
    </form>
  );
}

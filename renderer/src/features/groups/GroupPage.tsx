import { GroupApprovalSetting } from '../reviews/ApprovalSetting';
import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../../../../common/src/ipc/contract';
import type { GroupMemberView, GroupView, JoinRequestView } from '../../../../common/src/ipc/groupViews';
import type { PostViewModel } from '../../../../common/src/ipc/views';
import { invoke, on } from '../../app/samen';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { TextArea } from '../../ui/TextArea';
import { showToast } from '../../ui/toast/toastStore';
import { Composer } from '../timeline/Composer';
import { PostCard } from '../timeline/PostCard';
import './groups.css';

/** One group: cover, what it is, joining or leaving, her own choices, its timeline and (for its admins) the tools. */
export function GroupPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<GroupView | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const answer = await invoke('groups.get', { id });
    if (answer.ok) setGroup(answer.value);
    else setError(answer.error.code);
  }, [id]);

  useEffect(() => on('groups.changed', () => void load()), [load]);
  useEffect(() => {
    void load();
    // Time spent here is recorded (enter and leave, nothing of what was read).
    void invoke('groups.visit', { id, open: true });
    return () => void invoke('groups.visit', { id, open: false });
  }, [id, load]);

  if (error) {
    return (
      <div className="notice">
        <p>{errorText(t, error)}</p>
        <a href="#/groups">{t('groups.back')}</a>
      </div>
    );
  }
  if (!group) return <Skeleton height={160} />;

  const act = async (work: () => Promise<{ ok: boolean; error?: { code: ClientErrorCode } }>, done?: string) => {
    setBusy(true);
    const answer = await work();
    setBusy(false);
    if (!answer.ok) showToast(errorText(t, answer.error!.code), 'error');
    else if (done) showToast(done);
    await load();
  };
  const member = group.myRole !== null;
  const admin = group.myRole === 'admin';

  return (
    <article className="group-page" aria-busy={busy}>
      <a className="back-link" href="#/groups">
        <ArrowLeft aria-hidden="true" /> {t('groups.back')}
      </a>
      <header className="group-cover" style={group.coverUrl ? undefined : { background: 'var(--accent)' }}>
        {group.coverUrl && <img src={group.coverUrl} alt="" />}
      </header>
      <h1 className="page-title">{group.name}</h1>
      <p className="muted">
        {t(`groups.visibility_${group.visibility}`)} · {t(`groups.kind_${group.kind}`)} · {t('groups.members', { count: group.memberCount })}
        {group.managedBy && ` · ${t(`groups.managed_${group.managedBy}`)}`}
      </p>
      {group.archived && (
        <p className="notice" role="note">
          {t('groups.archivedNote')}
        </p>
      )}
      {group.description && <p>{group.description}</p>}

      <div className="group-actions">
        {!member && !group.archived && group.visibility === 'open' && (
          <Button variant="primary" disabled={busy} onClick={() => void act(() => invoke('groups.join', { id }), t('groups.joined'))}>
            {t('groups.join')}
          </Button>
        )}
        {!member && group.visibility === 'closed' && !group.archived && (
          group.requested ? (
            <p className="notice" role="status">{t('groups.requestedLong')}</p>
          ) : (
            <Button variant="primary" disabled={busy} onClick={() => void act(() => invoke('groups.join', { id }), t('groups.requestSent'))}>
              {t('groups.request')}
            </Button>
          )
        )}
        {member && (
          <>
            {group.kind === 'informal' && (
              <label className="choice toggle">
                <input type="checkbox" checked={group.showInTimeline} onChange={(e) => void act(() => invoke('groups.setPreferences', { id, showInTimeline: e.target.checked }))} />
                {t('groups.showInTimeline')}
              </label>
            )}
            <label className="choice toggle">
              <input type="checkbox" checked={group.muted} onChange={(e) => void act(() => invoke('groups.setPreferences', { id, muted: e.target.checked }))} />
              {t('groups.mute')}
            </label>
            {!group.managedBy && (
              <Button disabled={busy} onClick={() => void act(async () => {
                const answer = await invoke('groups.leave', { id });
                if (answer.ok) window.location.hash = '#/groups';
                return answer;
              }, t('groups.left'))}>
                {t('groups.leave')}
              </Button>
            )}
          </>
        )}
      </div>

      {group.sending && (
        <p className="muted" role="status">
          {t('groups.sending')}
        </p>
      )}

      {admin && <AdminTools group={group} onChanged={() => void load()} />}
      <Members groupId={id} admin={admin} />
      <GroupFeed group={group} />
    </article>
  );
}

/** Members shown before "Alle leden": a department group of 80 must not push its timeline off the screen. */
const MEMBERS_SHOWN = 6;

function Members({ groupId, admin }: { groupId: string; admin: boolean }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<GroupMemberView[] | null>(null);
  const [all, setAll] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const load = useCallback(async () => {
    const answer = await invoke('groups.members', { id: groupId });
    if (answer.ok) setItems(answer.value.items);
    else setError(answer.error.code);
  }, [groupId]);
  useEffect(() => void load(), [load]);

  const change = async (work: Promise<{ ok: boolean; error?: { code: ClientErrorCode } }>) => {
    const answer = await work;
    if (!answer.ok) showToast(errorText(t, answer.error!.code), 'error');
    await load();
  };

  return (
    <section aria-labelledby="members" className="group-section">
      <h2 id="members" className="section-title">{t('groups.membersTitle')}</h2>
      {error && <p className="notice">{errorText(t, error)}</p>}
      {!items && !error && <Skeleton height={48} />}
      <ul className="member-list">
        {items?.slice(0, all ? undefined : MEMBERS_SHOWN).map((m) => (
          <li key={m.personId} className="member-row">
            <Avatar name={m.name} url={m.avatarUrl} size="sm" />
            <span className="group-row-text">
              <span>{m.name}</span>
              <span className="muted">{m.role === 'admin' ? t('groups.roleAdmin') : m.jobTitle}</span>
            </span>
            {admin && (
              <span className="member-tools">
                <Button variant="quiet" onClick={() => void change(invoke('groups.setMember', { id: groupId, personId: m.personId, role: m.role === 'admin' ? 'member' : 'admin' }))}>
                  {m.role === 'admin' ? t('groups.makeMember') : t('groups.makeAdmin')}
                </Button>
                <Button variant="quiet" onClick={() => void change(invoke('groups.removeMember', { id: groupId, personId: m.personId }))}>
                  {t('groups.remove')}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {items && !all && items.length > MEMBERS_SHOWN && (
        <Button variant="quiet" onClick={() => setAll(true)}>
          {t('groups.allMembers', { count: items.length })}
        </Button>
      )}
    </section>
  );
}

function AdminTools({ group, onChanged }: { group: GroupView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [requests, setRequests] = useState<JoinRequestView[]>([]);
  const [description, setDescription] = useState(group.description);
  const load = useCallback(async () => {
    const answer = await invoke('groups.requests', { id: group.id });
    if (answer.ok) setRequests(answer.value.items);
  }, [group.id]);
  useEffect(() => void load(), [load]);

  const run = async (work: Promise<{ ok: boolean; error?: { code: ClientErrorCode } }>, done: string) => {
    const answer = await work;
    if (!answer.ok) showToast(errorText(t, answer.error!.code), 'error');
    else showToast(done);
    await load();
    onChanged();
  };

  return (
    <section aria-labelledby="admin-tools" className="card group-section">
      <h2 id="admin-tools" className="section-title">{t('groups.adminTools')}</h2>
      <GroupApprovalSetting groupId={group.id} />
      <h3>{t('groups.requestsTitle')}</h3>
      {requests.length === 0 ? (
        <p className="muted">{t('groups.noRequests')}</p>
      ) : (
        <ul className="member-list">
          {requests.map((r) => (
            <li key={r.id} className="member-row">
              <Avatar name={r.name} url={r.avatarUrl} size="sm" />
              <span className="group-row-text">
                <span>{r.name}</span>
                <span className="muted">{r.jobTitle}</span>
              </span>
              <span className="member-tools">
                <Button variant="primary" onClick={() => void run(invoke('groups.decide', { id: group.id, requestId: r.id, decision: 'approve' }), t('groups.approved', { name: r.name }))}>
                  {t('groups.approve')}
                </Button>
                <Button onClick={() => void run(invoke('groups.decide', { id: group.id, requestId: r.id, decision: 'decline' }), t('groups.declined', { name: r.name }))}>
                  {t('groups.decline')}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {!group.archived && (
        <form
          className="group-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(invoke('groups.update', { id: group.id, description }), t('groups.saved'));
          }}
        >
          <TextArea label={t('groups.description')} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
          <Button type="submit">{t('groups.save')}</Button>
        </form>
      )}
      {!group.managedBy && (
        <div className="form-actions">
          {!group.archived && group.visibility !== 'private' && (
            <Button onClick={() => void run(invoke('groups.update', { id: group.id, visibility: 'private' }), t('groups.saved'))}>{t('groups.makePrivate')}</Button>
          )}
          {!group.archived && group.visibility === 'private' && (
            <Button onClick={() => void run(invoke('groups.update', { id: group.id, visibility: 'open' }), t('groups.saved'))}>{t('groups.makeOpen')}</Button>
          )}
          <Button onClick={() => void run(invoke('groups.update', { id: group.id, archived: !group.archived }), t('groups.saved'))}>
            {group.archived ? t('groups.unarchive') : t('groups.archive')}
          </Button>
        </div>
      )}
    </section>
  );
}

function GroupFeed({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [posts, setPosts] = useState<PostViewModel[] | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const load = useCallback(async () => {
    const answer = await invoke('timeline.list', { groupId: group.id, limit: 30 });
    if (answer.ok) setPosts(answer.value.items);
    else setError(answer.error.code);
  }, [group.id]);
  useEffect(() => {
    void load();
    return on('timeline.changed', () => void load());
  }, [load]);

  return (
    <section aria-label={t('groups.feed')} className="group-section group-feed">
      {group.myRole !== null && !group.archived && <Composer group={group} />}
      {error && <p className="notice">{errorText(t, error)}</p>}
      {!posts && !error && <Skeleton height={120} />}
      {posts?.length === 0 && <p className="notice">{t('groups.noPosts')}</p>}
      {posts?.map((p) => <PostCard key={p.id} post={p} />)}
    </section>
  );
}

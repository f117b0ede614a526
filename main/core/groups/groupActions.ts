import type { Result } from '../../../common/src/ipc/contract.js';
import type { MethodParsedInput } from '../../../common/src/ipc/contract.js';
import type { GroupMemberView, JoinRequestView } from '../../../common/src/ipc/groupViews.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { DirectoryQueries } from '../cache/directoryQueries.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';

export interface GroupActionDeps {
  http: HttpClient;
  session(): ActiveSession | null;
  /** Brings cache and personal store up to date, so what she sees next includes the change. */
  refresh(): Promise<unknown>;
  directory<T>(work: (directory: DirectoryQueries) => T): T;
  imageUrl: ImageUrl;
}

type Done = Result<{ ok: true }>;

/**
 * What she does with groups that the server must decide at once (creating one, her own choices, and
 * group admins' tools); joining, asking and leaving go through the outbox. Each is sent with an idempotency key, so a retry is harmless, and followed by a sync, so the
 * views answer from cache and memory as always.
 */
export function createGroupActions(d: GroupActionDeps) {
  const withSession = async <T>(work: (s: ActiveSession) => Promise<Result<T>>): Promise<Result<T>> => {
    const s = d.session();
    return s ? work(s) : fail('not_logged_in', 'log in first');
  };
  const afterWrite = async <T>(answer: { ok: true; value: T } | { ok: false; error: Parameters<typeof failWith>[0] }): Promise<Result<T>> => {
    if (!answer.ok) return failWith(answer.error);
    await d.refresh();
    return ok(answer.value);
  };
  const person = (id: string) =>
    d.directory((dir) => {
      const p = dir.person(id);
      return { name: p?.name ?? '—', jobTitle: p?.jobTitle ?? '', avatarUrl: p?.avatarImageId ? d.imageUrl(p.avatarImageId, 'thumb') : null };
    });
  const key = () => uuidv7();

  return {
    create: (input: MethodParsedInput<'groups.create'>) =>
      withSession(async (s) => {
        let coverImageId: string | null = null;
        if (input.cover) {
          const uploaded = await d.http.call('uploadImage', {
            token: s.token,
            body: { bytes: new Uint8Array(Buffer.from(input.cover.base64, 'base64')), mime: input.cover.mime },
            idempotencyKey: key(),
          });
          if (!uploaded.ok) return failWith(uploaded.error);
          coverImageId = uploaded.value.id;
        }
        const body = { name: input.name, description: input.description, kind: input.kind, visibility: input.visibility, coverImageId };
        return afterWrite(await d.http.call('createGroup', { token: s.token, body, idempotencyKey: key() }));
      }),
    setPreferences: (input: MethodParsedInput<'groups.setPreferences'>) =>
      withSession(async (s) =>
        afterWrite(
          await d.http.call('updateMyMembership', {
            token: s.token,
            params: { id: input.id },
            body: { showInTimeline: input.showInTimeline, muted: input.muted },
            idempotencyKey: key(),
          }),
        ),
      ),
    update: (input: MethodParsedInput<'groups.update'>) =>
      withSession(async (s) => {
        const { id, ...body } = input;
        return afterWrite(await d.http.call('updateGroup', { token: s.token, params: { id }, body, idempotencyKey: key() }));
      }),
    members: (groupId: string) =>
      withSession(async (s): Promise<Result<{ items: GroupMemberView[] }>> => {
        const answer = await d.http.call('listGroupMembers', { token: s.token, params: { id: groupId } });
        if (!answer.ok) return failWith(answer.error);
        const items = answer.value.items.map((m) => ({ personId: m.personId, role: m.role, ...person(m.personId) }));
        items.sort((a, b) => Number(b.role === 'admin') - Number(a.role === 'admin') || a.name.localeCompare(b.name, 'nl'));
        return ok({ items });
      }),
    requests: (groupId: string) =>
      withSession(async (s): Promise<Result<{ items: JoinRequestView[] }>> => {
        const answer = await d.http.call('listJoinRequests', { token: s.token, params: { id: groupId } });
        if (!answer.ok) return failWith(answer.error);
        return ok({ items: answer.value.items.map((r) => ({ id: r.id, personId: r.personId, createdAt: r.createdAt, ...person(r.personId) })) });
      }),
    decide: (input: MethodParsedInput<'groups.decide'>) =>
      withSession(async (s): Promise<Done> => {
        const done = await afterWrite(
          await d.http.call('decideJoinRequest', { token: s.token, params: { id: input.id, requestId: input.requestId }, body: { decision: input.decision }, idempotencyKey: key() }),
        );
        return done.ok ? ok({ ok: true as const }) : done;
      }),
    setMember: (input: MethodParsedInput<'groups.setMember'>) =>
      withSession(async (s): Promise<Done> => {
        const done = await afterWrite(
          await d.http.call('addGroupMember', { token: s.token, params: { id: input.id, personId: input.personId }, body: { role: input.role }, idempotencyKey: key() }),
        );
        return done.ok ? ok({ ok: true as const }) : done;
      }),
    removeMember: (input: MethodParsedInput<'groups.removeMember'>) =>
      withSession(async (s): Promise<Done> =>
        afterWrite(await d.http.call('removeGroupMember', { token: s.token, params: { id: input.id, personId: input.personId }, idempotencyKey: key() })),
      ),
  };
}

export type GroupActions = ReturnType<typeof createGroupActions>;

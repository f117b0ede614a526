import type { Group } from '../../../common/src/api/entities.js';
import type { GroupView } from '../../../common/src/ipc/groupViews.js';
import type { CacheParts } from '../cache/openCache.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { GroupIntent } from '../outbox/outboxStore.js';
import type { PersonalView } from '../personal/personalStore.js';
import type { ReadScope } from '../timeline/readScope.js';

export interface GroupViewContext {
  parts: CacheParts;
  personal: PersonalView;
  me: string;
  imageUrl: ImageUrl;
  /** Her joins, requests and leaves not synced back yet: shown as done. */
  intents: ReadonlyMap<string, { intent: GroupIntent; waiting: boolean }>;
}

export const groupViewContext = (scope: ReadScope, parts: CacheParts, me: string, imageUrl: ImageUrl): GroupViewContext => ({
  parts,
  personal: scope.personal,
  me,
  imageUrl,
  intents: scope.groupIntents,
});

/**
 * A group with her place in it, as she asked it to be: a join or leave still in the outbox shows as
 * done. New posts count from her last visit (from when she joined, if never).
 */
export function groupView(group: Group, c: GroupViewContext): GroupView {
  const stored = c.personal.membership(group.id);
  const intent = c.intents.get(group.id);
  const m = stored && intent?.intent !== 'leave' ? stored : null;
  const joining = !stored && intent?.intent === 'join';
  const since = m ? (m.lastVisitAt ?? null) : null;
  const newPosts =
    m && !m.muted && since !== null
      ? c.parts.posts.countNewer(group.id, since, c.me) + c.personal.posts().filter((p) => p.groupId === group.id && p.createdAt > since && p.authorId !== c.me).length
      : 0;
  const requested =
    intent?.intent === 'request' || c.personal.joinRequests().some((r) => r.groupId === group.id && r.personId === c.me && r.status === 'pending');
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    kind: group.kind,
    visibility: group.visibility,
    memberCount: group.memberCount + (joining ? 1 : 0) - (stored && !m ? 1 : 0),
    coverUrl: group.coverImageId ? c.imageUrl(group.coverImageId, 'full') : null,
    archived: group.archived ?? false,
    managedBy: group.managedBy ?? null,
    myRole: joining ? 'member' : (m?.role ?? null),
    showInTimeline: m ? group.kind === 'work' || m.showInTimeline : joining && group.kind === 'work',
    muted: m?.muted ?? false,
    newPosts,
    requested: requested && !m && !joining,
    sending: intent?.waiting ?? false,
  };
}

/**
 * Every group she may know: the device's groups and her members-only ones; hers first, then by name.
 * A members-only group she is leaving is gone for her already.
 */
export function groupsOverview(c: GroupViewContext): GroupView[] {
  const byId = new Map<string, Group>();
  for (const g of c.parts.directory.groups()) byId.set(g.id, g);
  for (const m of c.personal.memberships()) {
    const g = c.personal.group(m.groupId);
    if (g && !byId.has(g.id) && c.intents.get(g.id)?.intent !== 'leave') byId.set(g.id, g);
  }
  const views = [...byId.values()].map((g) => groupView(g, c));
  return views.sort((a, b) => Number(b.myRole !== null) - Number(a.myRole !== null) || a.name.localeCompare(b.name, 'nl'));
}

export function findGroup(c: GroupViewContext, id: string): Group | null {
  return c.personal.group(id) ?? c.parts.directory.group(id);
}

/** The group as she sees it now, or null when she may not know it. */
export function findGroupView(c: GroupViewContext, id: string): GroupView | null {
  const group = findGroup(c, id);
  return group ? groupView(group, c) : null;
}

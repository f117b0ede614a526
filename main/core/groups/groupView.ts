import type { Group } from '../../../common/src/api/entities.js';
import type { GroupView } from '../../../common/src/ipc/groupViews.js';
import type { CacheParts } from '../cache/openCache.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { PersonalView } from '../personal/personalStore.js';

export interface GroupViewContext {
  parts: CacheParts;
  personal: PersonalView;
  me: string;
  imageUrl: ImageUrl;
}

/** A group with her place in it; new posts count from her last visit (from when she joined, if never). */
export function groupView(group: Group, c: GroupViewContext): GroupView {
  const m = c.personal.membership(group.id);
  const since = m ? (m.lastVisitAt ?? null) : null;
  const newPosts =
    m && !m.muted && since !== null
      ? c.parts.posts.countNewer(group.id, since, c.me) + c.personal.posts().filter((p) => p.groupId === group.id && p.createdAt > since && p.authorId !== c.me).length
      : 0;
  const requested = c.personal.joinRequests().some((r) => r.groupId === group.id && r.personId === c.me && r.status === 'pending');
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    kind: group.kind,
    visibility: group.visibility,
    memberCount: group.memberCount,
    coverUrl: group.coverImageId ? c.imageUrl(group.coverImageId, 'full') : null,
    archived: group.archived ?? false,
    managedBy: group.managedBy ?? null,
    myRole: m?.role ?? null,
    showInTimeline: m ? group.kind === 'work' || m.showInTimeline : false,
    muted: m?.muted ?? false,
    newPosts,
    requested: requested && !m,
  };
}

/** Every group she may know: the device's groups and her members-only ones; hers first, then by name. */
export function groupsOverview(c: GroupViewContext): GroupView[] {
  const byId = new Map<string, Group>();
  for (const g of c.parts.directory.groups()) byId.set(g.id, g);
  for (const m of c.personal.memberships()) {
    const g = c.personal.group(m.groupId);
    if (g && !byId.has(g.id)) byId.set(g.id, g);
  }
  const views = [...byId.values()].map((g) => groupView(g, c));
  return views.sort((a, b) => Number(b.myRole !== null) - Number(a.myRole !== null) || a.name.localeCompare(b.name, 'nl'));
}

export function findGroup(c: GroupViewContext, id: string): Group | null {
  return c.personal.group(id) ?? c.parts.directory.group(id);
}

import type { Group } from '../../../common/src/api/entities.js';
import type { GroupIntent } from '../outbox/outboxStore.js';
import type { PersonalView } from '../personal/personalStore.js';

/**
 * The groups whose posts reach her home timeline: a work group's by default, an informal group's
 * only when she chose "toon in mijn tijdlijn"; never a muted group's. A join or leave still on its way
 * counts as done.
 */
export function homeGroupIds(
  groupOf: (id: string) => Group | null,
  personal: PersonalView,
  intents: ReadonlyMap<string, { intent: GroupIntent }>,
): string[] {
  const kept = personal.memberships().flatMap((m) => {
    if (m.muted || intents.get(m.groupId)?.intent === 'leave') return [];
    const group = groupOf(m.groupId);
    if (!group) return [];
    return group.kind === 'work' || m.showInTimeline ? [group.id] : [];
  });
  const joining = [...intents].flatMap(([id, { intent }]) => (intent === 'join' && personal.membership(id) === null && groupOf(id)?.kind === 'work' ? [id] : []));
  return [...kept, ...joining];
}

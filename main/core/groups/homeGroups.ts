import type { Group } from '../../../common/src/api/entities.js';
import type { PersonalView } from '../personal/personalStore.js';

/**
 * The groups whose posts reach her home timeline: a work group's by default, an informal group's
 * only when she chose "toon in mijn tijdlijn"; never a muted group's.
 */
export function homeGroupIds(groupOf: (id: string) => Group | null, personal: PersonalView): string[] {
  return personal.memberships().flatMap((m) => {
    if (m.muted) return [];
    const group = groupOf(m.groupId);
    if (!group) return [];
    return group.kind === 'work' || m.showInTimeline ? [group.id] : [];
  });
}

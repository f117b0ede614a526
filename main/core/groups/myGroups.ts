import type { MethodOutput } from '../../../common/src/ipc/contract.js';
import type { DirectoryQueries } from '../cache/directoryQueries.js';
import type { PersonalView } from '../personal/personalStore.js';

/** The groups the logged-in person is a member of, by name. */
export function myGroups(directory: DirectoryQueries, personal: PersonalView): MethodOutput<'groups.mine'> {
  const items = personal.memberships().flatMap((m) => {
    const group = directory.group(m.groupId) ?? personal.group(m.groupId);
    return group ? [{ id: group.id, name: group.name, visibility: group.visibility }] : [];
  });
  items.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { items };
}

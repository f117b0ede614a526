import type { ReadAudience } from '../../../../common/src/readConfirmations/audience';

export type AudienceKind = 'everyone' | 'locations' | 'departments' | 'groups';

/** The composer's choice: one kind of audience at a time, and what it names. */
export interface AudienceDraft {
  kind: AudienceKind;
  ids: string[];
}

export const emptyAudience: AudienceDraft = { kind: 'everyone', ids: [] };

/** The audience as main takes it, or null when it names nobody yet. */
export function audienceOf(draft: AudienceDraft): ReadAudience | null {
  if (draft.kind === 'everyone') return { everyone: true, locationIds: [], departmentIds: [], groupIds: [] };
  if (draft.ids.length === 0) return null;
  return {
    everyone: false,
    locationIds: draft.kind === 'locations' ? draft.ids : [],
    departmentIds: draft.kind === 'departments' ? draft.ids : [],
    groupIds: draft.kind === 'groups' ? draft.ids : [],
  };
}

export const toggledId = (ids: readonly string[], id: string): string[] => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);

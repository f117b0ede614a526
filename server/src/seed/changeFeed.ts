import { membershipKey, type EntityName } from '../../../common/src/api/sync.js';
import type { ChangesTable } from '../db/schema.js';
import { iso } from './context.js';
import { groupScope, type Groups } from './groups.js';
import type { Organisation } from './organisation.js';
import type { People } from './people.js';
import type { Places } from './places.js';

/** Something that gets a row in the change feed: what it is, who may see it, and when it happened. */
export interface FeedEvent {
  ms: number;
  entity: EntityName;
  id: string;
  scope: string;
}

/** At equal times a post precedes what reacts to it. */
const TIMELINE_ORDER: Partial<Record<EntityName, number>> = { post: 0, comment: 1, like: 2 };

/**
 * One upsert per entity, numbered from 1 without gaps: the structure in the order it was set up
 * (organisation, locations, departments, people, groups, memberships), then the timeline in time order.
 */
export function changeFeed(
  structure: { org: Organisation; places: Places; people: People; groups: Groups },
  timeline: readonly FeedEvent[],
): ChangesTable[] {
  const { org, places, people, groups } = structure;
  const visibleToAll = (entity: EntityName) => (e: { id: string; createdMs: number }): FeedEvent => ({ ms: e.createdMs, entity, id: e.id, scope: 'org' });
  const events: FeedEvent[] = [
    { ms: org.createdMs, entity: 'organisation', id: org.tenantId, scope: 'org' },
    ...places.locations.map(visibleToAll('location')),
    ...places.departments.map(visibleToAll('department')),
    ...people.all.map(visibleToAll('person')),
    ...groups.all.map((g): FeedEvent => ({ ms: g.createdMs, entity: 'group', id: g.id, scope: groupScope(g) })),
    ...groups.all.flatMap((g) =>
      g.members.map((p): FeedEvent => ({ ms: g.createdMs, entity: 'membership', id: membershipKey(g.id, p.id), scope: `person:${p.id}` })),
    ),
    ...[...timeline].sort((a, b) => a.ms - b.ms || TIMELINE_ORDER[a.entity]! - TIMELINE_ORDER[b.entity]!),
  ];
  return events.map((e, i) => ({ tenant_id: org.tenantId, seq: i + 1, entity: e.entity, entity_id: e.id, op: 'upsert', scope: e.scope, at: iso(e.ms) }));
}

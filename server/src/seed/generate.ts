import type { Insertable } from 'kysely';
import type {
  BadgesTable,
  ChangesTable,
  CommentsTable,
  DepartmentsTable,
  GroupMembersTable,
  GroupsTable,
  ImagesTable,
  LikesTable,
  LocationsTable,
  OrganisationsTable,
  PeopleTable,
  PostHashtagsTable,
  PostsTable,
} from '../db/schema.js';
import { changeFeed } from './changeFeed.js';
import { createContext } from './context.js';
import { formGroupExtras, type GroupExtras } from './groupExtras.js';
import { formGroups, groupRows, membershipRows } from './groups.js';
import type { ImageFactory } from './images.js';
import { writeKnowledgeBase, type KnowledgeBase } from './knowledgeBase.js';
import { foundOrganisation, organisationRow } from './organisation.js';
import { badgeRows, hireStaff, personRows } from './people.js';
import { drawPictures } from './pictures.js';
import { departmentRows, layOutPlaces, locationRows } from './places.js';
import { writeTimeline } from './timeline.js';

export interface GenerateInput {
  seed: number;
  employees: number;
  slug: string;
  anchorMs: number;
  /** null: no pictures at all (no logo, avatars or post images). */
  images: ImageFactory | null;
  /** scrypt hashes of the fixed people's password and PIN, by employee number. */
  secrets: ReadonlyMap<string, { password: string; pin: string }>;
}

export interface Dataset {
  tenantId: string;
  /** Settings are left to the column default: the demo uses DEFAULT_ORGANISATION_SETTINGS. */
  organisation: Insertable<OrganisationsTable>;
  locations: LocationsTable[];
  departments: DepartmentsTable[];
  people: Insertable<PeopleTable>[];
  badges: BadgesTable[];
  groups: Insertable<GroupsTable>[];
  groupMembers: Insertable<GroupMembersTable>[];
  images: ImagesTable[];
  posts: PostsTable[];
  postHashtags: PostHashtagsTable[];
  comments: CommentsTable[];
  likes: LikesTable[];
  changes: ChangesTable[];
  /** Sections, pages and quick links, with change-feed rows numbered on after `changes`. */
  knowledgeBase: KnowledgeBase;
  /** Department and location groups, an archived and a private informal group, waiting requests: numbered on after the knowledge base. */
  groupExtras: GroupExtras;
}

/**
 * A whole demo organisation, the same for the same input down to the byte. The parts run in a fixed
 * order because they share the id sequence and the setup clock (see context.ts): reordering them, or
 * a draw within them, changes every id after it.
 */
export async function generate(input: GenerateInput): Promise<Dataset> {
  const ctx = createContext(input);
  const org = foundOrganisation(ctx);
  const places = layOutPlaces(ctx, org.region);
  const people = hireStaff(ctx, places);
  const pictures = await drawPictures(ctx, org, people, input.images);
  const groups = formGroups(ctx, org, places, people);
  const timeline = await writeTimeline(ctx, org, people, groups, input.images);
  const changes = changeFeed({ org, places, people, groups }, timeline.events);
  const knowledgeBase = writeKnowledgeBase(ctx, org, places, people, changes.length + 1);
  const groupExtras = formGroupExtras(ctx, org, places, people, groups, changes.length + knowledgeBase.changes.length + 1);
  const { tenantId } = org;
  return {
    tenantId,
    organisation: organisationRow(org, input.slug, pictures.logoImageId),
    locations: locationRows(tenantId, places),
    departments: departmentRows(tenantId, places),
    people: personRows(tenantId, people, pictures.avatars, input.secrets),
    badges: badgeRows(tenantId, people),
    groups: groupRows(tenantId, groups.all),
    groupMembers: membershipRows(tenantId, groups.all),
    images: [...pictures.images, ...timeline.images],
    posts: timeline.posts,
    postHashtags: timeline.postHashtags,
    comments: timeline.comments,
    likes: timeline.likes,
    changes,
    knowledgeBase,
    groupExtras,
  };
}

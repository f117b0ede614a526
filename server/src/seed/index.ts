import type { Transaction } from 'kysely';
import { hashSecret } from '../auth/secrets.js';
import type { Db } from '../db/connect.js';
import { buildIndex } from '../search/build.js';
import { recordActivity } from '../stats/record.js';
import type { Database } from '../db/schema.js';
import { seededActivity } from './activity.js';
import { amsterdamParts, amsterdamToUtc } from './calendar.js';
import { seedCategories } from './categories.js';
import { withCelebrations } from './celebrations.js';
import { withAmbassadors } from './ambassadors.js';
import { seedScheduledPosts } from './scheduledPosts.js';
import { DEMO_PEOPLE } from './demoPeople.js';
import { MAX_EMPLOYEES, MIN_EMPLOYEES } from './context.js';
import { mailAddressRows } from './mailAddresses.js';
import { generate, type Dataset } from './generate.js';
import { demoPolls } from './polls.js';
import { ImageFactory } from './images.js';
import { Rng, hashSeed } from './prng.js';
import { demoKioskPlaylist } from './kioskPlaylist.js';
import { insertReadConfirmations, planReadConfirmations } from './readConfirmations.js';

export { DEMO_PEOPLE, type DemoPerson } from './demoPeople.js';

export interface SeedOptions {
  /** PRNG seed; same seed + same anchor => identical data (ids included; ids also depend on the slug). */
  seed: number;
  /** 50 .. 20000 */
  employees: number;
  /** Organisation slug, e.g. 'demo'. */
  slug: string;
  /** "Today" for the 90 days of history; default: the moment today began in Amsterdam (`demoAnchor`). */
  anchor?: Date;
  /** Default true: draw a logo, a few avatars and post pictures with sharp. */
  images?: boolean;
  /**
   * Default true: the knowledge base and the search index. False only for a database migrated to a
   * version before they existed (0006, 0007), as the migration tests make.
   */
  knowledgeBase?: boolean;
  /** Default as `knowledgeBase`: people's mail addresses (migration 0013), left out for older databases. */
  mailAddresses?: boolean;
  /**
   * Default as `knowledgeBase`: the department, location, archived and private groups and the pending
   * join requests that need migration 0008's columns and tables, left out for older databases.
   */
  groupExtras?: boolean;
  /** Default as `knowledgeBase`: the organisation's kiosk playlist (migration 0032), left out for older databases. */
  kioskPlaylist?: boolean;
  /**
   * Default false: 90 days of activity for the statistics (sessions, views, group visits, and the
   * dataset's posts, comments and likes counted). The demo organisation has it; test organisations
   * start with empty statistics so a test's own figures are exact.
   */
  activity?: boolean;
  /** Default false: two posts waiting for their time (the demo's "Gepland"). Needs the tables of migration 0033. */
  scheduledPosts?: boolean;
  /** Default false: the demo's fixed categories (#tip, #leermoment, #succes, #vraag). Needs migration 0034. */
  categories?: boolean;
  /**
   * Default false: a handful of polls with votes (running, closed, anonymous, multiple choice) for
   * the demo; test organisations start without, so their timelines stay as the tests know them.
   */
  polls?: boolean;
  /**
   * Default as `activity`: two announcements "lezen verplicht" with part of their audience confirmed,
   * and view counts of recent posts (migrations 0010, 0011).
   */
  readConfirmations?: boolean;
  /** Default false: birthdays and hire dates, shown on the kiosks (migration 0036); the demo has them. */
  celebrations?: boolean;
  /**
   * Default false: the demo's ambassadors, and everyone having seen the first-time tour (migration
   * 0043). Without it, every seeded person's tour is pending, as for anyone added after that migration.
   */
  ambassadors?: boolean;
}

export interface SeedResult {
  tenantId: string;
  slug: string;
  people: number;
  posts: number;
  comments: number;
  likes: number;
  images: number;
  pages: number;
  lastSeq: number;
}

export const DEMO_SLUG = 'demo';
export const DEMO_SEED = 1;
export const DEMO_EMPLOYEES = 300;

/**
 * The moment today began in Amsterdam, so the demo's "today" (its birthdays, its newest history) is
 * the day a kiosk there is showing, also in the hour or two after Amsterdam's midnight when UTC still
 * has yesterday, and the anchor is never in the future.
 */
export function demoAnchor(now = Date.now()): Date {
  const { year, month, day } = amsterdamParts(now);
  return new Date(amsterdamToUtc(year, month, day));
}

function validate(options: SeedOptions): void {
  const { employees, seed, slug, anchor } = options;
  if (!Number.isInteger(employees) || employees < MIN_EMPLOYEES || employees > MAX_EMPLOYEES) {
    throw new Error(`Seed: employees must be a whole number from ${MIN_EMPLOYEES} to ${MAX_EMPLOYEES}, got ${employees}.`);
  }
  if (!Number.isFinite(seed)) throw new Error(`Seed: seed must be a finite number, got ${seed}.`);
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) {
    throw new Error(`Seed: slug must be lower-case letters, digits and hyphens (1-63 characters), got "${slug}".`);
  }
  if (anchor !== undefined && Number.isNaN(anchor.getTime())) throw new Error('Seed: anchor is not a valid date.');
}

// Bound parameters per statement stay well below SQLite's limit (32 766); PostgreSQL allows 65 535.
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 500;
/** Events merged in memory per call into the statistics' rollups: larger batches mean fewer statements. */
const ACTIVITY_BATCH = 20_000;

async function insertRows<T extends keyof Database>(trx: Transaction<Database>, table: T, rows: readonly object[], maxRows = MAX_ROWS) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const batch = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += batch) {
    // Each part of the generator builds its rows from the table interfaces; Kysely cannot follow a generic table name.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .execute();
  }
}

/** Rows in primary-key order: appending to a B-tree is much cheaper than inserting all over it. */
const byKey = <T>(rows: readonly T[], key: (row: T) => string): T[] =>
  rows
    .map((row) => ({ row, k: key(row) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((e) => e.row);

async function insertDataset(
  trx: Transaction<Database>,
  data: Dataset,
  parts: { knowledgeBase: boolean; groupExtras: boolean; mail: { slug: string } | null; kioskPlaylist: boolean; polls: { seed: number; slug: string; anchor: Date } | null },
): Promise<number> {
  const withKnowledgeBase = parts.knowledgeBase;
  const mail = parts.mail;
  const kb = data.knowledgeBase;
  const extras = data.groupExtras;
  // The extras are numbered after the knowledge base; without it they close up behind the rest.
  const kbSeqs = withKnowledgeBase ? kb.changes.length : 0;
  const extraSeqs = parts.groupExtras ? extras.changes.length : 0;
  const extraChanges = extras.changes.map((c) => ({ ...c, seq: c.seq - (kb.changes.length - kbSeqs) }));
  await insertRows(trx, 'organisations', [data.organisation]);
  await insertRows(trx, 'tenant_seq', [{ tenant_id: data.tenantId, last_seq: data.changes.length + kbSeqs + extraSeqs }]);
  await insertRows(trx, 'locations', data.locations);
  await insertRows(trx, 'departments', data.departments);
  await insertRows(trx, 'people', data.people);
  if (mail) await insertRows(trx, 'person_mail', mailAddressRows(data.tenantId, mail.slug, data.people, data.organisation.created_at));
  await insertRows(trx, 'badges', data.badges);
  await insertRows(trx, 'groups', data.groups);
  await insertRows(trx, 'group_members', byKey(data.groupMembers, (r) => `${r.group_id}:${r.person_id}`));
  // Pictures are large: a few per statement keeps each statement's size modest.
  await insertRows(trx, 'images', data.images, 8);
  await insertRows(trx, 'posts', byKey(data.posts, (r) => r.id));
  await insertRows(trx, 'post_hashtags', byKey(data.postHashtags, (r) => `${r.tag}\u0000${r.post_id}`));
  await insertRows(trx, 'comments', byKey(data.comments, (r) => r.id));
  await insertRows(trx, 'likes', byKey(data.likes, (r) => `${r.post_id}:${r.person_id}`));
  await insertRows(trx, 'changes', data.changes);
  if (parts.groupExtras) {
    await insertRows(trx, 'groups', extras.groups);
    await insertRows(trx, 'group_members', byKey(extras.members, (r) => `${r.group_id}:${r.person_id}`));
    await insertRows(trx, 'group_join_requests', extras.joinRequests);
    await insertRows(trx, 'group_notices', extras.notices);
    await insertRows(trx, 'changes', extraChanges);
  }
  if (parts.kioskPlaylist) await insertRows(trx, 'kiosk_playlists', [demoKioskPlaylist(data)]);
  // The demo's polls need every migration, as the knowledge base does.
  if (!withKnowledgeBase) return 0;
  await insertRows(trx, 'kb_sections', kb.sections);
  await insertRows(trx, 'kb_pages', byKey(kb.pages, (r) => r.id), 100);
  await insertRows(trx, 'kb_page_versions', byKey(kb.versions, (r) => r.page_id), 100);
  await insertRows(trx, 'kb_quick_links', kb.quickLinks);
  await insertRows(trx, 'changes', kb.changes);
  const pollSeqs = parts.polls ? await insertDemoPolls(trx, data, parts.polls) : 0;
  await buildIndex(trx, data.tenantId);
  return pollSeqs;
}

/** The demo's polls after everything else in the feed; answers how many feed rows they took. */
async function insertDemoPolls(trx: Transaction<Database>, data: Dataset, options: { seed: number; slug: string; anchor: Date }): Promise<number> {
  const { last_seq } = await trx.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', data.tenantId).executeTakeFirstOrThrow();
  const fixed = new Set(DEMO_PEOPLE.map((p) => p.employeeNumber));
  const editor = data.people.find((p) => p.employee_number === '1003')!;
  const polls = demoPolls({
    tenantId: data.tenantId,
    seed: options.seed,
    slug: options.slug,
    anchorMs: options.anchor.getTime(),
    editorId: editor.id,
    people: data.people,
    fixedIds: new Set(data.people.filter((p) => fixed.has(p.employee_number)).map((p) => p.id)),
    firstSeq: Number(last_seq) + 1,
  });
  await insertRows(trx, 'posts', polls.posts);
  await insertRows(trx, 'polls', polls.polls);
  await insertRows(trx, 'poll_options', polls.options);
  await insertRows(trx, 'poll_voters', byKey(polls.voters, (r) => `${r.poll_id}:${r.person_id}`));
  await insertRows(trx, 'changes', polls.changes);
  await trx.updateTable('tenant_seq').set({ last_seq: Number(last_seq) + polls.changes.length }).where('tenant_id', '=', data.tenantId).execute();
  return polls.changes.length;
}

/**
 * Seeds one organisation with deterministic demo data: structure, people, groups and 90 days of
 * timeline up to the anchor, with a change-feed row for every entity. Runs in one transaction; the
 * slug must not exist yet. The database must be migrated.
 */
export async function seedOrganisation(db: Db, options: SeedOptions): Promise<SeedResult> {
  validate(options);
  const anchor = options.anchor ?? demoAnchor();
  const k = db.kysely;
  const existing = await k.selectFrom('organisations').select('tenant_id').where('slug', '=', options.slug).executeTakeFirst();
  if (existing) throw new Error(`Seed: an organisation with slug "${options.slug}" already exists (tenant ${existing.tenant_id}).`);

  // scrypt for the handful of fixed people only; generated people cannot log in with a secret.
  const secrets = new Map<string, { password: string; pin: string }>();
  await Promise.all(
    DEMO_PEOPLE.map(async (p) => {
      const [password, pin] = await Promise.all([hashSecret(p.password), hashSecret(p.pin)]);
      secrets.set(p.employeeNumber, { password, pin });
    }),
  );

  const images = options.images === false ? null : new ImageFactory(new Rng(hashSeed('samen-pictures', options.seed)));
  const data = await generate({
    seed: options.seed,
    employees: options.employees,
    slug: options.slug,
    anchorMs: anchor.getTime(),
    images,
    secrets,
  });

  if (options.ambassadors) data.people = withAmbassadors(data.people);
  if (options.celebrations) Object.assign(data, withCelebrations(data.organisation, data.people, options.seed, anchor.getTime()));
  const withKnowledgeBase = options.knowledgeBase ?? true;
  const withMail = options.mailAddresses ?? withKnowledgeBase;
  let pollSeqs = 0;
  let readSeqs = 0;
  await k.transaction().execute(async (trx) => {
    pollSeqs = await insertDataset(trx, data, {
      knowledgeBase: withKnowledgeBase,
      groupExtras: options.groupExtras ?? withKnowledgeBase,
      mail: withMail ? { slug: options.slug } : null,
      kioskPlaylist: options.kioskPlaylist ?? withKnowledgeBase,
      polls: options.polls ? { seed: options.seed, slug: options.slug, anchor } : null,
    });
    if (options.scheduledPosts) await seedScheduledPosts(trx, data.tenantId, anchor.getTime());
    if (options.categories) await seedCategories(trx, data.tenantId);
    if (options.readConfirmations ?? options.activity ?? false) {
      const plan = planReadConfirmations(data, options.seed, anchor.getTime());
      readSeqs = await insertReadConfirmations(trx, data.tenantId, plan, (table, rows) => insertRows(trx, table, rows));
    }
    if (!options.activity) return;
    const events = seededActivity(data, { seed: options.seed, anchorMs: anchor.getTime() });
    for (let i = 0; i < events.length; i += ACTIVITY_BATCH) await recordActivity(trx, data.tenantId, events.slice(i, i + ACTIVITY_BATCH));
  });

  return {
    tenantId: data.tenantId,
    slug: options.slug,
    people: data.people.length,
    posts: data.posts.length,
    comments: data.comments.length,
    likes: data.likes.length,
    images: data.images.length,
    pages: withKnowledgeBase ? data.knowledgeBase.pages.length : 0,
    lastSeq: data.changes.length + (withKnowledgeBase ? data.knowledgeBase.changes.length : 0) + ((options.groupExtras ?? withKnowledgeBase) ? data.groupExtras.changes.length : 0) + pollSeqs + readSeqs,
  };
}

/** `--seed demo`: creates the demo organisation (slug 'demo', seed 1, 300 employees) unless it already exists; returns its tenant id. */
export async function ensureDemoOrganisation(
  db: Db,
  opts: { employees?: number; anchor?: Date } = {},
): Promise<{ tenantId: string; created: boolean }> {
  const find = () => db.kysely.selectFrom('organisations').select('tenant_id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  const existing = await find();
  if (existing) return { tenantId: existing.tenant_id, created: false };
  try {
    const result = await seedOrganisation(db, {
      seed: DEMO_SEED,
      employees: opts.employees ?? DEMO_EMPLOYEES,
      slug: DEMO_SLUG,
      activity: true,
      scheduledPosts: true,
      categories: true,
      polls: true,
      celebrations: true,
      ambassadors: true,
      ...(opts.anchor ? { anchor: opts.anchor } : {}),
    });
    return { tenantId: result.tenantId, created: true };
  } catch (error) {
    // Another process (a second server node) seeded it at the same moment: its organisation wins.
    const winner = await find();
    if (winner) return { tenantId: winner.tenant_id, created: false };
    throw error;
  }
}

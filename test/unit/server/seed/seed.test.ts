import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '../../../../server/src/auth/secrets.js';
import { openDatabase, type Db } from '../../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { ActivityClock, amsterdamParts, amsterdamToUtc } from '../../../../server/src/seed/calendar.js';
import { DEMO_PEOPLE, demoAnchor, ensureDemoOrganisation, seedOrganisation } from '../../../../server/src/seed/index.js';
import { Rng } from '../../../../server/src/seed/prng.js';
import { PALETTES, contrastRatio } from '../../../../server/src/seed/vocabulary.js';
import { createScratchDatabase, postgresAvailable } from '../../../fixtures/postgres.js';

/** Wednesday 12 March 2025, 00:00 UTC: "today" for every seed here, so runs are comparable. */
const ANCHOR = new Date('2025-03-12T00:00:00.000Z');

const opened: { db: Db; dir: string }[] = [];

async function freshDb(): Promise<Db> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-seed-'));
  const db = openDatabase({ dataDir: dir });
  await migrateToLatest(db);
  opened.push({ db, dir });
  return db;
}

afterAll(async () => {
  for (const { db, dir } of opened) {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every row of the seeded tables for one tenant, in a stable order, secrets left out (scrypt salts are random). */
async function snapshot(db: Db, tenantId: string) {
  const k = db.kysely;
  return {
    organisation: await k.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).execute(),
    locations: await k.selectFrom('locations').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    departments: await k.selectFrom('departments').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    people: await k
      .selectFrom('people')
      .select(['id', 'employee_number', 'name', 'handle', 'job_title', 'department_id', 'location_id', 'roles', 'avatar_image_id', 'active', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .execute(),
    groups: await k.selectFrom('groups').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    members: await k.selectFrom('group_members').selectAll().where('tenant_id', '=', tenantId).orderBy('group_id').orderBy('person_id').execute(),
    joinRequests: await k.selectFrom('group_join_requests').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    groupNotices: await k.selectFrom('group_notices').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    posts: await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    comments: await k.selectFrom('comments').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    likes: await k.selectFrom('likes').selectAll().where('tenant_id', '=', tenantId).orderBy('post_id').orderBy('person_id').execute(),
    hashtags: await k.selectFrom('post_hashtags').selectAll().where('tenant_id', '=', tenantId).orderBy('tag').orderBy('post_id').execute(),
    changes: await k.selectFrom('changes').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute(),
    receipts: await k.selectFrom('read_receipts').selectAll().where('tenant_id', '=', tenantId).orderBy('post_id').orderBy('person_id').execute(),
    sections: await k.selectFrom('kb_sections').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    pages: await k.selectFrom('kb_pages').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    versions: await k.selectFrom('kb_page_versions').selectAll().where('tenant_id', '=', tenantId).orderBy('page_id').execute(),
    quickLinks: await k.selectFrom('kb_quick_links').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    polls: await k.selectFrom('polls').selectAll().where('tenant_id', '=', tenantId).orderBy('post_id').execute(),
    pollOptions: await k.selectFrom('poll_options').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    pollVoters: await k.selectFrom('poll_voters').selectAll().where('tenant_id', '=', tenantId).orderBy('poll_id').orderBy('person_id').execute(),
    searchDocs: await k.selectFrom('search_docs').select(['doc', 'kind', 'id', 'title', 'group_id', 'at', 'terms']).where('tenant_id', '=', tenantId).orderBy('doc').execute(),
    searchTerms: await k.selectFrom('search_terms').select(['term', 'doc', 'weight']).where('tenant_id', '=', tenantId).orderBy('term').orderBy('doc').execute(),
    vocabulary: await k.selectFrom('search_vocabulary').select(['term', 'df']).where('tenant_id', '=', tenantId).orderBy('term').execute(),
  };
}

describe('demo organisation', () => {
  let db: Db;
  let tenantId: string;

  beforeAll(async () => {
    db = await freshDb();
    const first = await ensureDemoOrganisation(db, { anchor: ANCHOR });
    expect(first.created).toBe(true);
    tenantId = first.tenantId;
  });

  it('is created once; a second call returns the same tenant', async () => {
    const again = await ensureDemoOrganisation(db, { anchor: ANCHOR });
    expect(again).toEqual({ tenantId, created: false });
    const org = await db.kysely.selectFrom('organisations').selectAll().execute();
    expect(org).toHaveLength(1);
    expect(org[0]).toMatchObject({ slug: 'demo', name: 'Zorggroep Het Baken', intranet_name: 'BAKEN' });
    const people = await db.kysely.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    expect(Number(people.n)).toBe(300);
  });

  it('contains the five fixed people with working passwords, PINs and badges', async () => {
    expect(DEMO_PEOPLE.map((p) => p.name)).toEqual(['Anna de Vries', 'Bram Jansen', 'Carla Smit', 'Daan Bakker', 'Eva Visser']);
    for (const fixed of DEMO_PEOPLE) {
      const person = await db.kysely
        .selectFrom('people')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('employee_number', '=', fixed.employeeNumber)
        .executeTakeFirstOrThrow();
      expect(person).toMatchObject({ name: fixed.name, job_title: fixed.jobTitle, active: 1 });
      expect(JSON.parse(person.roles)).toEqual(fixed.roles);
      expect(await verifySecret(fixed.password, person.password_hash)).toBe(true);
      expect(await verifySecret(fixed.pin, person.pin_hash)).toBe(true);
      expect(await verifySecret('fout', person.password_hash)).toBe(false);
      const badge = await db.kysely
        .selectFrom('badges')
        .select('person_id')
        .where('tenant_id', '=', tenantId)
        .where('badge_id', '=', fixed.badge)
        .executeTakeFirstOrThrow();
      expect(badge.person_id).toBe(person.id);
    }
    const anna = DEMO_PEOPLE[0]!;
    expect(anna).toMatchObject({ employeeNumber: '1001', password: 'welkom-anna', pin: '1234', badge: '04A1B2C3D4', roles: ['employee'] });
    expect(DEMO_PEOPLE[1]).toMatchObject({ employeeNumber: '1002', badge: '04B2C3D4E5', jobTitle: 'Verzorgende IG' });
    expect(DEMO_PEOPLE[2]!.roles).toEqual(['employee', 'editor']);
    expect(DEMO_PEOPLE[3]!.roles).toEqual(['employee', 'admin']);
    expect(DEMO_PEOPLE[4]!.roles).toEqual(['employee', 'coach']);
  });

  it('gives generated people no secrets, unique handles and unique employee numbers', async () => {
    const people = await db.kysely.selectFrom('people').selectAll().where('tenant_id', '=', tenantId).execute();
    const generated = people.filter((p) => !DEMO_PEOPLE.some((d) => d.employeeNumber === p.employee_number));
    expect(generated).toHaveLength(295);
    expect(generated.every((p) => p.password_hash === null && p.pin_hash === null)).toBe(true);
    expect(generated.every((p) => Number(p.employee_number) >= 10000)).toBe(true);
    expect(new Set(people.map((p) => p.handle)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.employee_number)).size).toBe(people.length);
    expect(people.every((p) => /^[a-z0-9][a-z0-9.]{1,39}$/.test(p.handle))).toBe(true);
    expect(people.find((p) => p.employee_number === '1001')!.handle).toBe('anna.devries');
    expect(people.find((p) => p.employee_number === '1002')!.handle).toBe('bram.jansen');
    expect(people.some((p) => p.active === 0)).toBe(true);
  });

  it('has the private group Team 3B with Anna and Carla in and Bram out, and posts only by members', async () => {
    const k = db.kysely;
    const group = await k.selectFrom('groups').selectAll().where('tenant_id', '=', tenantId).where('name', '=', 'Team 3B').executeTakeFirstOrThrow();
    expect(group).toMatchObject({ kind: 'work', visibility: 'private' });
    const members = await k
      .selectFrom('group_members')
      .innerJoin('people', (j) => j.onRef('people.id', '=', 'group_members.person_id').onRef('people.tenant_id', '=', 'group_members.tenant_id'))
      .select(['people.id', 'people.employee_number', 'people.job_title', 'group_members.role'])
      .where('group_members.tenant_id', '=', tenantId)
      .where('group_members.group_id', '=', group.id)
      .execute();
    const numbers = members.map((m) => m.employee_number);
    expect(numbers).toContain('1001');
    expect(numbers).toContain('1003');
    expect(numbers).not.toContain('1002');
    expect(members.filter((m) => ['Verpleegkundige', 'Verzorgende IG'].includes(m.job_title) && Number(m.employee_number) >= 10000).length).toBeGreaterThanOrEqual(3);
    expect(members.some((m) => m.role === 'admin')).toBe(true);
    expect(group.member_count).toBe(members.length);

    const posts = await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).where('group_id', '=', group.id).execute();
    expect(posts.length).toBeGreaterThanOrEqual(5);
    const memberIds = new Set(members.map((m) => m.id));
    expect(posts.every((p) => memberIds.has(p.author_id))).toBe(true);
    expect(posts.some((p) => JSON.parse(p.hashtags).includes('team3b'))).toBe(true);
    const comments = await k.selectFrom('comments').selectAll().where('tenant_id', '=', tenantId).where('post_id', 'in', posts.map((p) => p.id)).execute();
    expect(comments.every((c) => memberIds.has(c.author_id))).toBe(true);
    const likes = await k.selectFrom('likes').selectAll().where('tenant_id', '=', tenantId).where('post_id', 'in', posts.map((p) => p.id)).execute();
    expect(likes.every((l) => memberIds.has(l.person_id))).toBe(true);

    // The group, its posts and comments are visible to its members only.
    const scopes = await k
      .selectFrom('changes')
      .select(['entity', 'entity_id', 'scope'])
      .where('tenant_id', '=', tenantId)
      .where('entity_id', 'in', [group.id, ...posts.map((p) => p.id), ...comments.map((c) => c.id)])
      .execute();
    expect(scopes).toHaveLength(1 + posts.length + comments.length);
    expect(scopes.every((c) => c.scope === `group:${group.id}`)).toBe(true);
  });

  it('has department and location groups from the directory, an archived group, a private informal one, and requests waiting for group admins', async () => {
    const k = db.kysely;
    const groups = await k.selectFrom('groups').selectAll().where('tenant_id', '=', tenantId).execute();
    const people = await k.selectFrom('people').selectAll().where('tenant_id', '=', tenantId).execute();
    const members = await k.selectFrom('group_members').selectAll().where('tenant_id', '=', tenantId).execute();
    const membersOf = (groupId: string) => members.filter((m) => m.group_id === groupId).map((m) => m.person_id).sort();
    const anna = people.find((p) => p.employee_number === '1001')!;

    for (const kind of ['department', 'location'] as const) {
      const kept = groups.filter((g) => g.managed_by === kind);
      expect(kept.length).toBeGreaterThan(1);
      for (const g of kept) {
        expect(g).toMatchObject({ kind: 'work', visibility: 'closed', archived_at: null });
        // Exactly who works there now, as directoryGroups.ts keeps it.
        const working = people.filter((p) => p.active === 1 && (kind === 'department' ? p.department_id : p.location_id) === g.managed_id).map((p) => p.id).sort();
        expect(membersOf(g.id)).toEqual(working);
        expect(g.member_count).toBe(working.length);
      }
      expect(kept.some((g) => membersOf(g.id).includes(anna.id))).toBe(true);
    }
    const kinds = new Set(groups.filter((g) => !g.managed_by).map((g) => `${g.kind} ${g.visibility}`));
    for (const kind of ['work open', 'work closed', 'work private', 'informal open', 'informal closed', 'informal private']) expect(kinds).toContain(kind);
    const archived = groups.filter((g) => g.archived_at !== null);
    expect(archived).toHaveLength(1);
    expect(membersOf(archived[0]!.id)).toContain(anna.id);

    const requests = await k.selectFrom('group_join_requests').selectAll().where('tenant_id', '=', tenantId).execute();
    expect(requests.length).toBeGreaterThanOrEqual(2);
    const notices = await k.selectFrom('group_notices').selectAll().where('tenant_id', '=', tenantId).execute();
    for (const r of requests) {
      expect(r.status).toBe('pending');
      expect(groups.find((g) => g.id === r.group_id)?.visibility).toBe('closed');
      expect(membersOf(r.group_id)).not.toContain(r.person_id);
      const admins = members.filter((m) => m.group_id === r.group_id && m.role === 'admin').map((m) => m.person_id);
      expect(notices.filter((n) => n.group_id === r.group_id && n.actor_id === r.person_id).map((n) => n.person_id).sort()).toEqual(admins.sort());
    }
    expect(requests.some((r) => r.person_id === anna.id)).toBe(true);
  });

  it('has polls by Carla that are running, closed, anonymous and multiple choice, with counts that match their voters', async () => {
    const k = db.kysely;
    const polls = await k.selectFrom('polls').selectAll().where('tenant_id', '=', tenantId).execute();
    const now = ANCHOR.toISOString();
    expect(polls.some((p) => p.closes_at !== null && p.closes_at > now)).toBe(true);
    expect(polls.some((p) => p.closes_at !== null && p.closes_at <= now && Number(p.close_announced) === 1)).toBe(true);
    expect(polls.some((p) => Number(p.multiple) === 1)).toBe(true);
    expect(new Set(polls.map((p) => p.show_results))).toEqual(new Set(['always', 'after_vote', 'after_close']));
    const carla = await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('employee_number', '=', '1003').executeTakeFirstOrThrow();
    const fixed = await k.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('employee_number', 'in', DEMO_PEOPLE.map((p) => p.employeeNumber)).execute();
    for (const poll of polls) {
      const post = await k.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', poll.post_id).executeTakeFirstOrThrow();
      expect(post).toMatchObject({ author_id: carla.id, group_id: null });
      expect(Number(post.poll)).toBe(1);
      const voters = await k.selectFrom('poll_voters').selectAll().where('tenant_id', '=', tenantId).where('poll_id', '=', poll.post_id).execute();
      expect(voters).toHaveLength(Number(poll.voters));
      // Whoever logs in for a demo can still vote.
      expect(voters.some((v) => fixed.some((f) => f.id === v.person_id))).toBe(false);
      const options = await k.selectFrom('poll_options').selectAll().where('tenant_id', '=', tenantId).where('poll_id', '=', poll.post_id).execute();
      if (Number(poll.anonymous) === 1) {
        expect(voters.every((v) => v.choice === null)).toBe(true);
        expect(options.reduce((n, o) => n + Number(o.votes), 0)).toBe(voters.length);
      } else {
        for (const o of options) expect(Number(o.votes)).toBe(voters.filter((v) => (JSON.parse(v.choice!) as string[]).includes(o.id)).length);
      }
    }
  });

  it('keeps pinned posts by Carla, an editor', async () => {
    const carla = await db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenantId).where('employee_number', '=', '1003').executeTakeFirstOrThrow();
    const pinned = await db.kysely.selectFrom('posts').selectAll().where('tenant_id', '=', tenantId).where('pinned', '=', 1).execute();
    expect(pinned.length).toBeGreaterThanOrEqual(2);
    expect(pinned.every((p) => p.author_id === carla.id && p.group_id === null)).toBe(true);
  });

  it('keeps counters, hashtags and mentions consistent with their tables', async () => {
    const s = await snapshot(db, tenantId);
    const likesPerPost = new Map<string, number>();
    for (const l of s.likes) likesPerPost.set(l.post_id, (likesPerPost.get(l.post_id) ?? 0) + 1);
    const commentsPerPost = new Map<string, number>();
    for (const c of s.comments) commentsPerPost.set(c.post_id, (commentsPerPost.get(c.post_id) ?? 0) + 1);
    const postsById = new Map(s.posts.map((p) => [p.id, p]));
    for (const p of s.posts) {
      expect(p.like_count).toBe(likesPerPost.get(p.id) ?? 0);
      expect(p.comment_count).toBe(commentsPerPost.get(p.id) ?? 0);
      expect(p.like_count).toBeLessThanOrEqual(30);
      expect(p.comment_count).toBeLessThanOrEqual(6);
    }
    expect(s.likes.every((l) => postsById.has(l.post_id) && l.person_id !== postsById.get(l.post_id)!.author_id)).toBe(true);
    expect(s.comments.every((c) => postsById.has(c.post_id) && c.created_at >= postsById.get(c.post_id)!.created_at)).toBe(true);

    const membersPerGroup = new Map<string, number>();
    for (const m of s.members) membersPerGroup.set(m.group_id, (membersPerGroup.get(m.group_id) ?? 0) + 1);
    for (const g of s.groups) expect(g.member_count).toBe(membersPerGroup.get(g.id) ?? 0);
    expect(s.groups.map((g) => g.visibility)).toEqual(expect.arrayContaining(['open', 'closed', 'private']));
    expect(s.groups.map((g) => g.kind)).toEqual(expect.arrayContaining(['work', 'informal']));

    const tagRows = new Set(s.hashtags.map((h) => `${h.tag} ${h.post_id}`));
    let tagCount = 0;
    for (const p of s.posts) {
      for (const tag of JSON.parse(p.hashtags) as string[]) {
        expect(tagRows.has(`${tag} ${p.id}`)).toBe(true);
        tagCount++;
      }
    }
    expect(tagRows.size).toBe(tagCount);
    for (const tag of ['welkom', 'rooster', 'griepprik', 'team3b']) expect(s.hashtags.some((h) => h.tag === tag)).toBe(true);

    const handles = new Map(s.people.map((p) => [p.id, p.handle]));
    const mentions = [...s.posts, ...s.comments].flatMap((r) => JSON.parse(r.mentions) as { personId: string; handle: string }[]);
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.every((m) => handles.get(m.personId) === m.handle)).toBe(true);

    // Members-only groups: every post author is a member.
    const memberSet = new Set(s.members.map((m) => `${m.group_id}:${m.person_id}`));
    for (const p of s.posts) if (p.group_id) expect(memberSet.has(`${p.group_id}:${p.author_id}`)).toBe(true);
  });

  it('writes a gap-free change feed for every entity, ending at tenant_seq.last_seq', async () => {
    const s = await snapshot(db, tenantId);
    expect(s.changes.map((c) => Number(c.seq))).toEqual(s.changes.map((_, i) => i + 1));
    const seq = await db.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    expect(Number(seq.last_seq)).toBe(s.changes.length);
    expect(s.changes[0]).toMatchObject({ entity: 'organisation', entity_id: tenantId, scope: 'org', op: 'upsert' });

    const expected =
      1 +
      s.locations.length +
      s.departments.length +
      s.people.length +
      s.groups.length +
      s.members.length +
      s.posts.length +
      s.comments.length +
      s.likes.length +
      s.sections.length +
      s.pages.length +
      s.quickLinks.length +
      // A request to join is told to its person and the group's admins, who also get a notice.
      s.joinRequests.reduce((n, r) => n + 1 + s.members.filter((m) => m.group_id === r.group_id && m.role === 'admin').length, 0) +
      s.groupNotices.length +
      // A poll beside its post, and each vote for its voter.
      s.polls.length +
      s.pollVoters.length +
      // Each read confirmation is told to its own person.
      s.receipts.length;
    expect(s.changes).toHaveLength(expected);
    const ids = new Set(s.changes.map((c) => `${c.entity} ${c.entity_id}`));
    for (const p of s.people) expect(ids.has(`person ${p.id}`)).toBe(true);
    for (const p of s.posts) expect(ids.has(`post ${p.id}`)).toBe(true);
    for (const c of s.comments) expect(ids.has(`comment ${c.id}`)).toBe(true);
    for (const m of s.members) expect(ids.has(`membership ${m.group_id}:${m.person_id}`)).toBe(true);
    for (const l of s.likes) expect(ids.has(`like ${l.post_id}:${l.person_id}`)).toBe(true);
    for (const c of s.changes) {
      if (c.entity === 'membership' || c.entity === 'like' || c.entity === 'readReceipt') expect(c.scope).toBe(`person:${c.entity_id.split(':')[1]}`);
    }

    // Structure first, then the timeline in time order, then the knowledge base (added later, as the last part).
    const order = ['organisation', 'location', 'department', 'person', 'group', 'membership'];
    const firstTimeline = s.changes.findIndex((c) => !order.includes(c.entity));
    const structure = s.changes.slice(0, firstTimeline).map((c) => order.indexOf(c.entity));
    expect(structure).toEqual([...structure].sort((a, b) => a - b));
    const firstKnowledge = s.changes.findIndex((c) => c.entity === 'section');
    const timeline = s.changes.slice(firstTimeline, firstKnowledge);
    expect(timeline.every((c) => ['post', 'comment', 'like'].includes(c.entity))).toBe(true);
    expect(timeline.map((c) => c.at)).toEqual(timeline.map((c) => c.at).sort());
    const kbEntities = ['section', 'page', 'quickLink'];
    const firstExtra = s.changes.findIndex((c, i) => i > firstKnowledge && !kbEntities.includes(c.entity));
    const knowledge = s.changes.slice(firstKnowledge, firstExtra);
    expect(knowledge.every((c) => kbEntities.includes(c.entity) && c.scope === 'org')).toBe(true);
    // Then the groups that came with groups in the client (added later still), then the demo's polls, and last the read confirmations.
    const firstPoll = s.changes.findIndex((c, i) => i > firstExtra && (c.entity === 'post' || c.entity === 'poll'));
    const firstReceipt = s.changes.findIndex((c) => c.entity === 'readReceipt');
    expect(firstPoll).toBeGreaterThan(firstExtra);
    expect(firstReceipt).toBeGreaterThan(firstPoll);
    expect(s.changes.slice(firstExtra, firstPoll).every((c) => ['group', 'membership', 'joinRequest', 'notification'].includes(c.entity))).toBe(true);
    expect(s.changes.slice(firstPoll, firstReceipt).every((c) => ['post', 'poll', 'pollVote'].includes(c.entity))).toBe(true);
    expect(s.changes.slice(firstPoll, firstReceipt).filter((c) => c.entity === 'poll')).toHaveLength(s.polls.length);
    expect(s.changes.slice(firstReceipt).every((c) => c.entity === 'readReceipt')).toBe(true);
    expect(s.changes.slice(firstReceipt)).toHaveLength(s.receipts.length);
  });

  it('has a knowledge base of Dutch pages in sections, each with headings and a list, an owner, a review date (some passed) and a first version', async () => {
    const s = await snapshot(db, tenantId);
    expect(s.pages.length).toBeGreaterThanOrEqual(300);
    expect(new Set(s.pages.map((p) => p.title)).size).toBe(s.pages.length);
    const sectionIds = new Set(s.sections.map((x) => x.id));
    const active = new Set(s.people.filter((p) => p.active === 1).map((p) => p.id));
    for (const p of s.pages) {
      expect(sectionIds.has(p.section_id!)).toBe(true);
      expect(active.has(p.owner_id!)).toBe(true);
      expect(p.body).toMatch(/^## /m);
      expect(p.body).toMatch(/^(- |\d+\. |\| )/m);
      expect(p.body).not.toMatch(/lorem|ipsum/i);
    }
    const today = ANCHOR.toISOString().slice(0, 10);
    const overdue = s.pages.filter((p) => p.review_date! < today).length;
    expect(overdue).toBeGreaterThan(s.pages.length * 0.1);
    expect(overdue).toBeLessThan(s.pages.length * 0.35);
    expect(s.versions.map((v) => [v.page_id, v.version, v.body])).toEqual(s.pages.map((p) => [p.id, 1, p.body]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  });

  it('covers HR, roster, protocols, ICT, facilities, and quality and safety, each with a good number of pages', async () => {
    const s = await snapshot(db, tenantId);
    const parent = new Map(s.sections.map((x) => [x.id, x.parent_id]));
    const title = new Map(s.sections.map((x) => [x.id, x.title]));
    const area = (sectionId: string): string => {
      const up = parent.get(sectionId);
      return up ? area(up) : title.get(sectionId)!;
    };
    const pagesPerArea = new Map<string, number>();
    for (const p of s.pages) pagesPerArea.set(area(p.section_id!), (pagesPerArea.get(area(p.section_id!)) ?? 0) + 1);
    for (const name of ['Werk en inkomen', 'Rooster en planning', 'Zorg en protocollen', 'ICT en systemen', 'Facilitair en locaties', 'Kwaliteit en veiligheid']) {
      expect(pagesPerArea.get(name), name).toBeGreaterThanOrEqual(10);
    }
  });

  it('links pages to pages that exist, and has the five quick links', async () => {
    const s = await snapshot(db, tenantId);
    const ids = new Set(s.pages.map((p) => p.id));
    const links = s.pages.flatMap((p) => [...p.body.matchAll(/\]\(page:([0-9a-f-]{36})\)/g)].map((m) => m[1]!));
    expect(links.length).toBeGreaterThan(100);
    for (const id of links) expect(ids.has(id)).toBe(true);
    const title = new Map(s.pages.map((p) => [p.id, p.title]));
    expect(s.quickLinks.sort((a, b) => a.position - b.position).map((l) => [l.title, title.get(l.page_id!)])).toEqual([
      ['Salaris', 'Salaris en betaaldata'],
      ['Rooster', 'Je rooster inzien'],
      ['Verlof', 'Verlof aanvragen'],
      ['Ziekmelden', 'Ziekmelden'],
      ['Declaraties', 'Declaraties indienen'],
    ]);
  });

  it('indexes its pages, posts, groups and active people for search', async () => {
    const s = await snapshot(db, tenantId);
    const count = (kind: string) => s.searchDocs.filter((d) => d.kind === kind).length;
    expect(count('page')).toBe(s.pages.length);
    expect(count('post')).toBe(s.posts.length);
    expect(count('group')).toBe(s.groups.length);
    expect(count('person')).toBe(s.people.filter((p) => p.active === 1).length);
  });

  it('spreads 90 days of activity before the anchor, busiest on Tuesday afternoons (Amsterdam time)', async () => {
    const s = await snapshot(db, tenantId);
    const anchor = ANCHOR.getTime();
    const times = s.posts.map((p) => Date.parse(p.created_at));
    expect(Math.max(...times)).toBeLessThan(anchor);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(anchor - 91 * 86_400_000);
    expect(Math.max(...times)).toBeGreaterThan(anchor - 3 * 86_400_000);
    for (const r of [...s.comments, ...s.likes]) expect(Date.parse(r.created_at)).toBeLessThan(anchor);

    const weekdays = new Array<number>(7).fill(0);
    const hours = new Array<number>(24).fill(0);
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
    const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    for (const t of times) {
      const parts = fmt.formatToParts(new Date(t));
      const weekday = names.indexOf(parts.find((p) => p.type === 'weekday')!.value);
      const hour = Number(parts.find((p) => p.type === 'hour')!.value);
      weekdays[weekday]!++;
      hours[hour]!++;
      // The generator's own time-zone arithmetic agrees with the ICU time-zone database.
      expect(amsterdamParts(t)).toMatchObject({ weekday, hour });
    }
    expect(weekdays.indexOf(Math.max(...weekdays))).toBe(2);
    const busiestHour = hours.indexOf(Math.max(...hours));
    expect(busiestHour).toBeGreaterThanOrEqual(12);
    expect(busiestHour).toBeLessThanOrEqual(17);
    const afternoon = hours.slice(12, 18).reduce((a, b) => a + b, 0);
    const night = hours.slice(0, 6).reduce((a, b) => a + b, 0);
    expect(afternoon).toBeGreaterThan(night * 5);
  });

  it('uses colours that carry white text (WCAG AA)', async () => {
    const org = await db.kysely.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
    expect(contrastRatio(org.primary_color, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    for (const p of PALETTES) {
      expect(p.primary).toMatch(/^#[0-9A-F]{6}$/i);
      expect(p.accent).toMatch(/^#[0-9A-F]{6}$/i);
      expect(contrastRatio(p.primary, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('seedOrganisation', () => {
  it('produces identical rows, ids included, for the same seed and anchor', async () => {
    const [a, b] = [await freshDb(), await freshDb()];
    const ra = await seedOrganisation(a, { seed: 42, employees: 120, slug: 'zorg', anchor: ANCHOR, images: false });
    const rb = await seedOrganisation(b, { seed: 42, employees: 120, slug: 'zorg', anchor: ANCHOR, images: false });
    expect(rb).toEqual(ra);
    const [sa, sb] = [await snapshot(a, ra.tenantId), await snapshot(b, rb.tenantId)];
    expect(sa.posts.length).toBe(ra.posts);
    expect(sb).toEqual(sa);
  });

  it('gives the smallest organisation (the fewest locations, so the fewest pages) at least 300 knowledge-base pages', async () => {
    const db = await freshDb();
    const small = await seedOrganisation(db, { seed: 5, employees: 50, slug: 'klein', anchor: ANCHOR, images: false });
    expect(small.pages).toBeGreaterThanOrEqual(300);
  });

  it('differs for another seed, and for another slug in the same database', async () => {
    const db = await freshDb();
    const one = await seedOrganisation(db, { seed: 1, employees: 50, slug: 'een', anchor: ANCHOR, images: false });
    const two = await seedOrganisation(db, { seed: 2, employees: 50, slug: 'twee', anchor: ANCHOR, images: false });
    const three = await seedOrganisation(db, { seed: 1, employees: 50, slug: 'drie', anchor: ANCHOR, images: false });
    expect(new Set([one.tenantId, two.tenantId, three.tenantId]).size).toBe(3);
    const [s1, s2, s3] = [await snapshot(db, one.tenantId), await snapshot(db, two.tenantId), await snapshot(db, three.tenantId)];
    expect(s2.posts.map((p) => p.body)).not.toEqual(s1.posts.map((p) => p.body));
    expect(s2.people.map((p) => p.name)).not.toEqual(s1.people.map((p) => p.name));
    // Same seed, other slug: same content, other ids.
    expect(s3.posts.map((p) => p.body)).toEqual(s1.posts.map((p) => p.body));
    expect(s3.posts.map((p) => p.id)).not.toEqual(s1.posts.map((p) => p.id));
    // Every organisation holds the fixed people and its own Team 3B.
    for (const s of [s1, s2, s3]) {
      expect(s.people.filter((p) => Number(p.employee_number) < 10000)).toHaveLength(5);
      expect(s.groups.filter((g) => g.name === 'Team 3B')).toHaveLength(1);
    }
  });

  it('rejects employee counts outside 50..20000 and an existing slug', async () => {
    const db = await freshDb();
    await expect(seedOrganisation(db, { seed: 1, employees: 49, slug: 'klein', images: false })).rejects.toThrow(/50.*20000/);
    await expect(seedOrganisation(db, { seed: 1, employees: 20_001, slug: 'groot', images: false })).rejects.toThrow(/50.*20000/);
    await expect(seedOrganisation(db, { seed: 1, employees: 100.5, slug: 'half', images: false })).rejects.toThrow(/employees/);
    await seedOrganisation(db, { seed: 1, employees: 50, slug: 'bezet', images: false });
    await expect(seedOrganisation(db, { seed: 2, employees: 50, slug: 'bezet', images: false })).rejects.toThrow(/already exists/);
    const orgs = await db.kysely.selectFrom('organisations').select('slug').execute();
    expect(orgs.map((o) => o.slug)).toEqual(['bezet']);
  });

  it('draws pictures with sharp: a logo, avatars and post images with thumbnails', async () => {
    const db = await freshDb();
    const r = await seedOrganisation(db, { seed: 5, employees: 300, slug: 'foto', anchor: ANCHOR });
    expect(r.images).toBeGreaterThan(5);
    const k = db.kysely;
    const images = await k.selectFrom('images').selectAll().where('tenant_id', '=', r.tenantId).execute();
    expect(images).toHaveLength(r.images);
    const org = await k.selectFrom('organisations').selectAll().where('tenant_id', '=', r.tenantId).executeTakeFirstOrThrow();
    const logo = images.find((i) => i.id === org.logo_image_id)!;
    expect(logo).toMatchObject({ mime: 'image/png', post_id: null });
    expect(Buffer.from(logo.data).subarray(1, 4).toString()).toBe('PNG');

    const posts = await k.selectFrom('posts').select(['id', 'author_id', 'images']).where('tenant_id', '=', r.tenantId).execute();
    const refs = posts.flatMap((p) => (JSON.parse(p.images) as { id: string; width: number; height: number }[]).map((ref) => ({ post: p, ref })));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.length).toBeLessThanOrEqual(60);
    const byId = new Map(images.map((i) => [i.id, i]));
    for (const { post, ref } of refs) {
      const image = byId.get(ref.id)!;
      expect(image).toMatchObject({ post_id: post.id, owner_id: post.author_id, mime: 'image/jpeg', width: 1200, height: 800 });
      expect(ref).toMatchObject({ width: 1200, height: 800 });
      const data = Buffer.from(image.data);
      expect(image.byte_size).toBe(data.length);
      expect(data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(Buffer.from(image.thumb).subarray(8, 12).toString()).toBe('WEBP');
    }
    const avatars = await k.selectFrom('people').select('avatar_image_id').where('tenant_id', '=', r.tenantId).where('avatar_image_id', 'is not', null).execute();
    expect(avatars.length).toBeGreaterThan(0);
    expect(avatars.every((a) => byId.get(a.avatar_image_id!)?.post_id === null)).toBe(true);
  });

  it('keeps rows*columns per statement within SQLite limits at a larger size', async () => {
    const db = await freshDb();
    const r = await seedOrganisation(db, { seed: 9, employees: 2000, slug: 'groter', anchor: ANCHOR, images: false });
    expect(r.people).toBe(2000);
    expect(r.posts).toBeGreaterThan(1000);
    const locations = await db.kysely.selectFrom('locations').select('name').where('tenant_id', '=', r.tenantId).execute();
    expect(locations.length).toBeGreaterThanOrEqual(10);
    expect(locations.length).toBeLessThanOrEqual(40);
    expect(locations.every((l) => /^Locatie .+, .+$/.test(l.name))).toBe(true);
    const kinds = await db.kysely.selectFrom('departments').select('kind').distinct().where('tenant_id', '=', r.tenantId).execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['facility', 'homecare', 'other', 'staff', 'ward']);
  });
});

describe('Amsterdam time', () => {
  it('agrees with the time-zone database every hour of a year, across both clock changes', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23', day: '2-digit' });
    const start = Date.UTC(2025, 0, 1);
    for (let t = start; t < start + 366 * 86_400_000; t += 3_600_000) {
      const parts = fmt.formatToParts(new Date(t));
      const p = amsterdamParts(t);
      expect([p.day, p.hour]).toEqual([Number(parts.find((x) => x.type === 'day')!.value), Number(parts.find((x) => x.type === 'hour')!.value)]);
    }
    // 14:00 on a summer day is 12:00 UTC; on a winter day 13:00 UTC.
    expect(new Date(amsterdamToUtc(2025, 6, 1, 14)).toISOString()).toBe('2025-07-01T12:00:00.000Z');
    expect(new Date(amsterdamToUtc(2025, 0, 7, 14)).toISOString()).toBe('2025-01-07T13:00:00.000Z');
  });

  it('puts the demo on Amsterdam’s today right after its midnight, when UTC still has yesterday: Anna’s birthday is the kiosk’s day', async () => {
    // 23:40 UTC on 1 December is 00:40 on 2 December in Amsterdam; in summer 22:30 UTC is 00:30 the next day.
    for (const [now, day, start] of [
      ['2026-12-01T23:40:00Z', '12-02', '2026-12-01T23:00:00.000Z'],
      ['2026-07-01T22:30:00Z', '07-02', '2026-07-01T22:00:00.000Z'],
      ['2026-07-01T12:00:00Z', '07-01', '2026-06-30T22:00:00.000Z'],
    ] as const) {
      const anchor = demoAnchor(Date.parse(now));
      expect(anchor.toISOString()).toBe(start);
      const db = await freshDb();
      const { tenantId } = await seedOrganisation(db, { seed: 2, employees: 50, slug: 'vandaag', anchor, images: false, knowledgeBase: false, celebrations: true });
      const anna = await db.kysely.selectFrom('people').select('birthday').where('tenant_id', '=', tenantId).where('employee_number', '=', '1001').executeTakeFirstOrThrow();
      expect(anna.birthday).toBe(day);
    }
  });

  it('spreads exactly the asked number of moments, all before the anchor', () => {
    const anchor = Date.UTC(2025, 6, 1, 15);
    const clock = new ActivityClock(anchor, 90);
    const moments = clock.spread(new Rng(4), 1234);
    expect(moments).toHaveLength(1234);
    expect(moments.every((t) => t < anchor && t >= clock.startMs)).toBe(true);
  });
});

describe('Rng', () => {
  it('is deterministic per seed and gives distinct samples', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(new Rng(8).next()).not.toBe(new Rng(7).next());
    const sample = new Rng(3).sample([...Array(100).keys()], 30);
    expect(new Set(sample).size).toBe(30);
    expect(new Rng(1).bytes(16)).toEqual(new Rng(1).bytes(16));
  });
});

describe('seed on PostgreSQL', () => {
  it('writes the same rows as on SQLite', async (ctx) => {
    if (!(await postgresAvailable())) ctx.skip();
    const scratch = await createScratchDatabase();
    const pgDb = openDatabase({ url: scratch.url });
    try {
      await migrateToLatest(pgDb);
      const lite = await freshDb();
      const onPg = await seedOrganisation(pgDb, { seed: 11, employees: 80, slug: 'pg', anchor: ANCHOR, images: false, polls: true });
      const onLite = await seedOrganisation(lite, { seed: 11, employees: 80, slug: 'pg', anchor: ANCHOR, images: false, polls: true });
      expect(onPg).toEqual(onLite);
      const [a, b] = [await snapshot(pgDb, onPg.tenantId), await snapshot(lite, onLite.tenantId)];
      const norm = (s: typeof a) => ({ ...s, changes: s.changes.map((c) => ({ ...c, seq: Number(c.seq) })) });
      // PostgreSQL sorts text by its collation, SQLite by bytes: compare as sets in one order.
      const sortAll = (s: typeof a) => Object.fromEntries(Object.entries(norm(s)).map(([key, rows]) => [key, [...rows].map((r) => JSON.stringify(r)).sort()]));
      expect(sortAll(a)).toEqual(sortAll(b));
      const seq = await pgDb.kysely.selectFrom('tenant_seq').select('last_seq').where('tenant_id', '=', onPg.tenantId).executeTakeFirstOrThrow();
      expect(Number(seq.last_seq)).toBe(onPg.lastSeq);
    } finally {
      await pgDb.close();
      await scratch.drop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION_SETTINGS } from '../../../../common/src/api/entities.js';
import type { ReadReport } from '../../../../common/src/api/routes/readConfirmations.js';
import type { SyncResponse } from '../../../../common/src/api/sync.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import { inAudience, type ReadAudience } from '../../../../common/src/readConfirmations/audience.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

/** A seeded random stream, so a failure can be replayed. */
function stream(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe.each(dialects)('read confirmations (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let tenant: string;
  let departments: { id: string; location_id: string | null }[];
  let locations: string[];
  let groupId: string;

  const newPost = async (body: string) => (await carla.post('/v1/posts', { body })).body.id as string;
  const mark = (postId: string, audience: Partial<ReadAudience>) => carla.put(`/v1/posts/${postId}/read-requirement`, { audience });
  const report = async (postId: string) => (await carla.get<ReadReport>(`/v1/posts/${postId}/read-report?limit=1000`)).body;

  /** The audience as the shared rule (the one clients use) computes it from the people table now. */
  async function expected(postId: string, audience: ReadAudience) {
    const people = await s.db.kysely.selectFrom('people').selectAll().where('tenant_id', '=', tenant).execute();
    const members = await s.db.kysely.selectFrom('group_members').select(['person_id', 'group_id']).where('tenant_id', '=', tenant).execute();
    const receipts = await s.db.kysely.selectFrom('read_receipts').selectAll().where('tenant_id', '=', tenant).where('post_id', '=', postId).execute();
    const confirmed = new Set(receipts.filter((r) => r.confirmed_at !== null).map((r) => r.person_id));
    const memberOf = (id: string) => new Set(members.filter((m) => m.person_id === id).map((m) => m.group_id));
    const inIt = people.filter((p) => inAudience(audience, { active: p.active === 1, departmentId: p.department_id, locationId: p.location_id }, memberOf(p.id)));
    const perDepartment = new Map<string | null, { audience: number; confirmed: number }>();
    for (const p of inIt) {
      const part = perDepartment.get(p.department_id) ?? { audience: 0, confirmed: 0 };
      part.audience++;
      if (confirmed.has(p.id)) part.confirmed++;
      perDepartment.set(p.department_id, part);
    }
    return {
      audience: inIt.length,
      confirmed: inIt.filter((p) => confirmed.has(p.id)).length,
      unconfirmed: new Set(inIt.filter((p) => !confirmed.has(p.id)).map((p) => p.id)),
      perDepartment,
    };
  }

  beforeAll(async () => {
    s = await startTestServer(dialect);
    tenant = s.tenants.demo!;
    [anna, bram, carla] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003')]);
    departments = await s.db.kysely.selectFrom('departments').select(['id', 'location_id']).where('tenant_id', '=', tenant).orderBy('id').execute();
    locations = (await s.db.kysely.selectFrom('locations').select('id').where('tenant_id', '=', tenant).orderBy('id').execute()).map((l) => l.id);
    groupId = (await anna.get('/v1/groups')).body.items.find((g: { visibility: string }) => g.visibility === 'open').id;
  });
  afterAll(() => s?.close());

  it('lets only editors make an organisation post "lezen verplicht", for an audience that exists', async () => {
    const postId = await newPost('Nieuw protocol handhygiëne: lees het voor maandag.');
    expect((await anna.put(`/v1/posts/${postId}/read-requirement`, { audience: { everyone: true } })).status).toBe(403);
    expect((await mark(postId, {})).body.error.code).toBe('validation');
    const unknown = await mark(postId, { departmentIds: [uuidv7(Date.now())] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('body.audience.departmentIds');
    const marked = await mark(postId, { departmentIds: [departments[0]!.id] });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ audience: { everyone: false, departmentIds: [departments[0]!.id] }, confirmedCount: 0 });
    const seen = await bram.get(`/v1/posts/${postId}`);
    expect(seen.body.readRequired).toMatchObject({ audience: { departmentIds: [departments[0]!.id] } });
    const groupPost = await anna.post('/v1/posts', { body: 'In de groep', groupId: (await anna.get('/v1/me')).body.memberships[0].groupId });
    expect((await mark(groupPost.body.id, { everyone: true })).status).toBe(400);
    expect((await anna.get(`/v1/posts/${postId}/read-report`)).status).toBe(403);
  });

  it('reports exactly for a 3 000-person audience while people move department, join and leave', async () => {
    const random = stream(7);
    const [inA, inB, outside] = [departments[0]!, departments[1]!, departments[2]!];
    const now = new Date().toISOString();
    const people = Array.from({ length: 3000 }, (_, i) => {
      const department = [inA, inB, outside][i % 3]!;
      return {
        tenant_id: tenant,
        id: uuidv7(Date.now() + i),
        employee_number: `9${String(i).padStart(5, '0')}`,
        name: `Collega ${String(i).padStart(4, '0')}`,
        handle: `collega.${i}`,
        job_title: i % 7 === 0 ? '=HYPERLINK("http://x")' : 'Verzorgende',
        department_id: department.id,
        location_id: department.location_id,
        roles: '["employee"]',
        avatar_image_id: null,
        active: 1,
        password_hash: null,
        pin_hash: null,
        created_at: now,
        updated_at: now,
      };
    });
    for (let i = 0; i < people.length; i += 200) await s.db.kysely.insertInto('people').values(people.slice(i, i + 200)).execute();
    const audience: ReadAudience = { everyone: false, locationIds: [], departmentIds: [inA.id, inB.id], groupIds: [groupId] };
    const postId = await newPost('Iedereen van afdeling A en B: de nieuwe werkinstructie tilliften.');
    expect((await mark(postId, audience)).status).toBe(200);

    // Half confirm (through the database, as 3 000 logins would), and Anna and Bram through the API.
    const confirmedRows = people.filter(() => random() < 0.5).map((p) => ({ tenant_id: tenant, post_id: postId, person_id: p.id, confirmed_at: now, later_count: 0, updated_at: now }));
    for (let i = 0; i < confirmedRows.length; i += 200) await s.db.kysely.insertInto('read_receipts').values(confirmedRows.slice(i, i + 200)).execute();
    expect((await anna.put(`/v1/posts/${postId}/read-confirmation`)).body.confirmedAt).not.toBeNull();
    expect((await bram.put(`/v1/posts/${postId}/read-confirmation`)).status).toBe(200);

    // Moves in between: out of the audience, into it, and people who left.
    const move = async (ids: string[], to: { id: string; location_id: string | null }) =>
      s.db.kysely.updateTable('people').set({ department_id: to.id, location_id: to.location_id }).where('tenant_id', '=', tenant).where('id', 'in', ids).execute();
    const ofDepartment = (d: string) => people.filter((p) => p.department_id === d).map((p) => p.id);
    await move(ofDepartment(inA.id).slice(0, 150), outside);
    await move(ofDepartment(outside.id).slice(0, 120), inB);
    await s.db.kysely.updateTable('people').set({ active: 0 }).where('tenant_id', '=', tenant).where('id', 'in', ofDepartment(inB.id).slice(0, 40)).execute();

    const want = await expected(postId, audience);
    const got = await report(postId);
    expect(want.audience).toBeGreaterThan(1900);
    expect(got.audience).toBe(want.audience);
    expect(got.confirmed).toBe(want.confirmed);
    expect(got.unconfirmedTotal).toBe(want.unconfirmed.size);
    expect(new Set(got.unconfirmed.map((u) => u.personId)).size).toBe(Math.min(1000, want.unconfirmed.size));
    for (const u of got.unconfirmed) expect(want.unconfirmed.has(u.personId)).toBe(true);
    expect(got.byDepartment.reduce((n, d) => n + d.audience, 0)).toBe(want.audience);
    for (const part of got.byDepartment) expect({ audience: part.audience, confirmed: part.confirmed }).toEqual(want.perDepartment.get(part.id));
    expect(got.byLocation.reduce((n, l) => n + l.confirmed, 0)).toBe(want.confirmed);

    // The CSV lists every one of them, with formula-looking cells made inert.
    const csv = await carla.get(`/v1/posts/${postId}/read-report.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]!.replace(/^\uFEFF/, '')).toBe('Naam,Functie,Afdeling,Locatie,Keer uitgesteld,Persoon-id');
    expect(lines.length - 1).toBe(want.unconfirmed.size);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"")"`))).toBe(true);
    expect(lines.some((l) => l.includes(',=HYPERLINK'))).toBe(false);

    // A reminder reaches exactly those who have not confirmed, computed when it is sent.
    const reminded = await carla.post(`/v1/posts/${postId}/read-reminders`);
    expect(reminded.body.reminded).toBe(want.unconfirmed.size);
    const told = await s.db.kysely.selectFrom('notifications').select('person_id').where('tenant_id', '=', tenant).where('post_id', '=', postId).where('kind', '=', 'read_reminder').execute();
    expect(new Set(told.map((n) => n.person_id))).toEqual(want.unconfirmed);
    expect(told).toHaveLength(want.unconfirmed.size);
    expect((await report(postId)).remindedAt).not.toBeNull();
  });

  it('counts a person once however often and however concurrently she confirms', async () => {
    const postId = await newPost('Lees even: de nieuwe parkeerregels.');
    await mark(postId, { everyone: true });
    const answers = await Promise.all(Array.from({ length: 20 }, () => anna.put(`/v1/posts/${postId}/read-confirmation`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await bram.get(`/v1/posts/${postId}`)).body.readRequired.confirmedCount).toBe(1);
    expect((await report(postId)).confirmed).toBe(1);
  });

  it('allows "Later" as often as the organisation says, and not after "Gelezen"', async () => {
    await s.db.kysely.updateTable('organisations').set({ settings: JSON.stringify({ ...DEFAULT_ORGANISATION_SETTINGS, readLaterLimit: 2 }) }).where('tenant_id', '=', tenant).execute();
    const postId = await newPost('Lees even: nieuwe afspraken over de overdracht.');
    await mark(postId, { everyone: true });
    expect((await bram.post(`/v1/posts/${postId}/read-later`)).body.laterCount).toBe(1);
    expect((await bram.post(`/v1/posts/${postId}/read-later`)).body.laterCount).toBe(2);
    const third = await bram.post(`/v1/posts/${postId}/read-later`);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('conflict');
    const read = await bram.put(`/v1/posts/${postId}/read-confirmation`);
    expect(read.body).toMatchObject({ laterCount: 2, confirmedAt: expect.any(String) });
    expect((await bram.post(`/v1/posts/${postId}/read-later`)).body.confirmedAt).toBe(read.body.confirmedAt);
  });

  it('sends her own answer and her reminder only to her, and only to clients that read protocol 3', async () => {
    const postId = await newPost('Lees even: brandoefening donderdag.');
    await mark(postId, { everyone: true });
    await carla.post(`/v1/posts/${postId}/read-reminders`);
    await bram.post(`/v1/posts/${postId}/read-later`);
    const bramId = (await bram.get('/v1/me')).body.person.id as string;
    const mine = await bram.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=personal');
    const receipt = mine.body.changes.find((c) => c.entity === 'readReceipt' && c.id === `${postId}:${bramId}`);
    expect(receipt).toMatchObject({ op: 'upsert', data: { laterCount: 1, confirmedAt: null } });
    expect(mine.body.changes.some((c) => c.op === 'upsert' && c.entity === 'notification' && c.data.kind === 'read_reminder' && c.data.postId === postId)).toBe(true);
    const annas = await anna.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=personal');
    expect(annas.body.changes.some((c) => c.entity === 'readReceipt' && c.id.endsWith(bramId))).toBe(false);
    const older = await bram.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=personal&protocol=2');
    expect(older.body.changes.some((c) => c.entity === 'readReceipt')).toBe(false);
    expect(older.body.changes.some((c) => c.op === 'upsert' && c.entity === 'notification' && c.data.kind === 'read_reminder')).toBe(false);
  });

  it('no longer asks anyone once the editor takes "lezen verplicht" off', async () => {
    const postId = await newPost('Lees even: tijdelijk andere ingang.');
    await mark(postId, { locationIds: [locations[0]!] });
    expect((await carla.delete(`/v1/posts/${postId}/read-requirement`)).status).toBe(200);
    expect((await bram.get(`/v1/posts/${postId}`)).body.readRequired).toBeNull();
    expect((await anna.put(`/v1/posts/${postId}/read-confirmation`)).status).toBe(404);
  });
});

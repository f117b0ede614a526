import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../../common/src/api/entities.js';
import type { AmbassadorEntry, MyTour } from '../../../../common/src/api/routes/ambassadors.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('ambassadors and the first-time tour (%s)', (dialect) => {
  let s: TestServer;
  let tenant: string;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let daan: TestClient;
  let annaId: string;
  let bramId: string;

  const person = (employeeNumber: string) =>
    s.db.kysely.selectFrom('people').selectAll().where('tenant_id', '=', tenant).where('employee_number', '=', employeeNumber).executeTakeFirstOrThrow();
  const mark = (by: TestClient, id: string, ambassador: boolean, line: string | null = null) => by.put<Person>(`/v1/people/${id}/ambassador`, { ambassador, line });
  const tourOf = async (c: TestClient) => (await c.get<MyTour>('/v1/me/tour')).body;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    tenant = s.tenants.demo!;
    [anna, bram, carla, daan] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003'), s.login('1004')]);
    annaId = (await person('1001')).id;
    bramId = (await person('1002')).id;
  });
  afterAll(() => s?.close());

  it('lets only an admin or editor mark an ambassador, carries the mark on the person, and audits it', async () => {
    expect((await mark(anna, bramId, true)).status).toBe(403);
    expect((await s.db.kysely.selectFrom('people').select('ambassador').where('tenant_id', '=', tenant).where('id', '=', bramId).executeTakeFirstOrThrow()).ambassador).toBe(0);

    const marked = await mark(carla, bramId, true, 'Vraag mij over: roosters, de app');
    expect(marked.status).toBe(200);
    expect(marked.body.ambassador).toEqual({ line: 'Vraag mij over: roosters, de app' });
    expect((await anna.get<Person>(`/v1/people/${bramId}`)).body.ambassador).toEqual({ line: 'Vraag mij over: roosters, de app' });
    // Someone who is not one carries no mark at all.
    expect((await anna.get<Person>(`/v1/people/${annaId}`)).body).not.toHaveProperty('ambassador');

    const audit = await s.db.kysely.selectFrom('auth_events').selectAll().where('tenant_id', '=', tenant).where('target', '=', `person:${bramId}`).where('action', '=', 'ambassador_marked').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.person_id).toBe((await person('1003')).id);

    expect((await mark(daan, bramId, false)).body).not.toHaveProperty('ambassador');
    const ended = await s.db.kysely.selectFrom('auth_events').select('person_id').where('tenant_id', '=', tenant).where('target', '=', `person:${bramId}`).where('action', '=', 'ambassador_unmarked').execute();
    expect(ended).toEqual([{ person_id: (await person('1004')).id }]);
  });

  it('keeps a hostile line to one plain line of limited length', async () => {
    const hostile = '<img src=x onerror=alert(1)>\u202e\nroosters\u0000\u200b  & "app"';
    const res = await mark(carla, bramId, true, hostile);
    expect(res.body.ambassador!.line).toBe('<img src=x onerror=alert(1)> roosters & "app"');

    const tooLong = await carla.put(`/v1/people/${bramId}/ambassador`, { ambassador: true, line: 'x'.repeat(121) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toBe('De regel mag hoogstens 120 tekens zijn.');
    expect((await person('1002')).ambassador_line).toBe('<img src=x onerror=alert(1)> roosters & "app"');
    expect((await mark(carla, bramId, true, 'é'.repeat(120))).status).toBe(200);
  });

  it("lists the asker's own department first, then her location, then the rest, and filters by place", async () => {
    const me = await person('1001');
    const others = await s.db.kysely.selectFrom('people').selectAll().where('tenant_id', '=', tenant).where('active', '=', 1).where('employee_number', 'not in', ['1001', '1002', '1003', '1004', '1005']).execute();
    const sameDepartment = others.find((p) => p.department_id === me.department_id)!;
    const sameLocationOnly = others.find((p) => p.location_id === me.location_id && p.department_id !== me.department_id)!;
    const elsewhere = others.find((p) => p.location_id !== me.location_id && p.department_id !== me.department_id)!;
    for (const p of [elsewhere, sameLocationOnly, sameDepartment]) expect((await mark(daan, p.id, true)).status).toBe(200);

    const list = (await anna.get<{ items: AmbassadorEntry[] }>('/v1/ambassadors')).body.items;
    const order = { both: 0, department: 1, location: 2, none: 3 };
    const ranks = list.map((e) => order[e.near]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const nearOf = (id: string) => list.find((e) => e.person.id === id)?.near;
    expect(nearOf(sameDepartment.id)).toBe('both');
    expect(nearOf(sameLocationOnly.id)).toBe('location');
    expect(nearOf(elsewhere.id)).toBe('none');
    const index = (id: string) => list.findIndex((e) => e.person.id === id);
    expect(index(sameDepartment.id)).toBeLessThan(index(sameLocationOnly.id));
    expect(index(sameLocationOnly.id)).toBeLessThan(index(elsewhere.id));

    const atLocation = (await anna.get<{ items: AmbassadorEntry[] }>(`/v1/ambassadors?locationId=${elsewhere.location_id}`)).body.items;
    expect(atLocation.map((e) => e.person.id)).toContain(elsewhere.id);
    expect(atLocation.every((e) => e.person.locationId === elsewhere.location_id)).toBe(true);
    const inDepartment = (await anna.get<{ items: AmbassadorEntry[] }>(`/v1/ambassadors?departmentId=${me.department_id}`)).body.items;
    expect(inDepartment.map((e) => e.person.id)).toContain(sameDepartment.id);
    expect(inDepartment.every((e) => e.person.departmentId === me.department_id)).toBe(true);
  });

  it('shows the tour once per person, on every device', async () => {
    // The test organisation's people are new: none has seen it.
    expect(await tourOf(anna)).toEqual({ pending: true, requestedBy: null });

    expect((await anna.put<MyTour>('/v1/me/tour', { outcome: 'skipped' })).body.pending).toBe(false);
    // Another session, as on a ward PC, knows it too; repeating changes nothing.
    const device = await s.enrolDevice({ name: 'Afdelings-pc' });
    const onWardPc = await device.loginPin('1001');
    expect((await tourOf(onWardPc)).pending).toBe(false);
    expect((await onWardPc.with(onWardPc.grant).put<MyTour>('/v1/me/tour', { outcome: 'done' })).status).toBe(200);
    expect((await tourOf(anna)).pending).toBe(false);
  });

  it('lets an ambassador, editor or admin start the tour again for a colleague, and nobody else', async () => {
    const eva = await s.login('1005');
    await eva.put('/v1/me/tour', { outcome: 'done' });
    const refused = await eva.post(`/v1/people/${annaId}/tour`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Alleen een ambassadeur kan de rondleiding opnieuw starten.');
    expect((await tourOf(anna)).pending).toBe(false);

    // Bram is an ambassador since the earlier test: his delivery grant carries the mark.
    const device = await s.enrolDevice({ name: 'Afdelings-pc 2' });
    const bramOnPc = await device.loginPin('1002');
    const restarted = await bramOnPc.with(bramOnPc.grant).post<MyTour>(`/v1/people/${annaId}/tour`, {});
    expect(restarted.status).toBe(200);
    expect(await tourOf(anna)).toEqual({ pending: true, requestedBy: bramId });

    expect((await anna.put<MyTour>('/v1/me/tour', { outcome: 'done' })).body).toEqual({ pending: false, requestedBy: null });
    expect((await carla.post(`/v1/people/${annaId}/tour`, {})).status).toBe(200);
    expect((await tourOf(anna)).pending).toBe(true);
    await anna.put('/v1/me/tour', { outcome: 'done' });
    expect((await bram.post('/v1/people/01930000-0000-7000-8000-00000000dead/tour', {})).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCelebrations } from '../../../../common/src/api/routes/celebrations.js';
import type { KioskSignage } from '../../../../common/src/api/routes/kiosks.js';
import { amsterdamDay, dayKey, hireDatesOn, jubileeOn } from '../../../../common/src/celebrations/dates.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { startTestServer, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();
const pad = (n: number) => String(n).padStart(2, '0');

describe.each(dialects)('birthdays and jubilea on the kiosk (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let carla: TestClient;
  let kiosk: DeviceClient;
  let tenant: string;
  let annaPlace: { location: string; department: string };
  const today = amsterdamDay(new Date());

  const heartbeat = async () => (await kiosk.post<KioskSignage>('/v1/kiosk/heartbeat', { version: '0.1.0' })).body.celebrations;
  const switchOn = async (flags: { celebrateBirthdays: boolean; celebrateAnniversaries: boolean }) => {
    const org = await s.db.kysely.selectFrom('organisations').select('settings').where('tenant_id', '=', tenant).executeTakeFirstOrThrow();
    await s.db.kysely.updateTable('organisations').set({ settings: JSON.stringify({ ...JSON.parse(org.settings), ...flags }) }).where('tenant_id', '=', tenant).execute();
  };
  const setPerson = (employeeNumber: string, values: { birthday?: string; hire_date?: string }) =>
    s.db.kysely.updateTable('people').set(values).where('tenant_id', '=', tenant).where('employee_number', '=', employeeNumber).execute();

  beforeAll(async () => {
    s = await startTestServer(dialect);
    tenant = s.tenants.demo!;
    [anna, carla] = await Promise.all([s.login('1001'), s.login('1003')]);
    kiosk = await s.enrolDevice({ mode: 'kiosk', name: 'Kiosk pauzeruimte' });
    const row = await s.db.kysely
      .selectFrom('people as p')
      .innerJoin('departments as d', (j) => j.onRef('d.tenant_id', '=', 'p.tenant_id').onRef('d.id', '=', 'p.department_id'))
      .select(['p.location_id', 'd.location_id as department_location', 'd.name'])
      .where('p.tenant_id', '=', tenant)
      .where('p.employee_number', '=', '1001')
      .executeTakeFirstOrThrow();
    annaPlace = { location: (row.location_id ?? row.department_location)!, department: row.name };
    // Anna's birthday and Bram's 12½ years are today; Eva was hired a year ago today (no jubilee).
    await setPerson('1001', { birthday: `${pad(today.month)}-${pad(today.day)}` });
    await setPerson('1002', { hire_date: hireDatesOn(today).find((d) => jubileeOn(d, today) === 12.5)! });
    await setPerson('1005', { hire_date: dayKey({ ...today, year: today.year - 1 }) });
  });
  afterAll(() => s?.close());

  it('shows nothing while the organisation has not switched them on', async () => {
    expect(await heartbeat()).toBeNull();
  });

  it('shows today\'s birthdays by first name and department only, and jubilea once switched on too', async () => {
    await switchOn({ celebrateBirthdays: true, celebrateAnniversaries: false });
    const birthdaysOnly = await heartbeat();
    expect(birthdaysOnly).toEqual({ day: dayKey(today), birthdays: [{ firstName: 'Anna', department: annaPlace.department }], anniversaries: [] });
    await switchOn({ celebrateBirthdays: true, celebrateAnniversaries: true });
    const both = await heartbeat();
    expect(both!.anniversaries).toEqual([expect.objectContaining({ firstName: 'Bram', years: 12.5 })]);
    expect(Object.keys(both!.anniversaries[0]!).sort()).toEqual(['department', 'firstName', 'years']);
    // The editor's preview of the kiosk tells the same.
    expect((await carla.get<KioskSignage>(`/v1/admin/kiosks/${kiosk.deviceId}/signage`)).body.celebrations).toEqual(both);
  });

  it('keeps to the kiosk\'s location', async () => {
    const other = await s.db.kysely.selectFrom('locations').select('id').where('tenant_id', '=', tenant).where('id', '!=', annaPlace.location).executeTakeFirstOrThrow();
    await carla.put(`/v1/admin/kiosks/${kiosk.deviceId}/location`, { locationId: other.id });
    expect((await heartbeat())!.birthdays.map((b) => b.firstName)).not.toContain('Anna');
    await carla.put(`/v1/admin/kiosks/${kiosk.deviceId}/location`, { locationId: annaPlace.location });
    expect((await heartbeat())!.birthdays.map((b) => b.firstName)).toContain('Anna');
  });

  it('leaves out the birthday of someone who keeps hers off the kiosks, and she can change her mind', async () => {
    expect((await anna.get<MyCelebrations>('/v1/me/celebrations')).body).toEqual({ birthdayKnown: true, birthdayShown: true, organisationShowsBirthdays: true });
    const hidden = await anna.put<MyCelebrations>('/v1/me/celebrations', { birthdayShown: false }, { 'idempotency-key': 'verjaardag-uit-1' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.birthdayShown).toBe(false);
    expect((await heartbeat())!.birthdays).toEqual([]);
    await anna.put('/v1/me/celebrations', { birthdayShown: true }, { 'idempotency-key': 'verjaardag-aan-1' });
    expect((await heartbeat())!.birthdays.map((b) => b.firstName)).toEqual(['Anna']);
    expect((await carla.get<MyCelebrations>('/v1/me/celebrations')).body).toMatchObject({ birthdayKnown: false });
    expect((await anna.put('/v1/me/celebrations', { birthdayShown: 'nee' })).status).toBe(400);
  });
});

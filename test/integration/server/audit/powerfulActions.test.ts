import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../common/src/api/entities.js';
import type { AuditFilters } from '../../../../common/src/api/routes/audit.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { DEMO_PINS, startTestServer, testDialects, type DeviceClient, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('audit log of powerful actions (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let daan: TestClient;
  let eva: TestClient;
  let ids: Record<string, string> = {};
  let team3b = '';
  let closedGroup = '';

  beforeAll(async () => {
    s = await startTestServer(dialect);
    [anna, bram, carla, daan, eva] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003'), s.login('1004'), s.login('1005')]);
    const people = await s.db.kysely.selectFrom('people').select(['id', 'employee_number']).where('employee_number', 'in', ['1001', '1002', '1003', '1004', '1005']).execute();
    ids = Object.fromEntries(people.map((p) => [p.employee_number, p.id]));
    team3b = (await s.db.kysely.selectFrom('groups').select('id').where('name', '=', 'Team 3B').executeTakeFirstOrThrow()).id;
    const closed = await s.db.kysely
      .selectFrom('groups')
      .select('id')
      .where('visibility', '=', 'closed')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('group_members as m').select('m.person_id').whereRef('m.group_id', '=', 'groups.id').where('m.person_id', 'in', [ids['1004']!, ids['1005']!]))))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    closedGroup = closed.id;
  });
  afterAll(() => s?.close());

  /** Every entry of the log under the filters, newest first, as the admin's API gives them. */
  async function entries(filters: AuditFilters): Promise<AuditEvent[]> {
    const out: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const res = await daan.call('listAuditEvents', { query: { ...filters, limit: 500, ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      out.push(...res.body.items);
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  describe('an editor moderating someone else’s content', () => {
    let annasPost = '';
    let bramsComment = '';

    beforeAll(async () => {
      annasPost = (await anna.call('createPost', { body: { body: 'Overdracht van vannacht staat in het dossier.' } })).body.id;
      bramsComment = (await bram.call('createComment', { params: { id: annasPost }, body: { body: 'Dank je, gelezen.' } })).body.id;
      const carlasComment = (await carla.call('createComment', { params: { id: annasPost }, body: { body: 'Ik zet hem even bovenaan.' } })).body.id;
      expect((await carla.call('editPost', { params: { id: annasPost }, body: { pinned: true } })).status).toBe(200);
      expect((await carla.call('editPost', { params: { id: annasPost }, body: { pinned: false } })).status).toBe(200);
      expect((await carla.call('deleteComment', { params: { id: bramsComment } })).status).toBe(200);
      // Her own content is hers to pin and delete: nothing to account for.
      expect((await carla.call('deleteComment', { params: { id: carlasComment } })).status).toBe(200);
      const carlasPost = (await carla.call('createPost', { body: { body: 'Nieuwsbrief week 36', pinned: true } })).body.id;
      expect((await carla.call('editPost', { params: { id: carlasPost }, body: { pinned: false } })).status).toBe(200);
      expect((await carla.call('deletePost', { params: { id: carlasPost } })).status).toBe(200);
      const annasOwn = (await anna.call('createPost', { body: { body: 'Even testen' } })).body.id;
      expect((await anna.call('deletePost', { params: { id: annasOwn } })).status).toBe(200);
      expect((await carla.call('deletePost', { params: { id: annasPost } })).status).toBe(200);
    });

    it('records pinning and unpinning someone else’s post, with the editor, the post and its author', async () => {
      const pinned = await entries({ action: 'post_pinned' });
      expect(pinned).toEqual([expect.objectContaining({ personId: ids['1003'], deviceId: null, target: `post:${annasPost}`, result: 'ok', detail: { author: `person:${ids['1001']}` } })]);
      const unpinned = await entries({ action: 'post_unpinned' });
      expect(unpinned).toEqual([expect.objectContaining({ personId: ids['1003'], target: `post:${annasPost}`, detail: { author: `person:${ids['1001']}` } })]);
    });

    it('records deleting someone else’s comment, with the comment, its author and its post', async () => {
      const deleted = await entries({ action: 'comment_deleted' });
      expect(deleted).toEqual([expect.objectContaining({ personId: ids['1003'], target: `comment:${bramsComment}`, detail: { author: `person:${ids['1002']}`, post: `post:${annasPost}` } })]);
    });

    it('records deleting someone else’s post, and not anyone deleting her own', async () => {
      const deleted = await entries({ action: 'post_deleted' });
      expect(deleted).toEqual([expect.objectContaining({ personId: ids['1003'], target: `post:${annasPost}`, result: 'ok', detail: { author: `person:${ids['1001']}`, group: null } })]);
      expect(await entries({ target: `post:${annasPost}` })).toHaveLength(3);
    });
  });

  describe('an organisation admin changing group members', () => {
    beforeAll(async () => {
      const member = (id: string, personId: string, role?: 'member' | 'admin') =>
        daan.call('addGroupMember', { params: { id, personId }, ...(role ? { body: { role } } : {}) });
      // Daan lets himself into Anna's private team, makes himself its admin, and lets Bram in and out.
      expect((await member(team3b, ids['1004']!)).status).toBe(200);
      expect((await member(team3b, ids['1004']!, 'admin')).status).toBe(200);
      expect((await member(team3b, ids['1002']!)).status).toBe(200);
      expect((await daan.call('removeGroupMember', { params: { id: team3b, personId: ids['1002']! } })).status).toBe(200);
      // …and adds Eva to a closed group he has no part in.
      expect((await member(closedGroup, ids['1005']!)).status).toBe(200);
      // In his own group he is just its admin, and Eva adds to hers as group admin: nothing special.
      const own = (await daan.call('createGroup', { body: { name: 'Applicatiebeheer', kind: 'work', visibility: 'closed' } })).body.id;
      expect((await member(own, ids['1001']!)).status).toBe(200);
      const evasGroup = (await eva.call('createGroup', { body: { name: 'Coaches', kind: 'work', visibility: 'private' } })).body.id;
      expect((await eva.call('addGroupMember', { params: { id: evasGroup, personId: ids['1002']! } })).status).toBe(200);
    });

    it('records an admin adding herself to a private group, changing her role there and adding and removing someone', async () => {
      const inTeam = await entries({ target: `group:${team3b}` });
      const seen = inTeam.map((e) => ({ personId: e.personId, action: e.action, result: e.result, detail: e.detail })).reverse();
      expect(seen).toEqual([
        { personId: ids['1004'], action: 'group_member_added', result: 'ok', detail: { person: `person:${ids['1004']}`, role: 'member', previousRole: null } },
        { personId: ids['1004'], action: 'group_member_role_changed', result: 'ok', detail: { person: `person:${ids['1004']}`, role: 'admin', previousRole: 'member' } },
        { personId: ids['1004'], action: 'group_member_added', result: 'ok', detail: { person: `person:${ids['1002']}`, role: 'member', previousRole: null } },
        { personId: ids['1004'], action: 'group_member_removed', result: 'ok', detail: { person: `person:${ids['1002']}` } },
      ]);
    });

    it('records an admin adding someone to a group she is no member of', async () => {
      const added = await entries({ target: `group:${closedGroup}` });
      expect(added).toEqual([expect.objectContaining({ personId: ids['1004'], action: 'group_member_added', detail: { person: `person:${ids['1005']}`, role: 'member', previousRole: null } })]);
    });

    it('records nothing for a group admin managing her own group', async () => {
      const all = [...(await entries({ action: 'group_member_added' })), ...(await entries({ action: 'group_member_removed' })), ...(await entries({ action: 'group_member_role_changed' }))];
      expect(all.map((e) => e.target).sort()).toEqual([`group:${closedGroup}`, ...Array<string>(4).fill(`group:${team3b}`)].sort());
    });
  });

  describe('devices', () => {
    let ward: DeviceClient;
    let kiosk: DeviceClient;

    beforeAll(async () => {
      ward = await s.enrolDevice({ name: 'Afdeling 3B balie' });
      kiosk = await s.enrolDevice({ mode: 'kiosk', name: 'Kiosk hal' });
      const daanOnWard = await ward.loginPin('1004', DEMO_PINS['1004']);
      expect((await daanOnWard.call('revokeDevice', { params: { id: kiosk.deviceId } })).status).toBe(200);
    });

    it('records each enrolment code with the admin, the device name and mode it is for', async () => {
      const codes = await entries({ action: 'enrolment_code_created', personId: ids['1004'] });
      expect(codes.map((e) => ({ name: e.detail?.name, mode: e.detail?.mode, result: e.result })).reverse()).toEqual([
        { name: 'Afdeling 3B balie', mode: 'shared', result: 'ok' },
        { name: 'Kiosk hal', mode: 'kiosk', result: 'ok' },
      ]);
    });

    it('records each enrolment with the new device as its target', async () => {
      expect(await entries({ action: 'device_enrolled', target: `device:${kiosk.deviceId}` })).toEqual([
        expect.objectContaining({ personId: null, deviceId: kiosk.deviceId, result: 'ok' }),
      ]);
    });

    it('records a revocation with the admin, the device she worked on and the device she revoked', async () => {
      expect(await entries({ action: 'device_revoked' })).toEqual([
        expect.objectContaining({ personId: ids['1004'], deviceId: ward.deviceId, target: `device:${kiosk.deviceId}`, result: 'ok' }),
      ]);
    });
  });

  describe('reading the audit log', () => {
    it('records every read by an admin with her filters', async () => {
      const from = '2020-01-01T00:00:00.000Z';
      await s.login('1001');
      const read = await daan.call('listAuditEvents', { query: { personId: ids['1001'], action: 'login_password', from, limit: 1 } });
      expect(read.status).toBe(200);
      expect(read.body.nextCursor).not.toBeNull();
      const next = await daan.call('listAuditEvents', { query: { personId: ids['1001'], action: 'login_password', from, limit: 1, cursor: read.body.nextCursor! } });
      expect(next.status).toBe(200);
      const reads = (await entries({ action: 'audit_read', personId: ids['1004'] })).filter((e) => e.detail?.person === `person:${ids['1001']}`);
      expect(reads.map((e) => ({ result: e.result, detail: e.detail })).reverse()).toEqual([
        { result: 'ok', detail: { person: `person:${ids['1001']}`, action: 'login_password', from } },
        { result: 'ok', detail: { person: `person:${ids['1001']}`, action: 'login_password', from, page: 'next' } },
      ]);
    });

    it('refuses a colleague who is no admin, and records that she tried, with her filters', async () => {
      for (const who of [anna, carla]) {
        const list = await who.call('listAuditEvents', { query: { personId: ids['1002'] } });
        expect(list.status).toBe(403);
        expect(list.body).toMatchObject({ error: { code: 'forbidden' } });
        const csv = await who.call('exportAuditEvents', { query: { deviceId: ids['1002'] } });
        expect(csv.status).toBe(403);
      }
      const tried = [...(await entries({ action: 'audit_read' })), ...(await entries({ action: 'audit_exported' }))].filter((e) => e.result === 'forbidden');
      expect(tried.map((e) => `${e.action} ${e.personId} ${JSON.stringify(e.detail)}`).sort()).toEqual(
        [
          `audit_read ${ids['1001']} ${JSON.stringify({ person: `person:${ids['1002']}` })}`,
          `audit_exported ${ids['1001']} ${JSON.stringify({ device: `device:${ids['1002']}` })}`,
          `audit_read ${ids['1003']} ${JSON.stringify({ person: `person:${ids['1002']}` })}`,
          `audit_exported ${ids['1003']} ${JSON.stringify({ device: `device:${ids['1002']}` })}`,
        ].sort(),
      );
    });
  });
});

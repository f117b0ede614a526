import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollView } from '../../../../common/src/api/routes/polls.js';
import type { SyncChange, SyncResponse } from '../../../../common/src/api/sync.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import type { TestClient } from '../../../fixtures/apiClient.js';
import { openEventStream } from '../../../fixtures/sseReader.js';
import { startTestServer, testDialects, type TestServer } from '../../../fixtures/testServer.js';

const dialects = await testDialects();

describe.each(dialects)('polls (%s)', (dialect) => {
  let s: TestServer;
  let anna: TestClient;
  let bram: TestClient;
  let carla: TestClient;
  let tenant: string;
  let privateGroup: string;
  let openGroup: string;
  /** The server's clock runs this far ahead of the real one, so a test can let a poll close. */
  let clockOffset = 0;

  const create = (by: TestClient, body: Record<string, unknown>) => by.post<PollView>('/v1/polls', { question: 'Welke dag voor het teamuitje?', options: ['Vrijdag', 'Zaterdag', 'Zondag'], ...body });
  const vote = (by: TestClient, pollId: string, optionIds: string[], key?: string) =>
    by.post(`/v1/polls/${pollId}/votes`, { optionIds }, key ? { 'idempotency-key': key } : undefined);
  const view = async (by: TestClient, pollId: string) => (await by.get<PollView>(`/v1/polls/${pollId}`)).body;
  const counts = (v: PollView) => v.options.map((o) => o.votes);
  const pollData = (c: SyncChange | undefined) => (c?.op === 'upsert' && c.entity === 'poll' ? c.data : null);

  /** Sessions made in the database for `count` people of the organisation (logging 200 in through scrypt measures scrypt). */
  async function votersOf(count: number): Promise<{ client: TestClient; personId: string }[]> {
    const people = await s.db.kysely.selectFrom('people').select('id').where('tenant_id', '=', tenant).where('active', '=', 1).orderBy('id').limit(count).execute();
    expect(people.length).toBe(count);
    return s.sessionsFor(tenant, people.map((p) => p.id));
  }

  beforeAll(async () => {
    s = await startTestServer(dialect, { organisations: [{ slug: 'demo', seed: 1, employees: 260 }], now: () => new Date(Date.now() + clockOffset) });
    tenant = s.tenants.demo!;
    [anna, bram, carla] = await Promise.all([s.login('1001'), s.login('1002'), s.login('1003')]);
    const groups = (await anna.get('/v1/groups')).body.items as { id: string; name: string; visibility: string }[];
    privateGroup = groups.find((g) => g.name === 'Team 3B')!.id;
    openGroup = groups.find((g) => g.visibility === 'open')!.id;
  });
  afterAll(() => s?.close());

  it('lets editors ask the whole organisation and members ask their group, with 2 to 10 different options', async () => {
    const made = await create(carla, {});
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ question: 'Welke dag voor het teamuitje?', voters: 0, multiple: false, anonymous: false, changeable: true, showResults: 'always', closed: false, myVote: null });
    expect(made.body.options.map((o) => [o.label, o.votes])).toEqual([['Vrijdag', 0], ['Zaterdag', 0], ['Zondag', 0]]);
    expect(new Set(made.body.options.map((o) => o.id)).size).toBe(3);
    const post = await anna.get(`/v1/posts/${made.body.id}`);
    expect(post.body).toMatchObject({ body: 'Welke dag voor het teamuitje?', poll: true, groupId: null });

    expect((await create(anna, {})).status).toBe(403);
    expect((await create(anna, { groupId: privateGroup })).status).toBe(201);
    const fields = async (body: Record<string, unknown>) => ((await create(carla, body)).body as unknown as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(await fields({ options: ['Alleen deze'] })).toEqual(['body.options']);
    expect(await fields({ options: Array.from({ length: 11 }, (_, i) => `Keuze ${i}`) })).toEqual(['body.options']);
    expect(await fields({ options: ['Ja', 'ja'] })).toEqual(['body.options']);
    expect(await fields({ options: ['Ja', '   '] })).toEqual(['body.options.1']);
    expect(await fields({ question: '' })).toEqual(['body.question']);
    expect(await fields({ anonymous: true, changeable: true })).toEqual(['body.changeable']);
    expect(await fields({ closesAt: new Date(Date.now() + clockOffset - 60_000).toISOString() })).toEqual(['body.closesAt']);
  });

  it('lets an editor pin a poll, and nobody else', async () => {
    expect((await create(anna, { groupId: openGroup, pinned: true })).status).toBe(403);
    const pinned = await create(carla, { pinned: true });
    expect((await carla.get(`/v1/posts/${pinned.body.id}`)).body.pinned).toBe(true);
  });

  it('counts 200 identical votes sent at once by one person once, with one key or with many', async () => {
    const poll = (await create(carla, {})).body;
    const option = poll.options[1]!.id;
    const key = uuidv7();
    const sameKey = await Promise.all(Array.from({ length: 200 }, () => vote(bram, poll.id, [option], key)));
    // One ran; the others replayed its answer or were told it was still running (409), never a second vote.
    expect(sameKey.every((r) => r.status === 200 || r.body.error?.code === 'idempotency_in_progress')).toBe(true);
    const manyKeys = await Promise.all(Array.from({ length: 200 }, () => vote(bram, poll.id, [option], uuidv7())));
    expect(manyKeys.map((r) => r.status)).toEqual(Array(200).fill(200));
    const after = await view(bram, poll.id);
    expect(after.voters).toBe(1);
    expect(counts(after)).toEqual([0, 1, 0]);
    expect(after.myVote?.optionIds).toEqual([option]);
  });

  it('counts 200 people voting at the same moment exactly', async () => {
    const poll = (await create(carla, { multiple: true })).body;
    const [a, b, c] = poll.options.map((o) => o.id) as [string, string, string];
    const voters = await votersOf(200);
    // Person i chooses a when i is even, b when i is divisible by 3, and c when neither.
    const choiceOf = (i: number) => [...(i % 2 === 0 ? [a] : []), ...(i % 3 === 0 ? [b] : []), ...(i % 2 !== 0 && i % 3 !== 0 ? [c] : [])];
    const answers = await Promise.all(voters.map((v, i) => vote(v.client, poll.id, choiceOf(i), uuidv7())));
    expect(answers.map((r) => r.status)).toEqual(Array(200).fill(200));
    const expected = [0, 1, 2].map((o) => voters.filter((_, i) => choiceOf(i).includes(poll.options[o]!.id)).length);
    const after = await view(carla, poll.id);
    expect(after.voters).toBe(200);
    expect(counts(after)).toEqual(expected);
    const stored = await s.db.kysely.selectFrom('poll_voters').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenant).where('poll_id', '=', poll.id).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(200);
  });

  it('lets a vote change until closing, counts the change once, and keeps a vote final where the poll says so', async () => {
    const poll = (await create(carla, {})).body;
    const [a, b] = poll.options.map((o) => o.id) as [string, string];
    expect((await vote(anna, poll.id, [a])).status).toBe(200);
    const changed = await Promise.all(Array.from({ length: 20 }, () => vote(anna, poll.id, [b], uuidv7())));
    expect(changed.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(counts(await view(anna, poll.id))).toEqual([0, 1, 0]);
    expect((await vote(anna, poll.id, [a, b])).body.error.fields[0].path).toBe('body.optionIds');
    expect((await vote(anna, poll.id, [uuidv7()])).status).toBe(400);

    const final = (await create(carla, { changeable: false })).body;
    expect((await vote(anna, final.id, [final.options[0]!.id])).status).toBe(200);
    expect((await vote(anna, final.id, [final.options[0]!.id])).status).toBe(200);
    const refused = await vote(anna, final.id, [final.options[1]!.id]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('poll_vote_final');
    expect(counts(await view(anna, final.id))).toEqual([1, 0, 0]);
  });

  it('never stores who chose what in an anonymous poll: no row of any table links a voter to an option', async () => {
    const poll = (await create(carla, { anonymous: true })).body;
    expect(poll).toMatchObject({ anonymous: true, changeable: false });
    const optionIds = poll.options.map((o) => o.id);
    const voters = await votersOf(6);
    for (const [i, v] of voters.entries()) expect((await vote(v.client, poll.id, [optionIds[i % 3]!], uuidv7())).status).toBe(200);
    const again = await vote(voters[0]!.client, poll.id, [optionIds[1]!]);
    expect(again.body.error.code).toBe('poll_vote_final');
    const seen = await view(voters[0]!.client, poll.id);
    expect(seen.myVote).toMatchObject({ optionIds: null });
    expect(counts(seen)).toEqual([2, 2, 2]);

    const tables =
      dialect === 'postgres'
        ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(s.db.kysely)).rows
        : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(s.db.kysely)).rows;
    expect(tables.map((t) => t.name)).toContain('poll_voters');
    let rowsRead = 0;
    for (const { name } of tables) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(s.db.kysely)).rows;
      for (const row of rows) {
        rowsRead++;
        const text = JSON.stringify(row);
        for (const v of voters) {
          if (!text.includes(v.personId)) continue;
          for (const o of optionIds) expect(text.includes(o), `${name} links ${v.personId} to ${o}: ${text}`).toBe(false);
        }
      }
    }
    expect(rowsRead).toBeGreaterThan(1000);
    if (dialect === 'postgres') {
      // The last vote wrote every option row, not only the chosen one: the rows' transaction stamps single out nothing.
      const stamps = await sql<{ xmin: string }>`select xmin::text as xmin from poll_options where poll_id = ${poll.id}`.execute(s.db.kysely);
      expect(new Set(stamps.rows.map((r) => r.xmin)).size).toBe(1);
    }
  });

  it('shows the counts at once, after voting or after closing, as the poll says, in its answers and in the feed', async () => {
    const always = (await create(carla, { showResults: 'always' })).body;
    const afterVote = (await create(carla, { showResults: 'after_vote' })).body;
    const afterClose = (await create(carla, { showResults: 'after_close', closesAt: new Date(Date.now() + clockOffset + 3_600_000).toISOString() })).body;
    for (const p of [always, afterVote, afterClose]) expect((await vote(anna, p.id, [p.options[0]!.id])).status).toBe(200);

    expect(await view(bram, always.id)).toMatchObject({ resultsVisible: true, voters: 1 });
    expect(counts(await view(bram, always.id))).toEqual([1, 0, 0]);
    expect(await view(bram, afterVote.id)).toMatchObject({ resultsVisible: false, voters: 1 });
    expect(counts(await view(bram, afterVote.id))).toEqual([null, null, null]);
    expect(counts(await view(anna, afterVote.id))).toEqual([1, 0, 0]);
    expect(counts(await view(anna, afterClose.id))).toEqual([null, null, null]);

    const feed = async () => {
      const page = await bram.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=shared');
      return new Map(page.body.changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'poll' ? [[c.id, c.data]] : [])));
    };
    const before = await feed();
    expect(before.get(always.id)?.options.map((o) => o.votes)).toEqual([1, 0, 0]);
    // A shared PC keeps the feed on disk: counts not everyone may see stay out of it.
    expect(before.get(afterVote.id)?.options.map((o) => o.votes)).toEqual([null, null, null]);
    expect(before.get(afterClose.id)?.options.map((o) => o.votes)).toEqual([null, null, null]);
  });

  it('closes at its closing time by the server clock: votes refused, counts for everyone, announced in the feed once', async () => {
    const poll = (await create(carla, { showResults: 'after_close', closesAt: new Date(Date.now() + clockOffset + 60 * 60_000).toISOString() })).body;
    expect((await vote(anna, poll.id, [poll.options[2]!.id])).status).toBe(200);
    const since = (await bram.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=shared')).body.next;
    clockOffset += 2 * 60 * 60_000;
    const late = await vote(bram, poll.id, [poll.options[0]!.id]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('poll_closed');
    expect(await view(bram, poll.id)).toMatchObject({ closed: true, resultsVisible: true });
    expect(counts(await view(bram, poll.id))).toEqual([0, 0, 1]);

    // The server's own timer may announce it first: whichever does, it is announced once.
    await s.server.announceClosedPolls();
    expect(await s.server.announceClosedPolls()).toBe(0);
    const page = (await bram.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=shared`)).body;
    const announced = page.changes.filter((c) => c.entity === 'poll' && c.id === poll.id);
    expect(announced).toHaveLength(1);
    expect(pollData(announced[0])?.options.map((o) => o.votes)).toEqual([0, 0, 1]);
  });

  it('keeps a poll in a private group unknown to outsiders: 404 to read or vote, absent from their feed', async () => {
    const poll = (await create(anna, { groupId: privateGroup })).body;
    expect((await bram.get(`/v1/polls/${poll.id}`)).status).toBe(404);
    expect((await vote(bram, poll.id, [poll.options[0]!.id])).status).toBe(404);
    expect((await vote(anna, poll.id, [poll.options[0]!.id])).status).toBe(200);
    const bramFeed = (await bram.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=all')).body;
    expect(bramFeed.changes.some((c) => c.id === poll.id && c.op === 'upsert')).toBe(false);
    const annaFeed = (await anna.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=personal')).body;
    expect(annaFeed.changes.find((c) => c.entity === 'poll' && c.id === poll.id)).toMatchObject({ op: 'upsert' });
    expect((await anna.get<PollView>(`/v1/polls/${uuidv7()}`)).status).toBe(404);
    const plainPost = (await anna.post('/v1/posts', { body: 'Geen peiling' })).body.id as string;
    expect((await anna.get(`/v1/polls/${plainPost}`)).status).toBe(404);
  });

  it('follows its group: gone for outsiders when the group turns private, no votes once it is archived', async () => {
    const group = (await anna.post('/v1/groups', { name: `Uitje ${uuidv7().slice(-6)}`, kind: 'informal', visibility: 'open' })).body.id as string;
    const poll = (await create(anna, { groupId: group })).body;
    expect((await vote(bram, poll.id, [poll.options[0]!.id])).status).toBe(200);
    expect((await anna.patch(`/v1/groups/${group}`, { visibility: 'private' })).status).toBe(200);
    expect((await bram.get(`/v1/polls/${poll.id}`)).status).toBe(404);
    expect((await vote(bram, poll.id, [poll.options[1]!.id])).status).toBe(404);
    expect((await anna.patch(`/v1/groups/${group}`, { archived: true })).status).toBe(200);
    const refused = await vote(anna, poll.id, [poll.options[1]!.id]);
    expect(refused.body.error.code).toBe('group_archived');
    expect(counts(await view(anna, poll.id))).toEqual([1, 0, 0]);
  });

  it('sends polls and her own vote to protocol 4, and leaves both out for older clients', async () => {
    const poll = (await create(carla, {})).body;
    await vote(anna, poll.id, [poll.options[0]!.id]);
    const entities = async (protocol: number) =>
      (await anna.get<SyncResponse>(`/v1/sync?since=0&limit=5000&scope=all&protocol=${protocol}`)).body.changes.filter((c) => c.id.startsWith(poll.id)).map((c) => c.entity);
    expect((await entities(4)).sort()).toEqual(['poll', 'pollVote', 'post']);
    expect(await entities(3)).toEqual(['post']);
    const mine = (await anna.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=personal')).body.changes.find((c) => c.entity === 'pollVote' && c.id.startsWith(poll.id));
    expect(mine).toMatchObject({ op: 'upsert', data: { pollId: poll.id, optionIds: [poll.options[0]!.id] } });
  });

  it('tells connected clients of each vote, and their next pull carries the new counts', async () => {
    const poll = (await create(carla, {})).body;
    const since = (await bram.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=shared')).body.next;
    const stream = await openEventStream(s.url, bram.token, String(since));
    try {
      await stream.waitFor((e) => e.event === 'seq');
      expect((await vote(anna, poll.id, [poll.options[1]!.id])).status).toBe(200);
      const announced = await stream.waitFor((e) => e.event === 'seq' && e.data.seq > since, 10_000);
      const page = (await bram.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=shared`)).body;
      expect(page.next).toBeGreaterThanOrEqual(announced.data.seq);
      const change = page.changes.find((c) => c.entity === 'poll' && c.id === poll.id);
      expect(pollData(change)?.options.map((o) => o.votes)).toEqual([0, 1, 0]);
      expect(pollData(change)?.voters).toBe(1);
    } finally {
      stream.close();
    }
  });

  it('counts each person\'s vote once in the statistics, however often she changes it', async () => {
    const poll = (await create(carla, {})).body;
    for (const o of [0, 1, 2, 0]) await vote(bram, poll.id, [poll.options[o]!.id]);
    const events = await s.db.kysely.selectFrom('stats_events').selectAll().where('tenant_id', '=', tenant).where('kind', '=', 'poll_vote').execute();
    expect(events.filter((e) => JSON.stringify(e).includes(poll.id))).toHaveLength(1);
  });

  it('takes a deleted poll out of the database and out of every cache', async () => {
    const poll = (await create(carla, {})).body;
    await vote(anna, poll.id, [poll.options[0]!.id]);
    const since = (await anna.get<SyncResponse>('/v1/sync?since=0&limit=5000&scope=all')).body.next;
    expect((await carla.delete(`/v1/posts/${poll.id}`)).status).toBe(200);
    for (const table of ['polls', 'poll_options', 'poll_voters'] as const) {
      const column = table === 'polls' ? 'post_id' : 'poll_id';
      const left = await s.db.kysely.selectFrom(table).select(sql<number>`count(*)`.as('n')).where('tenant_id', '=', tenant).where(column, '=', poll.id).executeTakeFirstOrThrow();
      expect(Number(left.n)).toBe(0);
    }
    const page = (await anna.get<SyncResponse>(`/v1/sync?since=${since}&limit=5000&scope=all`)).body;
    expect(page.changes.filter((c) => c.id.startsWith(poll.id)).map((c) => [c.entity, c.op]).sort()).toEqual([['poll', 'delete'], ['pollVote', 'delete'], ['post', 'delete']]);
  });
});

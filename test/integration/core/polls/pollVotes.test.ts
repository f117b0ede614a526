import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollView } from '../../../../common/src/api/routes/polls.js';
import { coresStoppedAfterEach, personId, switchableFetch, type CoreUnderTest } from '../../../fixtures/core/coreHarness.js';
import { closeServer, tempDirs, waitFor } from '../../../fixtures/core/harness.js';
import { startTestServer, type TestServer } from '../../../fixtures/testServer.js';

const tempDir = tempDirs();

describe('voting in polls through the outbox', () => {
  let server: TestServer;
  const startTracked = coresStoppedAfterEach();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => closeServer(server));

  /** Carla (an editor) asks the whole organisation. */
  async function ask(question: string, extra: Record<string, unknown> = {}, options = ['Ja', 'Nee', 'Weet niet']) {
    const carla = await server.login('1003');
    const made = await carla.post<PollView>('/v1/polls', { question, options, ...extra });
    expect(made.status).toBe(201);
    return made.body;
  }
  async function annaWithCable() {
    const net = switchableFetch();
    const u = startTracked({ url: server.url, dataDir: tempDir(), fetch: net.fetch });
    await u.login('1001');
    return { u, net };
  }
  const pollOf = async (u: CoreUnderTest, id: string) => {
    const answer = await u.core.invoke('post.get', { id });
    if (!answer.ok || !answer.value.poll) throw new Error(`no poll ${id}: ${JSON.stringify(answer)}`);
    return answer.value.poll;
  };
  const synced = (u: CoreUnderTest, id: string) => waitFor(async () => (await u.core.invoke('post.get', { id })).ok && (await pollOf(u, id)), 'the poll synced');
  const votesOf = (p: { options: { votes: number | null }[] }) => p.options.map((o) => o.votes);
  const serverCounts = async (id: string) =>
    (await server.db.kysely.selectFrom('poll_options').select(['position', 'votes']).where('poll_id', '=', id).orderBy('position').execute()).map((o) => Number(o.votes));
  const votePosts = (net: ReturnType<typeof switchableFetch>, id: string) => net.state.requests.filter((r) => r.reached && r.method === 'POST' && r.path === `/v1/polls/${id}/votes`);

  it('shows an offline vote at once, sends it exactly once when back online, and keeps the count after the sync', async () => {
    const asked = await ask('Welke dag past voor de teamdag?');
    const { u, net } = await annaWithCable();
    await synced(u, asked.id);

    net.state.online = false;
    const voted = await u.core.invoke('poll.vote', { id: asked.id, optionIds: [asked.options[1]!.id] });
    expect(voted.ok && voted.value.poll).toMatchObject({ voted: true, votePending: true, voters: 1 });
    expect(voted.ok && votesOf(voted.value.poll!)).toEqual([0, 1, 0]);
    // Retried while offline and once more after a restart of delivery: nothing reaches the server yet.
    await u.core.invoke('sync.now', {});
    expect(await serverCounts(asked.id)).toEqual([0, 0, 0]);

    net.state.online = true;
    await u.core.invoke('sync.now', {});
    await waitFor(async () => (await serverCounts(asked.id))[1] === 1, 'the vote delivered');
    await waitFor(async () => {
      const p = await pollOf(u, asked.id);
      return !p.votePending && p.voters === 1 && p.options[1]!.votes === 1;
    }, 'the vote synced back');
    await u.core.invoke('sync.now', {});
    expect(votesOf(await pollOf(u, asked.id))).toEqual([0, 1, 0]);
    expect(votePosts(net, asked.id)).toHaveLength(1);
    expect(await serverCounts(asked.id)).toEqual([0, 1, 0]);
    expect(u.events['outbox.rejected']).toEqual([]);
  });

  it('sends only her last choice when she changes her mind offline, and lets her change it again online', async () => {
    const asked = await ask('Koffie of thee?', {}, ['Koffie', 'Thee']);
    const { u, net } = await annaWithCable();
    await synced(u, asked.id);
    const [koffie, thee] = asked.options.map((o) => o.id) as [string, string];

    net.state.online = false;
    await u.core.invoke('poll.vote', { id: asked.id, optionIds: [koffie] });
    // Its first attempt failed (no network): the waiting vote can be taken back now.
    await waitFor(() => net.state.requests.some((r) => !r.reached && r.path === `/v1/polls/${asked.id}/votes`), 'a first attempt');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const changed = await u.core.invoke('poll.vote', { id: asked.id, optionIds: [thee] });
    expect(changed.ok && votesOf(changed.value.poll!)).toEqual([0, 1]);
    expect(await u.core.invoke('sync.status', {})).toMatchObject({ value: { pendingWrites: 1 } });
    net.state.online = true;
    await u.core.invoke('sync.now', {});
    await waitFor(async () => (await serverCounts(asked.id)).join() === '0,1', 'her last choice counted');
    expect(votePosts(net, asked.id)).toHaveLength(1);

    await waitFor(async () => !(await pollOf(u, asked.id)).votePending, 'synced');
    await u.core.invoke('poll.vote', { id: asked.id, optionIds: [koffie] });
    await waitFor(async () => (await serverCounts(asked.id)).join() === '1,0', 'the change counted');
    await waitFor(async () => votesOf(await pollOf(u, asked.id)).join() === '1,0', 'the change synced back');
  });

  it('rolls her vote back with the Dutch reason when the poll closed before it arrived', async () => {
    const closesAt = Date.now() + 3_000;
    const asked = await ask('Gaan we naar de kerstmarkt?', { closesAt: new Date(closesAt).toISOString() });
    const { u, net } = await annaWithCable();
    await synced(u, asked.id);

    net.state.online = false;
    const voted = await u.core.invoke('poll.vote', { id: asked.id, optionIds: [asked.options[0]!.id] });
    expect(voted.ok && votesOf(voted.value.poll!)).toEqual([1, 0, 0]);
    await new Promise((resolve) => setTimeout(resolve, closesAt - Date.now() + 100));
    net.state.online = true;
    await u.core.invoke('sync.now', {});

    const rejected = await waitFor(() => u.events['outbox.rejected'][0], 'the refusal');
    expect(rejected).toEqual({ kind: 'vote', code: 'poll_closed', message: 'Deze peiling is gesloten. Je kunt niet meer stemmen.', preview: 'Gaan we naar de kerstmarkt?' });
    const after = await pollOf(u, asked.id);
    expect(after).toMatchObject({ voted: false, votePending: false, closed: true, mayVote: false, voters: 0 });
    expect(votesOf(after)).toEqual([0, 0, 0]);
    expect(await serverCounts(asked.id)).toEqual([0, 0, 0]);
    // And a vote tapped now is refused here, before it is queued.
    expect(await u.core.invoke('poll.vote', { id: asked.id, optionIds: [asked.options[0]!.id] })).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
  });

  it('shows an after-vote poll’s counts once she voted, and they move when a colleague votes', async () => {
    const asked = await ask('Hoe druk was je dienst?', { showResults: 'after_vote' }, ['Rustig', 'Druk']);
    const { u } = await annaWithCable();
    const before = await synced(u, asked.id);
    expect(before).toMatchObject({ resultsVisible: false });

    await u.core.invoke('poll.vote', { id: asked.id, optionIds: [asked.options[1]!.id] });
    await waitFor(async () => (await pollOf(u, asked.id)).resultsVisible, 'the counts fetched after her vote');
    expect(votesOf(await pollOf(u, asked.id))).toEqual([0, 1]);

    const bram = await server.login('1002');
    expect((await bram.post(`/v1/polls/${asked.id}/votes`, { optionIds: [asked.options[0]!.id] })).status).toBe(200);
    await waitFor(async () => votesOf(await pollOf(u, asked.id)).join() === '1,1', 'Bram’s vote reaching her bars');
  });

  it('keeps an anonymous choice on this device only, and refuses a second vote here', async () => {
    const asked = await ask('Voel je je veilig op de late dienst?', { anonymous: true }, ['Ja', 'Nee']);
    const { u } = await annaWithCable();
    await synced(u, asked.id);
    await u.core.invoke('poll.vote', { id: asked.id, optionIds: [asked.options[1]!.id] });
    await waitFor(async () => (await serverCounts(asked.id)).join() === '0,1', 'counted');
    const voter = await server.db.kysely.selectFrom('poll_voters').selectAll().where('poll_id', '=', asked.id).where('person_id', '=', await personId(server, '1001')).executeTakeFirstOrThrow();
    expect(voter.choice).toBeNull();
    await waitFor(async () => !(await pollOf(u, asked.id)).votePending, 'synced back');
    const p = await pollOf(u, asked.id);
    expect(p.options.map((o) => o.chosen)).toEqual([false, true]);
    expect(p.mayVote).toBe(false);
    expect(await u.core.invoke('poll.vote', { id: asked.id, optionIds: [asked.options[0]!.id] })).toMatchObject({ ok: false, error: { code: 'poll_vote_final' } });
  });

  it('asks a poll offline in her group, and it is posted once back online with the same id', async () => {
    const { u, net } = await annaWithCable();
    const group = await waitFor(async () => {
      const groups = await u.core.invoke('groups.mine', {});
      return groups.ok ? groups.value.items.find((g) => g.visibility !== 'private') : undefined;
    }, 'her groups synced');
    net.state.online = false;
    const made = await u.core.invoke('poll.create', { question: 'Wie neemt er taart mee?', options: ['Ik', 'Jij'], groupId: group.id });
    expect(made.ok && made.value).toMatchObject({ delivery: 'sending', poll: { sending: true, mayVote: false, question: 'Wie neemt er taart mee?' } });
    const id = made.ok ? made.value.id : '';
    net.state.online = true;
    await u.core.invoke('sync.now', {});
    await waitFor(async () => (await server.db.kysely.selectFrom('polls').select('post_id').where('post_id', '=', id).executeTakeFirst()) !== undefined, 'the poll posted');
    await waitFor(async () => (await pollOf(u, id)).mayVote, 'the poll synced back, open for votes');
    // Organisation-wide polls are the editors': refused here at once, with the reason in Dutch.
    expect(await u.core.invoke('poll.create', { question: 'Voor iedereen?', options: ['Ja', 'Nee'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

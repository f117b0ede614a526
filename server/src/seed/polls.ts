import { pollVoteKey } from '../../../common/src/api/sync.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { ChangesTable, PeopleTable, PollOptionsTable, PollsTable, PollVotersTable, PostsTable } from '../db/schema.js';
import type { Insertable } from 'kysely';
import { iso } from './context.js';
import { Rng, hashSeed } from './prng.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface PollPlan {
  question: string;
  options: string[];
  multiple?: boolean;
  anonymous?: boolean;
  showResults?: 'always' | 'after_vote' | 'after_close';
  /** Relative to the anchor (the start of today in Amsterdam). */
  createdMs: number;
  closesMs: number | null;
  voters: number;
  /** How likely each option is to be chosen, in option order. */
  weights: number[];
}

/** A running, a closed, an anonymous and a multiple-choice poll, with the results shown in each way. */
const PLANS: PollPlan[] = [
  {
    question: 'Welke dag past jou het best voor de teamdag in het voorjaar?',
    options: ['Dinsdag 14 april', 'Donderdag 16 april', 'Vrijdag 24 april'],
    createdMs: -2 * DAY + 9 * HOUR,
    closesMs: 7 * DAY + 17 * HOUR,
    voters: 64,
    weights: [5, 3, 2],
  },
  {
    question: 'Wat wil je graag in de vernieuwde pauzeruimte? Je mag meer dingen kiezen.',
    options: ['Koffieautomaat met verse bonen', 'Een bank om even bij te komen', 'Elke dag een fruitschaal', 'Meer planten', 'Een prikbord voor het team'],
    multiple: true,
    createdMs: -3 * DAY + 14 * HOUR,
    closesMs: 5 * DAY + 12 * HOUR,
    voters: 41,
    weights: [6, 4, 5, 2, 2],
  },
  {
    question: 'Hoe ervaar je de werkdruk op je afdeling deze maand?',
    options: ['Goed te doen', 'Soms zwaar', 'Vaak te zwaar'],
    anonymous: true,
    showResults: 'after_vote',
    createdMs: -4 * DAY + 8 * HOUR,
    closesMs: 10 * DAY,
    voters: 52,
    weights: [3, 5, 2],
  },
  {
    question: 'Welke naam krijgt onze nieuwe nieuwsbrief?',
    options: ['Het Baken Bericht', 'Samen Sterk', 'Van de Werkvloer'],
    showResults: 'after_close',
    createdMs: -1 * DAY + 11 * HOUR,
    closesMs: 3 * DAY + 12 * HOUR,
    voters: 23,
    weights: [2, 3, 3],
  },
  {
    question: 'Welke bijscholing wil je volgend kwartaal volgen?',
    options: ['Medicatieveiligheid', 'Omgaan met onbegrepen gedrag', 'Palliatieve zorg', 'Tillen en transfers'],
    createdMs: -12 * DAY + 10 * HOUR,
    closesMs: -3 * DAY + 17 * HOUR,
    voters: 87,
    weights: [3, 5, 4, 2],
  },
];

export interface DemoPolls {
  posts: PostsTable[];
  polls: Insertable<PollsTable>[];
  options: Insertable<PollOptionsTable>[];
  voters: PollVotersTable[];
  /** Its change-feed rows, numbered on from `firstSeq`. */
  changes: ChangesTable[];
}

/**
 * The demo organisation's polls, asked by its editor to everyone, with votes of generated colleagues
 * (never the fixed people, so whoever logs in for a demo can still vote). Drawn from their own random
 * stream and numbered after the rest of the feed, so the dataset before them stays what it was.
 */
export function demoPolls(input: { tenantId: string; seed: number; slug: string; anchorMs: number; editorId: string; people: readonly Insertable<PeopleTable>[]; fixedIds: ReadonlySet<string>; firstSeq: number }): DemoPolls {
  const rng = new Rng(hashSeed('samen-polls', input.seed, input.slug));
  const idRng = new Rng(hashSeed('samen-poll-ids', input.seed, input.slug));
  const newId = (ms: number) => uuidv7(ms, idRng.bytes);
  const colleagues = input.people.filter((p) => Number(p.active) === 1 && !input.fixedIds.has(p.id));
  const out: DemoPolls = { posts: [], polls: [], options: [], voters: [], changes: [] };
  let seq = input.firstSeq;
  const feed = (ms: number, entity: ChangesTable['entity'], id: string, scope: string) =>
    out.changes.push({ tenant_id: input.tenantId, seq: seq++, entity, entity_id: id, op: 'upsert', scope, at: iso(ms) });

  for (const plan of PLANS) {
    const createdMs = input.anchorMs + plan.createdMs;
    const closesMs = plan.closesMs === null ? null : input.anchorMs + plan.closesMs;
    const id = newId(createdMs);
    const anonymous = plan.anonymous === true;
    const optionIds = plan.options.map(() => newId(createdMs));
    const counts = plan.options.map(() => 0);
    const who = rng.sample(colleagues, Math.min(plan.voters, colleagues.length));
    const lastVoteMs = Math.min(closesMs ?? input.anchorMs, input.anchorMs) - HOUR;
    const votes = who.map((person) => {
      const chosen = plan.multiple ? pickSeveral(rng, plan.weights) : [pickOne(rng, plan.weights)];
      for (const i of chosen) counts[i]! += 1;
      const ms = createdMs + Math.floor(rng.next() * Math.max(HOUR, lastVoteMs - createdMs));
      return { person: person.id, ms, choice: anonymous ? null : JSON.stringify(chosen.map((i) => optionIds[i]!).sort()) };
    });
    out.posts.push({
      tenant_id: input.tenantId,
      id,
      author_id: input.editorId,
      group_id: null,
      body: plan.question,
      hashtags: '[]',
      mentions: '[]',
      images: '[]',
      pinned: 0,
      like_count: 0,
      comment_count: 0,
      created_at: iso(createdMs),
      edited_at: null,
      poll: 1,
    });
    out.polls.push({
      tenant_id: input.tenantId,
      post_id: id,
      multiple: plan.multiple ? 1 : 0,
      anonymous: anonymous ? 1 : 0,
      changeable: anonymous ? 0 : 1,
      show_results: plan.showResults ?? 'always',
      closes_at: closesMs === null ? null : iso(closesMs),
      // A poll that closed before the demo starts was announced then: nothing is left to announce.
      close_announced: closesMs !== null && closesMs <= input.anchorMs ? 1 : 0,
      voters: votes.length,
      created_at: iso(createdMs),
    });
    plan.options.forEach((label, position) => out.options.push({ tenant_id: input.tenantId, poll_id: id, id: optionIds[position]!, position, label, votes: counts[position]! }));
    feed(createdMs, 'post', id, 'org');
    feed(createdMs, 'poll', id, 'org');
    for (const v of votes) {
      out.voters.push({ tenant_id: input.tenantId, poll_id: id, person_id: v.person, choice: v.choice, voted_at: iso(v.ms) });
      feed(v.ms, 'pollVote', pollVoteKey(id, v.person), `person:${v.person}`);
    }
  }
  return out;
}

function pickOne(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** One to three different options, the likelier ones more often. */
function pickSeveral(rng: Rng, weights: readonly number[]): number[] {
  const chosen = new Set<number>();
  const want = 1 + Math.floor(rng.next() * 3);
  while (chosen.size < Math.min(want, weights.length)) chosen.add(pickOne(rng, weights));
  return [...chosen].sort((a, b) => a - b);
}

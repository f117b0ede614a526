import { likeKey } from '../../../common/src/api/sync.js';
import type { CommentsTable, LikesTable } from '../db/schema.js';
import type { FeedEvent } from './changeFeed.js';
import { iso } from './context.js';
import type { Person } from './people.js';
import type { WrittenPost } from './posts.js';
import type { Rng } from './prng.js';
import type { Writing } from './timeline.js';
import { REPLIES, type ReplyKind } from './texts.js';

/** Relative chance of 0, 1, … 6 comments on a post. */
const COMMENT_WEIGHTS = [30, 25, 18, 12, 8, 4, 3];
/** Replies that invite one more comment than usual. */
const TALKED_ABOUT: readonly ReplyKind[] = ['welkom', 'viering', 'vraag', 'werkvraag', 'aanmelden'];
/** Replies that draw more likes. */
const LIKED: readonly ReplyKind[] = ['viering', 'welkom', 'mooimoment'];
const MAX_LIKES = 30;

export interface Reactions {
  comments: CommentsTable[];
  likes: LikesTable[];
  /** Change-feed entries of the comments, then of the likes. */
  events: FeedEvent[];
}

/**
 * Comments and likes on a post, by people who can see it: members of a closed or private group, anyone
 * for the rest. Pinned announcements get the most. Every reaction falls between the post and the anchor.
 */
export function reactTo(post: WrittenPost, writing: Writing): Reactions {
  const { ctx, tenantId, people, colleagues, slots } = writing;
  const rng = ctx.rng.reactions;
  const { group, author } = post;
  const membersOnly = group !== null && group.visibility !== 'open';
  const reactor = (): Person => {
    if (group && (membersOnly || rng.chance(0.5))) return rng.pick(group.pool.items);
    if (rng.chance(0.4)) return rng.pick(colleagues.ofDepartment(author));
    return colleagues.anyoneActive(rng);
  };
  const audience = membersOnly ? group.pool.size : people.active.length;
  const reactions: Reactions = { comments: [], likes: [], events: [] };

  let commentCount = rng.weightedIndex(COMMENT_WEIGHTS);
  if (post.kind === 'pinned') commentCount = rng.int(4, 6);
  else if (TALKED_ABOUT.includes(post.template.reply)) commentCount = Math.min(6, commentCount + 1);
  if (audience < 2) commentCount = 0;
  const commentTimes = Array.from({ length: commentCount }, () => reactionMs(rng, post.ms, ctx.anchorMs, 150)).sort((a, b) => a - b);
  for (const ms of commentTimes) {
    const commenter = reactor();
    const body = slots.fill(replyText(rng, commenter, post), rng, ms, commenter, group, author);
    const id = ctx.newId(ms);
    reactions.comments.push({ tenant_id: tenantId, id, post_id: post.id, author_id: commenter.id, body, mentions: slots.mentions(body), created_at: iso(ms), edited_at: null });
    reactions.events.push({ ms, entity: 'comment', id, scope: post.scope });
  }

  const popular = post.kind === 'pinned' || LIKED.includes(post.template.reply);
  let likeCount = Math.floor((MAX_LIKES + 1) * rng.next() ** (popular ? 1.3 : 2.2));
  if (post.kind === 'pinned') likeCount = rng.int(15, 30);
  likeCount = Math.min(MAX_LIKES, likeCount, audience - 1);
  const likers = new Set<Person>();
  for (let attempt = 0; likers.size < likeCount && attempt < likeCount * 10; attempt++) {
    const p = reactor();
    if (p !== author) likers.add(p);
  }
  for (const p of likers) {
    const ms = reactionMs(rng, post.ms, ctx.anchorMs, 240);
    reactions.likes.push({ tenant_id: tenantId, post_id: post.id, person_id: p.id, created_at: iso(ms) });
    reactions.events.push({ ms, entity: 'like', id: likeKey(post.id, p.id), scope: `person:${p.id}` });
  }
  return reactions;
}

/** Mostly a reply that fits the post; the author does not mention themselves. */
function replyText(rng: Rng, commenter: Person, post: WrittenPost): string {
  const r = rng.next();
  let pool = r < 0.65 ? REPLIES[post.template.reply] : r < 0.9 ? REPLIES.algemeen : REPLIES.noemen;
  if (commenter === post.author && pool === REPLIES.noemen) pool = REPLIES.algemeen;
  const text = rng.pick(pool);
  return commenter === post.author && text.includes('{@auteur}') ? rng.pick(REPLIES.algemeen) : text;
}

/** A moment after `fromMs` and before the anchor, mostly within hours. */
function reactionMs(rng: Rng, fromMs: number, anchorMs: number, meanMinutes: number): number {
  const delay = (1 + -Math.log(1 - rng.next()) * meanMinutes) * 60_000;
  let ms = fromMs + delay;
  if (ms >= anchorMs) ms = fromMs + (anchorMs - fromMs) * rng.next();
  return Math.max(fromMs, Math.min(Math.floor(ms), anchorMs - 1));
}

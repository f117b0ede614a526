import type { CommentsTable, ImagesTable, LikesTable, PostHashtagsTable, PostsTable } from '../db/schema.js';
import type { FeedEvent } from './changeFeed.js';
import { Colleagues } from './colleagues.js';
import type { SeedContext } from './context.js';
import type { Groups } from './groups.js';
import type { ImageFactory } from './images.js';
import type { Organisation } from './organisation.js';
import type { People } from './people.js';
import { planPosts } from './postPlan.js';
import { PostWriter, hashtagRows, postRow } from './posts.js';
import { reactTo } from './reactions.js';
import { TemplateSlots } from './templateSlots.js';

/** What writing a post or a reply draws on. */
export interface Writing {
  ctx: SeedContext;
  tenantId: string;
  people: People;
  colleagues: Colleagues;
  slots: TemplateSlots;
}

export interface Timeline {
  posts: PostsTable[];
  postHashtags: PostHashtagsTable[];
  /** In time order. */
  comments: CommentsTable[];
  likes: LikesTable[];
  /** The post pictures. */
  images: ImagesTable[];
  /** Posts, comments and likes for the change feed, in the order they were written. */
  events: FeedEvent[];
}

/**
 * 90 days of posts with their comments and likes. Each post is reacted to before the next one is
 * written: posts and comments take their ids from one sequence, in that order.
 */
export async function writeTimeline(ctx: SeedContext, org: Organisation, people: People, groups: Groups, factory: ImageFactory | null): Promise<Timeline> {
  const colleagues = new Colleagues(people);
  const slots = new TemplateSlots(org, people, colleagues);
  const writing: Writing = { ctx, tenantId: org.tenantId, people, colleagues, slots };
  const writer = new PostWriter(writing, factory);
  const timeline: Timeline = { posts: [], postHashtags: [], comments: [], likes: [], images: [], events: [] };
  for (const planned of planPosts(ctx, groups)) {
    const post = await writer.write(planned);
    if (post.image) timeline.images.push(post.image);
    const { comments, likes, events } = reactTo(post, writing);
    timeline.comments.push(...comments);
    timeline.likes.push(...likes);
    timeline.events.push(...events, { ms: post.ms, entity: 'post', id: post.id, scope: post.scope });
    timeline.posts.push(postRow(org.tenantId, post, { likes: likes.length, comments: comments.length }));
    timeline.postHashtags.push(...hashtagRows(org.tenantId, post));
  }
  timeline.comments.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  return timeline;
}

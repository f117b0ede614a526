import { parseHashtags } from '../../../common/src/text/hashtags.js';
import type { ImagesTable, PostHashtagsTable, PostsTable } from '../db/schema.js';
import { iso } from './context.js';
import { groupScope, type Group } from './groups.js';
import { ImageFactory } from './images.js';
import type { Person } from './people.js';
import { imageRow } from './pictures.js';
import type { PlannedPost } from './postPlan.js';
import { WeightedPool } from './prng.js';
import { GROUP_TEMPLATES, ORG_TEMPLATES, PINNED_TEMPLATES, type PostTemplate } from './texts.js';
import type { Writing } from './timeline.js';

/** Post pictures in one organisation at most, so big seeds stay fast and small. */
const MAX_POST_IMAGES = 60;
/** Chance that a post whose template has a picture topic shows one. */
const IMAGE_CHANCE = 0.22;
/** An organisation-wide template does not come back within this many posts, as far as the draws allow. */
const RECENT_TEMPLATES = 40;

export interface WrittenPost {
  id: string;
  ms: number;
  kind: PlannedPost['kind'];
  group: Group | null;
  template: PostTemplate;
  author: Person;
  body: string;
  hashtags: string[];
  /** The `mentions` column. */
  mentions: string;
  /** `scope` of its change-feed row, and of its comments'. */
  scope: string;
  /** The `images` column. */
  imageRefs: string;
  image: ImagesTable | null;
}

/**
 * Writes each planned post: its template and author (Carla pins the announcements; a group's members
 * write in it), its text and maybe a picture. Posts are written in plan order, as the template rounds
 * and the picture budget carry over from one post to the next.
 */
export class PostWriter {
  private readonly orgTemplates = new WeightedPool(ORG_TEMPLATES, (t) => t.weight ?? 1);
  private readonly groupQueues = new Map<Group, PostTemplate[]>();
  private readonly recentTemplates: PostTemplate[] = [];
  private team3bSeen = 0;
  private postImages = 0;

  constructor(
    private readonly writing: Writing,
    private readonly factory: ImageFactory | null,
  ) {}

  async write(planned: PlannedPost): Promise<WrittenPost> {
    const { ctx, slots } = this.writing;
    const { ms, group } = planned;
    const { template, author } = this.templateAndAuthor(planned);
    const id = ctx.newId(ms);
    const body = slots.fill(template.text, ctx.rng.texts, ms, author, group);
    const post = { id, ms, kind: planned.kind, group, template, author, body, hashtags: parseHashtags(body), mentions: slots.mentions(body), scope: groupScope(group) };
    const image = await this.picture(post);
    return { ...post, imageRefs: image ? JSON.stringify([{ id: image.id, width: image.width, height: image.height }]) : '[]', image };
  }

  private templateAndAuthor(planned: PlannedPost): { template: PostTemplate; author: Person } {
    const { ctx, people, colleagues } = this.writing;
    const rng = ctx.rng.texts;
    const { group } = planned;
    let template: PostTemplate;
    let author: Person;
    if (planned.kind === 'pinned') {
      template = PINNED_TEMPLATES[planned.pinnedIndex]!;
      author = people.fixed.carla;
    } else if (group) {
      // Each group goes through its templates in a shuffled round before repeating one.
      let queue = this.groupQueues.get(group);
      if (!queue || queue.length === 0) this.groupQueues.set(group, (queue = rng.shuffle([...GROUP_TEMPLATES[group.topic]])));
      template = queue.pop()!;
      author = group.pool.pick(rng);
    } else {
      template = this.orgTemplates.pick(rng);
      for (let retry = 0; retry < 4 && this.recentTemplates.includes(template); retry++) template = this.orgTemplates.pick(rng);
      this.recentTemplates.push(template);
      if (this.recentTemplates.length > RECENT_TEMPLATES) this.recentTemplates.shift();
      author = colleagues.authors(template.pool).pick(rng);
    }
    if (planned.kind === 'team3b') {
      // The first post of Team 3B is its team leader's; Anna writes two.
      if (this.team3bSeen === 0) author = people.ward3bLeader;
      if (this.team3bSeen === 2 || this.team3bSeen === 5) author = people.fixed.anna;
      this.team3bSeen++;
    }
    return { template, author };
  }

  private async picture(post: { id: string; ms: number; template: PostTemplate; author: Person }): Promise<ImagesTable | null> {
    const { ctx, tenantId } = this.writing;
    const rng = ctx.rng.images;
    if (!this.factory || !post.template.image || this.postImages >= MAX_POST_IMAGES || !rng.chance(IMAGE_CHANCE)) return null;
    const asset = await this.factory.scene(post.template.image, rng.int(0, ImageFactory.VARIANTS - 1));
    this.postImages++;
    return imageRow(tenantId, ctx.newImageId(post.ms), asset, post.author.id, post.id, post.ms);
  }
}

export function postRow(tenantId: string, post: WrittenPost, counts: { likes: number; comments: number }): PostsTable {
  return {
    tenant_id: tenantId,
    id: post.id,
    author_id: post.author.id,
    group_id: post.group?.id ?? null,
    body: post.body,
    hashtags: JSON.stringify(post.hashtags),
    mentions: post.mentions,
    images: post.imageRefs,
    pinned: post.kind === 'pinned' ? 1 : 0,
    like_count: counts.likes,
    comment_count: counts.comments,
    created_at: iso(post.ms),
    edited_at: null,
  };
}

export const hashtagRows = (tenantId: string, post: WrittenPost): PostHashtagsTable[] =>
  post.hashtags.map((tag) => ({ tenant_id: tenantId, tag, post_id: post.id, created_at: iso(post.ms) }));

import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Audience } from '../../../common/src/api/routes/mailings.js';
import type { Database, MailingsTable } from '../db/schema.js';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../http/apiError.js';
import { loadMailPoll } from './composePoll.js';
import type { MailContent } from './render.js';

export interface ComposeInput {
  subject: string;
  intro: string;
  postIds: string[];
  pageIds: string[];
  pollId: string | null;
  mandatory: boolean;
}

/** A new mailing as a draft: its content and audience as chosen, nothing rendered or queued yet. */
export function draftRow(tenantId: string, input: ComposeInput, audience: Audience, createdBy: string, now: Date): MailingsTable {
  return {
    tenant_id: tenantId,
    id: uuidv7(now.getTime()),
    subject: input.subject,
    intro: input.intro,
    post_ids: JSON.stringify(input.postIds),
    page_ids: JSON.stringify(input.pageIds),
    poll_id: input.pollId,
    audience: JSON.stringify(audience),
    mandatory: input.mandatory ? 1 : 0,
    status: 'draft',
    send_at: null,
    html: null,
    text: null,
    token_marker: null,
    recipient_count: null,
    transport: null,
    created_by: createdBy,
    created_at: now.toISOString(),
    queued_at: null,
    finished_at: null,
  };
}

/**
 * The content of a mailing from what is in the intranet now, in the order the editor chose. Only
 * what every employee may read can go in a mailing: a post in a private group is refused as if it
 * did not exist, so a mailing cannot carry it to people outside the group.
 */
export async function loadContent(
  k: Kysely<Database>,
  tenantId: string,
  input: ComposeInput,
  o: { baseUrl: string; now: Date; editor?: Principal },
): Promise<MailContent> {
  const org = await k
    .selectFrom('organisations')
    .select(['name', 'intranet_name', 'primary_color', 'accent_color', 'logo_image_id'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const posts =
    input.postIds.length === 0
      ? []
      : await k
          .selectFrom('posts')
          .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'posts.tenant_id').onRef('people.id', '=', 'posts.author_id'))
          .leftJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
          .select(['posts.id', 'posts.body', 'posts.images', 'posts.created_at', 'people.name as author_name', 'groups.visibility'])
          .where('posts.tenant_id', '=', tenantId)
          .where('posts.id', 'in', input.postIds)
          .execute();
  const readable = new Map(posts.filter((p) => p.visibility !== 'private').map((p) => [p.id, p]));
  const missingPost = input.postIds.findIndex((id) => !readable.has(id));
  if (missingPost !== -1) {
    throw new ApiError('validation', 'Niet alles is goed ingevuld.', [{ path: `body.postIds.${missingPost}`, message: 'Dit bericht bestaat niet (meer) of staat in een besloten groep.' }]);
  }
  const pages =
    input.pageIds.length === 0
      ? []
      : await k.selectFrom('kb_pages').select(['id', 'title', 'body']).where('tenant_id', '=', tenantId).where('id', 'in', input.pageIds).execute();
  const pageById = new Map(pages.map((p) => [p.id, p]));
  const missingPage = input.pageIds.findIndex((id) => !pageById.has(id));
  if (missingPage !== -1) {
    throw new ApiError('validation', 'Niet alles is goed ingevuld.', [{ path: `body.pageIds.${missingPage}`, message: 'Deze pagina bestaat niet (meer).' }]);
  }
  const poll = input.pollId === null ? null : await loadMailPoll(k, tenantId, input.pollId, o);
  return {
    subject: input.subject,
    intro: input.intro,
    mandatory: input.mandatory,
    posts: [...new Set(input.postIds)].map((id) => {
      const p = readable.get(id)!;
      return { id, authorName: p.author_name, createdAt: p.created_at, body: p.body, imageCount: (JSON.parse(p.images) as unknown[]).length };
    }),
    pages: [...new Set(input.pageIds)].map((id) => pageById.get(id)!),
    poll,
    organisation: {
      name: org.name,
      intranetName: org.intranet_name,
      primaryColor: org.primary_color,
      accentColor: org.accent_color,
      hasLogo: org.logo_image_id !== null,
    },
    baseUrl: o.baseUrl,
  };
}

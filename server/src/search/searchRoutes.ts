import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { analyse } from '../../../common/src/search/analyse.js';
import { synonymTable } from '../../../common/src/search/synonyms.js';
import { amsterdamDay } from '../auth/pinPolicy.js';
import { deviceKindOf, requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { recordClick, recordSearch } from './searchLog.js';
import { search } from './searchQuery.js';
import { searchStats } from './stats.js';
import { loadSynonyms, saveSynonyms } from './synonyms.js';

const STATS_DAYS_MAX = 366;

export function registerSearchRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.search, async ({ query, principal: p }) => {
    const who = { tenantId: p.tenantId, personId: p.kind === 'person' ? p.personId : null };
    const synonyms = synonymTable((await loadSynonyms(ctx.k, p.tenantId)).items);
    const answer = await search(ctx.db, who, query.q, query.limit, synonyms);
    const searchId = query.searchId ?? uuidv7(ctx.now().getTime());
    await recordSearch(ctx.k, {
      tenantId: p.tenantId,
      searchId,
      query: query.q,
      normalised: [...new Set(analyse(query.q).map((t) => t.term))].join(' '),
      resultCount: answer.results.length,
      deviceKind: deviceKindOf(p),
      at: ctx.now(),
    });
    return { results: answer.results, searchId };
  });

  register(app, ctx, routes.recordSearchClick, async ({ body, principal: p }) => {
    const known = await recordClick(ctx.k, { tenantId: p.tenantId, searchId: body.searchId, kind: body.kind, targetId: body.id, position: body.position, at: ctx.now() });
    if (!known) throw notFound('Deze zoekopdracht is niet bekend.');
    return { ok: true as const };
  });

  register(app, ctx, routes.searchStats, async ({ query, principal: p }) => {
    requireRole(p, 'editor');
    const to = query.to ?? amsterdamDay(ctx.now());
    const from = query.from ?? amsterdamDay(new Date(Date.parse(to) - 29 * 86_400_000));
    if (from > to) throw new ApiError('validation', 'De begindatum ligt na de einddatum.', [{ path: 'query.from', message: 'Kies een begindatum vóór de einddatum.' }]);
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= STATS_DAYS_MAX) {
      throw new ApiError('validation', 'Kies een periode van hoogstens een jaar.', [{ path: 'query.from', message: 'Hoogstens 366 dagen.' }]);
    }
    return searchStats(ctx.k, p.tenantId, from, to);
  });

  register(app, ctx, routes.getSynonyms, async ({ principal: p }) => loadSynonyms(ctx.k, p.tenantId));

  register(app, ctx, routes.setSynonyms, async ({ body, principal: p }) => {
    requireRole(p, 'editor');
    if (body.reset === undefined && body.items === undefined) {
      throw new ApiError('validation', 'Stuur een lijst met synoniemen, of kies de standaardlijst.', [{ path: 'body.items', message: 'Ontbreekt.' }]);
    }
    await saveSynonyms(ctx.k, p.tenantId, body.reset ? null : (body.items ?? []), ctx.now());
    return loadSynonyms(ctx.k, p.tenantId);
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteBody, RouteDef, RouteParams, RouteQuery, RouteResponse } from '../../../common/src/api/route.js';
import { authenticate, type PrincipalFor } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { claimKey, completeKey, releaseKey, requestFingerprint, validKey } from '../idempotency/store.js';
import { ApiError } from './apiError.js';
import { timedRoute } from './serverTiming.js';

export interface HandlerInput<R extends RouteDef> {
  params: RouteParams<R>;
  query: RouteQuery<R>;
  body: R['bodyKind'] extends 'binary' ? Buffer : RouteBody<R>;
  principal: PrincipalFor<R['auth']>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** Returned by a handler that wrote the reply itself (a stream, image bytes). */
export const REPLY_SENT = Symbol('reply sent');

export type Handler<R extends RouteDef> = (input: HandlerInput<R>) => Promise<RouteResponse<R> | typeof REPLY_SENT>;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Registers one route from its declaration in common/: validates params, query and body with the
 * shared zod schemas, authenticates as the route's `auth` asks (a delivery grant only where it is
 * `grantable`), and applies Idempotency-Key semantics to a person's writes.
 */
export function register<R extends RouteDef>(
  app: FastifyInstance,
  ctx: ServerContext,
  route: R,
  handler: Handler<R>,
  options: { bodyLimit?: number; fingerprintBody?: boolean } = {},
): void {
  app.route({
    method: route.method,
    url: route.path,
    config: { serverTiming: timedRoute(route) },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (req, reply) => {
      // Who is asking comes first: a caller without access learns nothing, not even what a valid body is.
      const principal = await authenticate(ctx, req, route);
      const params = parse(route.params, req.params, 'params');
      const query = parse(route.query, req.query, 'query');
      const body = route.bodyKind === 'binary' ? req.body : parse(route.body, req.body ?? undefined, 'body');
      const input = { params, query, body, principal, req, reply } as HandlerInput<R>;

      const key = req.headers['idempotency-key'];
      // Keys belong to a person, so a write first sent with the session and retried with the delivery
      // grant is still the same write. A device alone (a badge tap) has no keys.
      if (principal?.kind !== 'person' || !WRITE_METHODS.has(route.method) || key === undefined) {
        return respond(reply, route, await handler(input));
      }
      if (typeof key !== 'string' || !validKey(key)) {
        throw new ApiError('validation', 'Idempotency-Key moet 1 tot 255 zichtbare tekens zijn.');
      }
      const scope = { tenantId: principal.tenantId, principal: `person:${principal.personId}`, key };
      const fingerprint = requestFingerprint(
        route.method,
        req.url,
        options.fingerprintBody === false ? null : route.bodyKind === 'binary' ? (req.body as Buffer).toString('base64') : req.body,
      );
      const claim = await claimKey(ctx, scope, fingerprint);
      if (claim.kind === 'replay') {
        void reply.header('idempotent-replayed', 'true');
        return reply.status(claim.response.status).send(claim.response.body);
      }
      try {
        const result = await handler(input);
        await completeKey(ctx, scope, { status: route.status ?? 200, body: result });
        return respond(reply, route, result);
      } catch (err) {
        // A client error is the answer to this request and is replayed; a server error or a rate
        // limit is not, so the client may try the same key again.
        if (err instanceof ApiError && err.status < 500 && err.code !== 'rate_limited') {
          await completeKey(ctx, scope, { status: err.status, body: err.toBody() });
        } else {
          await releaseKey(ctx, scope);
        }
        throw err;
      }
    },
  });
}

function respond<R extends RouteDef>(reply: FastifyReply, route: R, result: unknown) {
  if (result === REPLY_SENT) return reply;
  return reply.status(route.status ?? 200).send(result);
}

function parse(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) {
    if (where === 'body' && value !== undefined && value !== null && !isEmptyObject(value)) {
      throw new ApiError('validation', 'Dit verzoek heeft geen inhoud nodig.');
    }
    return undefined;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // A malformed id in the path names nothing that exists.
  if (where === 'params') throw new ApiError('not_found', 'Niet gevonden.');
  const fields = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ApiError('validation', 'Niet alles is goed ingevuld.', fields);
}

const isEmptyObject = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length === 0;

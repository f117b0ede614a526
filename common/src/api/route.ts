import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route, declared once: the server registers and validates from it, the client calls through
 * it, and /v1/openapi.json is generated from it.
 */
export interface RouteDef {
  method: HttpMethod;
  /** Fastify path syntax: `/v1/posts/:id`. */
  path: string;
  summary: string;
  /**
   * `none`: public. `session`: a person's session token in `Authorization: Bearer`; a session made on
   * an enrolled device also needs that device's token in `X-Samen-Device`. `device`: only the device
   * token (`X-Samen-Device`), e.g. a badge tap on the lock screen. `sessionOrDevice`: either (a device
   * alone sees only what every employee sees).
   */
  auth: 'none' | 'session' | 'device' | 'sessionOrDevice';
  /**
   * A delivery grant (a token scoped to one person, one device and the write routes, issued at a
   * shared-device login) may call this route in place of a session token, so writes queued offline
   * are delivered as the person who made them.
   */
  grantable?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** `binary`: the raw request body is the payload (image upload); `body` is then not used. */
  bodyKind?: 'json' | 'binary';
  response: z.ZodType;
  /** Success status; 200 unless set. */
  status?: number;
}

export const defineRoute = <const R extends RouteDef>(route: R): R => route;

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
type Input<T> = T extends z.ZodType ? z.input<T> : undefined;

export type RouteParams<R extends RouteDef> = Infer<R['params']>;
export type RouteQuery<R extends RouteDef> = Infer<R['query']>;
export type RouteBody<R extends RouteDef> = Infer<R['body']>;
export type RouteBodyInput<R extends RouteDef> = Input<R['body']>;
export type RouteQueryInput<R extends RouteDef> = Input<R['query']>;
export type RouteResponse<R extends RouteDef> = z.output<R['response']>;

/** Fills `:name` segments of a route path; values are URI-encoded. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

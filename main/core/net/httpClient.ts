import { buildPath, type RouteBodyInput, type RouteDef, type RouteParams, type RouteQueryInput, type RouteResponse } from '../../../common/src/api/route.js';
import { routes, type RouteName, type Routes } from '../../../common/src/api/routes.js';
import { errorFromAnswer, offlineError, type NetError, type NetResult } from './netError.js';

export interface RequestOptions<R extends RouteDef> {
  token?: string | null;
  params?: RouteParams<R>;
  query?: RouteQueryInput<R>;
  body?: R['bodyKind'] extends 'binary' ? { bytes: Uint8Array; mime: string } : RouteBodyInput<R>;
  /** Sent on writes; the server answers a repeated key with the first answer. */
  idempotencyKey?: string;
  /** Extra headers, e.g. Last-Event-ID on the event stream. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Default: the client's timeout. 0 for a stream that stays open. */
  timeoutMs?: number;
}

export interface HttpClient {
  /** A JSON route; the answer is checked against the route's response schema. */
  call<N extends RouteName>(name: N, opts?: RequestOptions<Routes[N]>): Promise<NetResult<RouteResponse<Routes[N]>>>;
  /** A route that answers with bytes (images). */
  bytes<N extends RouteName>(name: N, opts?: RequestOptions<Routes[N]>): Promise<NetResult<{ bytes: Uint8Array; mime: string }>>;
  /** A route whose answer is passed on as it is, headers and all (a video's range, streamed). */
  response<N extends RouteName>(name: N, opts?: RequestOptions<Routes[N]>): Promise<NetResult<Response>>;
  /** A route that answers with a stream (server-sent events). */
  stream<N extends RouteName>(name: N, opts?: RequestOptions<Routes[N]>): Promise<NetResult<ReadableStream<Uint8Array>>>;
}

export const DEVICE_HEADER = 'x-samen-device';

export interface HttpClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** An enrolled device's token: sent with every request as X-Samen-Device. */
  deviceToken?: () => string | null;
  /** The server refused the device token that was sent (revoked or unknown). */
  onDeviceUnlinked?: (sentToken: string) => void;
}

/**
 * Calls the server over the shared route table. Expected failures (no network, HTTP errors, a
 * malformed answer) come back as values, never as exceptions.
 */
export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const defaultTimeout = opts.timeoutMs ?? 30_000;

  async function send(route: RouteDef, o: RequestOptions<RouteDef>): Promise<NetResult<Response>> {
    const url = new URL(baseUrl + buildPath(route.path, (o.params ?? {}) as Record<string, string>));
    for (const [key, value] of Object.entries((o.query ?? {}) as Record<string, unknown>)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const device = opts.deviceToken?.() ?? null;
    if (device) headers[DEVICE_HEADER] = device;
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    let body: string | Uint8Array | undefined;
    if (route.bodyKind === 'binary') {
      const binary = o.body as { bytes: Uint8Array; mime: string } | undefined;
      if (binary) {
        headers['content-type'] = binary.mime;
        body = binary.bytes;
      }
    } else if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const timeoutMs = o.timeoutMs ?? defaultTimeout;
    const signals = [o.signal, timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
    try {
      const res = await doFetch(url, {
        method: route.method,
        headers,
        ...(body !== undefined ? { body: body as NonNullable<RequestInit['body']> } : {}),
        ...(signals.length ? { signal: AbortSignal.any(signals) } : {}),
      });
      if (res.ok) return { ok: true, value: res };
      const error = errorFromAnswer(res.status, await res.text().catch(() => ''), res.headers.get('retry-after'));
      if (device && error.serverCode === 'device_unlinked') opts.onDeviceUnlinked?.(device);
      return { ok: false, error };
    } catch (err) {
      return { ok: false, error: offlineError(err instanceof Error ? err.message : 'request failed') };
    }
  }

  const malformed = (message: string): { ok: false; error: NetError } => ({
    ok: false,
    error: { code: 'server_error', message, status: 200, serverCode: null, retryable: true },
  });

  return {
    async call(name, o = {}) {
      const route = routes[name];
      const sent = await send(route, o as RequestOptions<RouteDef>);
      if (!sent.ok) return sent;
      let json: unknown;
      try {
        json = await sent.value.json();
      } catch {
        return malformed(`${name}: answer is not JSON`);
      }
      const parsed = route.response.safeParse(json);
      if (!parsed.success) return malformed(`${name}: answer does not match the API (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      return { ok: true, value: parsed.data as RouteResponse<Routes[typeof name]> };
    },
    async bytes(name, o = {}) {
      const sent = await send(routes[name], o as RequestOptions<RouteDef>);
      if (!sent.ok) return sent;
      try {
        const bytes = new Uint8Array(await sent.value.arrayBuffer());
        return { ok: true, value: { bytes, mime: sent.value.headers.get('content-type') ?? 'application/octet-stream' } };
      } catch (err) {
        return { ok: false, error: offlineError(err instanceof Error ? err.message : 'download failed') };
      }
    },
    response: (name, o = {}) => send(routes[name], o as RequestOptions<RouteDef>),
    async stream(name, o = {}) {
      const sent = await send(routes[name], { timeoutMs: 0, ...(o as RequestOptions<RouteDef>), headers: { accept: 'text/event-stream', ...o.headers } });
      if (!sent.ok) return sent;
      if (!sent.value.body) return malformed(`${name}: answer has no body`);
      return { ok: true, value: sent.value.body };
    },
  };
}

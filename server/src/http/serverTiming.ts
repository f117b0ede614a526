import type { FastifyInstance } from 'fastify';
import type { RouteDef } from '../../../common/src/api/route.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Whether the route's answers say how long the node took (see `registerServerTiming`). */
    serverTiming?: boolean;
  }
}

/**
 * Routes answered to a signed-in person or a kiosk say how long they took. Those by which someone
 * proves who they are (a password, a badge, a PIN, an enrolment code) do not: they are built to take
 * as long for a number nobody has as for a real one, and a duration to the tenth of a millisecond,
 * free of the network's noise, would be the finest probe of whatever difference is left.
 */
export function timedRoute(route: Pick<RouteDef, 'auth'>): boolean {
  return route.auth === 'session' || route.auth === 'sessionOrDevice';
}

/**
 * Answers of timed routes say how long this node took over them (`Server-Timing: app;dur=<ms>`, from
 * the request's arrival to its answer, errors included), so a slow request seen by a client, nginx or
 * the load bench is told apart from time on the network or in the client itself. Streams written by
 * hand carry none.
 */
export function registerServerTiming(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.config.serverTiming) reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });
}

import type { FastifyInstance } from 'fastify';

/**
 * Every answer says how long this node took over it (`Server-Timing: app;dur=<ms>`, from the request's
 * arrival to its answer), so a slow request seen by a client, nginx or the load bench is told apart
 * from time spent on the network or in the client itself. Streams written by hand carry none.
 */
export function registerServerTiming(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });
}

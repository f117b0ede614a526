import { z } from 'zod';
import { errorCodes } from './errors.js';
import { NotificationSchema } from './entities.js';
import { SyncChangeSchema } from './sync.js';

/**
 * The shared part of the feed from `since` up to `next`, carried by a `seq` event when it is small:
 * a client whose shared cursor stands anywhere from `since` to before `next` applies the changes
 * after its cursor and moves it to `next`, as a pull of the shared part would, without pulling. The
 * changes are a complete page from `since` (each entity's last change after it, with its current
 * state), so the ones after any later cursor are exactly that cursor's page.
 */
export const SharedDeltaSchema = z.object({
  since: z.number().int(),
  next: z.number().int(),
  changes: z.array(SyncChangeSchema),
});
export type SharedDelta = z.infer<typeof SharedDeltaSchema>;

/**
 * Server-sent events on /v1/events, by event name. Every `seq` and `notification` event's SSE id is a
 * change-feed seq, so a client that reconnects with Last-Event-ID gets every user-directed event it
 * missed and the newest seq.
 */
export const serverEvents = {
  /**
   * Changes up to this seq exist: pull /v1/sync. `personal: false` says none of them is in the
   * person's own part (her items, her private groups), so only the shared part needs a pull; absent
   * (an older server), pull both. `shared`, when there, saves the pull of the shared part; one that
   * does not fit its schema (a change of a kind this client does not know) is dropped, and the client
   * pulls as without it.
   */
  seq: z.object({ seq: z.number().int(), personal: z.boolean().optional(), shared: SharedDeltaSchema.optional().catch(undefined) }),
  /** A mention or a reply for the person whose stream this is. */
  notification: z.object({ seq: z.number().int(), notification: NotificationSchema }),
  /** The session (or the device) is no longer valid; the stream ends after this. */
  'session-ended': z.object({ code: z.enum(errorCodes) }),
  /**
   * The same person or device opened more streams than the server allows, and this is the oldest; the
   * stream ends after this. The session is still good: catch up on a timer instead of reconnecting,
   * which would only push out the newer stream in turn.
   */
  'stream-replaced': z.object({}),
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerEventData<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;
export type ServerEvent = { [E in ServerEventName]: { type: E; data: ServerEventData<E> } }[ServerEventName];

/** One event as the SSE wire carries it; `id` is left out for events that are not part of the feed. */
export function formatServerEvent<E extends ServerEventName>(type: E, id: number | null, data: ServerEventData<E>): string {
  return formatServerEventJson(type, id, JSON.stringify(data));
}

/** As `formatServerEvent`, for data already serialised (once, for many streams); it must fit the event's schema. */
export function formatServerEventJson(type: ServerEventName, id: number | null, json: string): string {
  return `event: ${type}\n${id === null ? '' : `id: ${id}\n`}data: ${json}\n\n`;
}

/** An event as received, checked against its schema; null for an unknown name or a body that does not fit. */
export function parseServerEvent(type: string, data: string): ServerEvent | null {
  if (!Object.hasOwn(serverEvents, type)) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = serverEvents[type as ServerEventName].safeParse(json);
  return parsed.success ? ({ type, data: parsed.data } as ServerEvent) : null;
}

import { z } from 'zod';
import { NotificationSchema } from './entities.js';

/**
 * Server-sent events on /v1/events. Every event's SSE id is a change-feed seq, so a client that
 * reconnects with Last-Event-ID gets every user-directed event it missed and the newest seq.
 */
export const SeqEventSchema = z.object({ seq: z.number().int() });
export const NotificationEventSchema = z.object({ seq: z.number().int(), notification: NotificationSchema });

export type ServerEvent =
  | { type: 'seq'; data: z.infer<typeof SeqEventSchema> }
  | { type: 'notification'; data: z.infer<typeof NotificationEventSchema> };

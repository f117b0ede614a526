import { SYNC_PROTOCOL } from '../../../common/src/api/sync.js';
import { parseServerEvent, type ServerEvent } from '../../../common/src/api/events.js';
import type { HttpClient } from '../net/httpClient.js';
import type { NetError } from '../net/netError.js';
import { createSseParser } from './sseParser.js';

export interface EventStreamHandlers {
  onOpen(): void;
  onEvent(event: ServerEvent): void;
  /** The stream's last event id moved on; pass it back as `lastEventId` when reconnecting. */
  onEventId(id: string): void;
}

/**
 * Reads GET /v1/events until it ends. Resolves with why it ended: `closed` (stream ended, idle too
 * long, or aborted) or the error that kept it from opening. The caller decides when to reconnect
 * and passes the last event id it saw, so nothing said meanwhile is lost.
 */
export async function readEventStream(
  http: HttpClient,
  o: { token: string | null; lastEventId: string | null; signal: AbortSignal; idleTimeoutMs: number },
  handlers: EventStreamHandlers,
): Promise<{ ended: 'closed' } | { ended: 'failed'; error: NetError }> {
  const idle = new AbortController();
  const opened = await http.stream('events', {
    token: o.token,
    query: { protocol: SYNC_PROTOCOL },
    ...(o.lastEventId ? { headers: { 'last-event-id': o.lastEventId } } : {}),
    signal: AbortSignal.any([o.signal, idle.signal]),
  });
  if (!opened.ok) return { ended: 'failed', error: opened.error };
  handlers.onOpen();

  // The server sends a heartbeat every few seconds; silence for longer means the line is dead.
  let timer = setTimeout(() => idle.abort(), o.idleTimeoutMs);
  const reader = opened.value.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  let lastId = o.lastEventId;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), o.idleTimeoutMs);
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        if (message.lastEventId !== null && message.lastEventId !== lastId) {
          lastId = message.lastEventId;
          handlers.onEventId(lastId);
        }
        const event = parseServerEvent(message.event, message.data);
        if (event) handlers.onEvent(event);
      }
    }
  } catch {
    // Aborted or the connection dropped: either way the stream is over.
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  return { ended: 'closed' };
}

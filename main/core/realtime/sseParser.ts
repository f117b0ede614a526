/** One server-sent event as the stream delivered it. */
export interface SseMessage {
  event: string;
  data: string;
  /** The last `id:` seen on the stream so far (ids persist across events, per the SSE rules). */
  lastEventId: string | null;
}

/**
 * Incremental parser for `text/event-stream`: feed it decoded text in any chunking, get whole
 * events back. Follows the WHATWG rules for `event`, `data` (multi-line), `id` and comments.
 */
export function createSseParser() {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastEventId: string | null = null;

  const field = (line: string): SseMessage | null => {
    if (line === '') {
      const message = data.length ? { event: event || 'message', data: data.join('\n'), lastEventId } : null;
      event = '';
      data = [];
      return message;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'event') event = value;
    else if (name === 'data') data.push(value);
    else if (name === 'id' && !value.includes('\u0000')) lastEventId = value;
    return null;
  };

  return {
    push(text: string): SseMessage[] {
      buffer += text;
      const out: SseMessage[] = [];
      // A lone \r at the end may be the first half of \r\n: wait for the next chunk.
      const lines = buffer.split(/\r\n|\r(?!$)|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const message = field(line);
        if (message) out.push(message);
      }
      return out;
    },
  };
}

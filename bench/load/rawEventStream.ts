import net from 'node:net';

/**
 * One event stream read straight off its socket: the request written by hand, the status and headers
 * read once, then the body de-chunked by a small state machine and handed on as it arrives.
 *
 * Why not `http.get`: at ten thousand streams on one core the generator's own work was what the
 * figures measured. Its core ran at 90 to 110 % through Samen's runs while the server's had idle
 * time, and node's HTTP client parses every read through its parser and a readable stream per
 * response. Here each read lands in one buffer shared by all streams of the process (node's `onread`,
 * no Buffer made and no stream event per read), so push latency counts the server's lateness rather
 * than the reader's. What a handler keeps of `body`'s bytes it must copy: the next read overwrites them.
 */
export interface RawStreamHandlers {
  /** The response's status; anything but 200 ends the stream after this. */
  status(code: number): void;
  /** Body bytes as they came off one read (chunk framing removed). */
  body(bytes: Buffer): void;
  closed(): void;
}

const HEADERS_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');
const CR = 0x0d;
const LF = 0x0a;
/** Longest status line and headers a stream's response may have before it is given up on. */
const MAX_HEAD = 16 * 1024;
/** Every read of this process lands here, one at a time; handlers copy what they keep. */
const readBuffer = Buffer.alloc(64 * 1024);

export function openRawStream(url: string, path: string, headers: Record<string, string>, on: RawStreamHandlers): net.Socket {
  const { hostname, port } = new URL(url);
  const onread = {
    buffer: readBuffer,
    callback: (n: number) => {
      take(readBuffer.subarray(0, n));
      return true;
    },
  };
  const socket = net.connect({ host: hostname, port: Number(port), onread });
  const lines = [`GET ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);

  let head: Buffer | null = Buffer.alloc(0);
  let body: ((bytes: Buffer) => Buffer[]) | null = null;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    on.closed();
  };
  const take = (data: Buffer) => {
    if (body) {
      let pieces: Buffer[];
      try {
        pieces = body(data);
      } catch {
        // Framing that makes no sense: the stream is counted as ended, as a client would drop it.
        return void socket.destroy();
      }
      if (pieces.length > 0) on.body(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces));
      return;
    }
    head = Buffer.concat([head!, data]);
    const at = head.indexOf(HEADERS_END);
    if (at === -1) {
      if (head.length > MAX_HEAD) socket.destroy();
      return;
    }
    const text = head.toString('latin1', 0, at);
    const code = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
    on.status(code);
    if (code !== 200) return void socket.destroy();
    body = /\r\ntransfer-encoding:\s*chunked/i.test(text) ? dechunker() : (bytes) => [bytes];
    const rest = head.subarray(at + HEADERS_END.length);
    head = null;
    // The body's first bytes came with the headers: taken as any later read is.
    if (rest.length > 0) take(rest);
  };
  socket.on('close', end);
  socket.on('error', () => socket.destroy());
  return socket;
}

/**
 * HTTP/1.1 chunked transfer coding: `<hex size>[;ext]\r\n<size bytes>\r\n`, repeated, size 0 last.
 * Returns, per read, the payload pieces it held; a size line or payload cut by a read carries over.
 */
export function dechunker(): (bytes: Buffer) => Buffer[] {
  /** Payload bytes of the current chunk still to come. */
  let remaining = 0;
  /** The CRLF after a chunk's payload still to be skipped (0 to 2 bytes). */
  let trailer = 0;
  let sizeLine: Buffer | null = null;
  return (bytes) => {
    const pieces: Buffer[] = [];
    let i = 0;
    while (i < bytes.length) {
      if (remaining > 0) {
        const take = Math.min(remaining, bytes.length - i);
        pieces.push(bytes.subarray(i, i + take));
        i += take;
        remaining -= take;
        if (remaining === 0) trailer = 2;
        continue;
      }
      if (trailer > 0) {
        const skip = Math.min(trailer, bytes.length - i);
        i += skip;
        trailer -= skip;
        continue;
      }
      // A size line cut by a read right between its CR and LF ends with this read's first byte.
      const cutAtLf = sizeLine?.at(-1) === CR && bytes[i] === LF;
      const eol = cutAtLf ? i : bytes.indexOf(CRLF, i);
      if (eol === -1) {
        sizeLine = sizeLine ? Buffer.concat([sizeLine, bytes.subarray(i)]) : Buffer.from(bytes.subarray(i));
        break;
      }
      const line = (sizeLine ? Buffer.concat([sizeLine, bytes.subarray(i, eol)]) : bytes.subarray(i, eol)).toString('latin1');
      sizeLine = null;
      i = cutAtLf ? i + 1 : eol + 2;
      const size = parseInt(line.replace(/\r$/, '').split(';')[0]!, 16);
      if (!Number.isFinite(size)) throw new Error(`not a chunk size: ${JSON.stringify(line)}`);
      remaining = size;
      if (size === 0) trailer = 2;
    }
    return pieces;
  };
}

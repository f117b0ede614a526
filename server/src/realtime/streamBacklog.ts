/** What an event stream's writes need of its socket. */
export interface StreamSocket {
  readonly destroyed: boolean;
  /** Bytes written but still waiting in this process: the kernel's buffer for the socket is full. */
  readonly writableLength: number;
  write(bytes: string | Buffer): boolean;
  destroy(): void;
}

/**
 * Writes to an event stream's socket, and cuts the stream when more than `limitBytes` wait in this
 * process for it. A client that stops reading (a PC asleep with its connection half open, a network
 * that drops packets) would otherwise have every later event kept for it here: at shift start, with
 * ten thousand streams, that is the node's memory. Its client reconnects with Last-Event-ID and
 * catches up with one pull instead of the backlog. Answers whether the stream is still open.
 */
export function writeOrCut(socket: StreamSocket, bytes: string | Buffer, limitBytes: number): boolean {
  if (socket.destroyed) return false;
  socket.write(bytes);
  if (socket.writableLength <= limitBytes) return true;
  socket.destroy();
  return false;
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SHELL_COOKIE = 'samen_shell';

/**
 * Keeps every other web page and every other local user out of the browser shell: a random token per
 * start (handed over once in the printed link, then kept in an HttpOnly SameSite=Strict cookie), the
 * Host header pinned to loopback (DNS rebinding), and writes accepted only from our own Origin.
 */
export function createGuard(port: () => number) {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const sameToken = (candidate: string | undefined) => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };
  const origins = () => [`http://127.0.0.1:${port()}`, `http://localhost:${port()}`];

  return {
    token,
    sameToken,
    hostAllowed(req: IncomingMessage): boolean {
      return origins().some((o) => o === `http://${req.headers.host ?? ''}`);
    },
    hasCookie(req: IncomingMessage): boolean {
      return sameToken(readCookie(req, SHELL_COOKIE));
    },
    /** For writes (RPC): the browser states where the request came from; only our own page may call. */
    originAllowed(req: IncomingMessage): boolean {
      const origin = req.headers.origin;
      if (origin !== undefined) return origins().includes(origin);
      const site = req.headers['sec-fetch-site'];
      return site === 'same-origin';
    },
    cookieHeader(): string {
      return `${SHELL_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

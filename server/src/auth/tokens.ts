import { createHash, randomBytes } from 'node:crypto';

/**
 * A session token is `<tenant id>.<secret>`. The tenant part lets the server find the session by the
 * tenant-leading primary key; only a SHA-256 of the secret is stored, so a database leak holds no
 * usable tokens.
 */
export function makeToken(tenantId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId}.${secret}`, hash: hashTokenSecret(secret) };
}

export function parseToken(token: string): { tenantId: string; hash: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  return { tenantId: match[1]!, hash: hashTokenSecret(match[2]!) };
}

const hashTokenSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

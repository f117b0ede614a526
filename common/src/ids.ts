/** Source of random bytes; injectable so the seed generator can make deterministic ids. */
export type RandomBytes = (n: number) => Uint8Array;

// Web Crypto exists in Node 20 and in the renderer, so common/ stays runnable in both.
const cryptoRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Ids are made where a thing is created (also on the client, offline), so they sort by creation time
 * and need no mapping when an outbox item reaches the server.
 */
export function uuidv7(timeMs: number = Date.now(), random: RandomBytes = cryptoRandom): string {
  const bytes = random(16);
  let t = Math.floor(timeMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const DATA_KEY_BYTES = 32;
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals what the outbox keeps on disk (bodies, image bytes, grants) with AES-256-GCM under the
 * outbox's data key. Each value is bound to where it belongs (`context`, e.g. the item id and
 * field), so a sealed value copied into another row does not open there.
 */
export interface OutboxCipher {
  seal(plain: Uint8Array | string, context: string): Buffer;
  /** The plain bytes; null when the value was sealed with another key, for another place, or altered. */
  open(sealed: Uint8Array, context: string): Buffer | null;
}

export const newDataKey = (): Buffer => randomBytes(DATA_KEY_BYTES);

export function createOutboxCipher(key: Uint8Array): OutboxCipher {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`outbox data key must be ${DATA_KEY_BYTES} bytes`);
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, context) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT) return null;
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
      } catch {
        return null;
      }
    },
  };
}

/** Where each sealed value of the outbox file belongs: the context it is sealed to. */
export const sealedAt = {
  payload: (itemId: string) => `outbox/${itemId}/payload`,
  grant: (itemId: string) => `outbox/${itemId}/grant`,
  image: (localId: string) => `image/${localId}`,
  video: (localId: string) => `video/${localId}`,
  notice: (noticeId: string) => `notice/${noticeId}`,
  keyCheck: 'key-check',
} as const;

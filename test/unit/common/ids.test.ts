import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../common/src/ids.js';

describe('UUIDv7 ids made where things are created', () => {
  it('are valid version-7 UUIDs that sort by creation time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
  it('are deterministic given the same random source', () => {
    const zeros = (n: number) => new Uint8Array(n);
    expect(uuidv7(0, zeros)).toBe(uuidv7(0, zeros));
    expect(uuidv7()).not.toBe(uuidv7());
  });
});

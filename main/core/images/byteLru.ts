/** A least-recently-used map bounded by the total size of its values in bytes. */
export function createByteLru<V extends { bytes: Uint8Array }>(maxBytes: number) {
  const entries = new Map<string, V>();
  let total = 0;
  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: V) {
      if (value.bytes.length > maxBytes) return;
      const old = entries.get(key);
      if (old) total -= old.bytes.length;
      entries.delete(key);
      entries.set(key, value);
      total += value.bytes.length;
      for (const [k, v] of entries) {
        if (total <= maxBytes) break;
        entries.delete(k);
        total -= v.bytes.length;
      }
    },
    clear() {
      entries.clear();
      total = 0;
    },
  };
}

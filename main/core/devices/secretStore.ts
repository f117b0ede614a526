import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the device keeps its secrets (the device token, the outbox's data key). main/electron
 * implements it with the operating system's protection (safeStorage); the browser shell keeps a file
 * in the data folder; tests keep it in memory. `get` answers null for a secret that is absent or
 * cannot be read.
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

const fileName = (name: string) => `${name.replace(/[^a-z0-9-]/gi, '_')}.secret`;

/**
 * Secrets as plain files (mode 0600, in a folder of mode 0700) in `<dataDir>/secrets`, for the browser
 * shell and development: readable by the user who runs it (and administrators) only, protected by
 * those permissions alone. The desktop app uses safeStorage instead.
 */
export function fileSecretStore(dataDir: string): SecretStore {
  const dir = path.join(dataDir, 'secrets');
  const file = (name: string) => path.join(dir, fileName(name));
  return {
    get(name) {
      try {
        return readFileSync(file(name), 'utf8');
      } catch {
        return null;
      }
    },
    set(name, value) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // The modes given when creating do not change a folder or file that was already there.
      chmodSync(dir, 0o700);
      writeFileSync(file(name), value, { mode: 0o600 });
      chmodSync(file(name), 0o600);
    },
    delete(name) {
      rmSync(file(name), { force: true });
    },
  };
}

/** Secrets for this run only: for tests, and where no protected storage exists (enrol again after a restart). */
export function memorySecretStore(initial: Record<string, string> = {}): SecretStore & { readonly values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}

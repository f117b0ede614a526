import { safeStorage } from 'electron';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Secrets (the device token) encrypted with the operating system's protection (DPAPI on Windows,
 * Keychain on macOS, libsecret on Linux) and kept as files in the app's data folder. Where the OS
 * offers no protection, nothing is stored: the device then needs a new enrolment code after a restart
 * rather than leaving its token in plain text.
 */
export function safeStorageSecretStore(dir: string) {
  const file = (name: string) => path.join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.secret`);
  return {
    get(name: string): string | null {
      try {
        return safeStorage.decryptString(readFileSync(file(name)));
      } catch {
        return null;
      }
    },
    set(name: string, value: string): void {
      if (!safeStorage.isEncryptionAvailable()) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(name), safeStorage.encryptString(value), { mode: 0o600 });
    },
    delete(name: string): void {
      rmSync(file(name), { force: true });
    },
  };
}

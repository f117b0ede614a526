import { safeStorage } from 'electron';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../core/devices/secretStore.js';

/**
 * Secrets (the device token, the outbox's data key) encrypted with the operating system's protection
 * (DPAPI on Windows, Keychain on macOS, libsecret on Linux) and kept as files in the app's data
 * folder. Where the OS offers no protection, nothing is stored: the device then needs a new enrolment
 * code after a restart, and writes still waiting at exit are dropped (their authors are told), rather
 * than leaving a token or a key in plain text. A key store that was reset makes `get` answer null.
 */
export function safeStorageSecretStore(dir: string): SecretStore {
  const file = (name: string) => path.join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.secret`);
  // On Linux without a keyring safeStorage falls back to a key built into Chromium: that is no protection.
  const protectedByOs = () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return {
    get(name) {
      try {
        return safeStorage.decryptString(readFileSync(file(name)));
      } catch {
        return null;
      }
    },
    set(name, value) {
      if (!protectedByOs()) return;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file(name), safeStorage.encryptString(value), { mode: 0o600 });
    },
    delete(name) {
      rmSync(file(name), { force: true });
    },
  };
}

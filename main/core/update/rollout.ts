import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where this device stands in a release's staged rollout, from 0 (first) to 100: the same on every
 * check, so raising the percentage only ever adds devices. The version is part of the draw, so the same
 * few devices are not always the first to meet a new release.
 */
export function rolloutPosition(deviceId: string, version: string): number {
  const digest = createHash('sha256').update(`${deviceId}\n${version}`).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

/** A release without a percentage is for everyone. */
export function withinRollout(deviceId: string, release: { version: string; stagingPercentage?: number | undefined }): boolean {
  if (release.stagingPercentage === undefined) return true;
  return rolloutPosition(deviceId, release.version) < release.stagingPercentage;
}

/** A random id for this installation, kept in the data folder (not tied to a person or the hardware). */
export function updateDeviceId(dataDir: string): string {
  const file = path.join(dataDir, 'update-id');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f-]{36}$/.test(id)) return id;
  } catch {
    // First start, or a damaged file: a new id puts the device at a new place in the rollout, nothing worse.
  }
  const id = randomUUID();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, id);
  return id;
}

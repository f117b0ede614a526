import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideRelease, insideWindow, mayInstall } from '../../../../main/core/update/updatePolicy.js';
import { rolloutPosition, updateDeviceId, withinRollout } from '../../../../main/core/update/rollout.js';
import { compareVersions } from '../../../../main/core/update/version.js';
import { tempDirs } from '../../../fixtures/core/harness.js';

const sha = 'A'.repeat(86) + '==';
const release = (version: string, stagingPercentage?: number) => ({ version, files: [{ url: `Samen-Setup-${version}.exe`, sha512: sha }], ...(stagingPercentage === undefined ? {} : { stagingPercentage }) });
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('release versions', () => {
  it('compare as semver: numbers by value, a pre-release before its release', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBeGreaterThan(0);
    expect(compareVersions('1.2.0', '1.2.0')).toBe(0);
    expect(compareVersions('2.0.0-beta.2', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0-beta.10', '2.0.0-beta.2')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0-1', '2.0.0-alpha')).toBeLessThan(0);
    expect(compareVersions('v1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.0')).toBeNull();
    expect(compareVersions('latest', '1.0.0')).toBeNull();
  });
});

describe('which release a device takes', () => {
  it('only a newer one: the same version is up to date, an older one is refused as a downgrade', () => {
    expect(decideRelease({ current: '1.4.0', release: release('1.5.0'), deviceId: 'd' })).toEqual({ take: true });
    expect(decideRelease({ current: '1.4.0', release: release('1.4.0'), deviceId: 'd' })).toEqual({ take: false, reason: 'same_version' });
    expect(decideRelease({ current: '1.4.0', release: release('1.3.9'), deviceId: 'd' })).toEqual({ take: false, reason: 'downgrade' });
  });

  it('in a staged rollout, about the share of devices the percentage says, each always the same way', () => {
    const devices = Array.from({ length: 2000 }, (_, i) => `device-${i}`);
    const inAt = (p: number) => devices.filter((id) => withinRollout(id, release('1.5.0', p)));
    expect(inAt(0)).toEqual([]);
    expect(inAt(100)).toHaveLength(2000);
    expect(inAt(25).length).toBeGreaterThan(400);
    expect(inAt(25).length).toBeLessThan(600);
    // Raising the percentage only adds devices: everyone already in stays in.
    const at50 = new Set(inAt(50));
    expect(inAt(25).every((id) => at50.has(id))).toBe(true);
    expect(rolloutPosition('device-7', '1.5.0')).toBe(rolloutPosition('device-7', '1.5.0'));
    const out = devices.find((id) => !withinRollout(id, release('1.5.0', 10)))!;
    expect(decideRelease({ current: '1.4.0', release: release('1.5.0', 10), deviceId: out })).toEqual({ take: false, reason: 'not_in_rollout' });
    expect(decideRelease({ current: '1.4.0', release: release('1.5.0'), deviceId: out })).toEqual({ take: true });
  });
});

describe('when an update may install', () => {
  const night = { from: '02:00', to: '05:00' };

  it('never while someone is logged in, on any mode', () => {
    for (const mode of ['workstation', 'shared', 'kiosk'] as const) {
      expect(mayInstall({ mode, someoneLoggedIn: true, minuteOfDay: at('03:00'), maintenanceWindow: night })).toBe(false);
    }
  });

  it('on a workstation whenever nobody is logged in; on shared PCs and kiosks only inside the window', () => {
    expect(mayInstall({ mode: 'workstation', someoneLoggedIn: false, minuteOfDay: at('14:00'), maintenanceWindow: night })).toBe(true);
    expect(mayInstall({ mode: 'shared', someoneLoggedIn: false, minuteOfDay: at('14:00'), maintenanceWindow: night })).toBe(false);
    expect(mayInstall({ mode: 'kiosk', someoneLoggedIn: false, minuteOfDay: at('02:00'), maintenanceWindow: night })).toBe(true);
    expect(mayInstall({ mode: 'kiosk', someoneLoggedIn: false, minuteOfDay: at('05:00'), maintenanceWindow: night })).toBe(false);
  });

  it('with a window over midnight', () => {
    const w = { from: '23:30', to: '01:00' };
    expect(insideWindow(at('23:45'), w)).toBe(true);
    expect(insideWindow(at('00:30'), w)).toBe(true);
    expect(insideWindow(at('01:00'), w)).toBe(false);
    expect(insideWindow(at('12:00'), w)).toBe(false);
  });
});

describe('the id a device draws its rollout place with', () => {
  const tempDir = tempDirs();

  it('is made once and kept in the data folder; a damaged one is replaced', () => {
    const dir = tempDir();
    const id = updateDeviceId(dir);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(updateDeviceId(dir)).toBe(id);
    writeFileSync(path.join(dir, 'update-id'), 'not an id');
    const fresh = updateDeviceId(dir);
    expect(fresh).not.toBe(id);
    expect(readFileSync(path.join(dir, 'update-id'), 'utf8')).toBe(fresh);
  });
});

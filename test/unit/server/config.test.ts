import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../server/src/config.js';

describe('server configuration: PIN lockout', () => {
  it('locks for 15 minutes unless told otherwise', () => {
    expect(readServerConfig([], {}).pinLockoutSeconds).toBe(900);
  });

  it('takes the flag over the environment variable', () => {
    expect(readServerConfig([], { SAMEN_PIN_LOCKOUT_SECONDS: '5' }).pinLockoutSeconds).toBe(5);
    expect(readServerConfig(['--pin-lockout-seconds', '3'], { SAMEN_PIN_LOCKOUT_SECONDS: '5' }).pinLockoutSeconds).toBe(3);
  });

  it('names the flag when the value is wrong', () => {
    for (const value of ['0', 'soon', '1.5', '100000']) {
      expect(() => readServerConfig(['--pin-lockout-seconds', value], {})).toThrow(/--pin-lockout-seconds/);
    }
  });
});

describe('the update feed folder', () => {
  it('is off unless named, and is taken from the flag before the environment variable, as an absolute path', () => {
    expect(readServerConfig([], {}).updatesDir).toBeUndefined();
    expect(readServerConfig([], { SAMEN_UPDATES_DIR: '/srv/samen/updates' }).updatesDir).toBe('/srv/samen/updates');
    expect(readServerConfig(['--updates-dir', 'releases'], { SAMEN_UPDATES_DIR: '/srv/x' }).updatesDir).toBe(path.resolve('releases'));
  });
});

import { describe, expect, it } from 'vitest';
import { startOverrides } from '../../../scripts/startSettings.js';

describe('npm start and the machine-wide config', () => {
  it('without a config file starts the embedded demo server for a workstation in the data folder', () => {
    expect(startOverrides({}, {}, '/home/anna/samen')).toEqual({
      overrides: { mode: 'workstation', dataDir: '/home/anna/samen/client' },
      embeddedServer: true,
    });
  });

  it("uses the file's server, mode and data folder when the command line says nothing", () => {
    const file = { serverUrl: 'https://intranet.zorggroep.nl', mode: 'shared', dataDir: '/var/lib/samen' };
    expect(startOverrides(file, {}, '/home/anna/samen')).toEqual({ overrides: {}, embeddedServer: false });
  });

  it('lets each flag win over the file', () => {
    const file = { serverUrl: 'https://intranet.zorggroep.nl', mode: 'shared', idleSeconds: 120, dataDir: '/var/lib/samen' };
    const flags = { server: 'http://127.0.0.1:8080', mode: 'kiosk', idleSeconds: 20, enrolmentCode: 'K7QF-M2XD', data: '/tmp/demo' };
    expect(startOverrides(file, flags, '/tmp/demo')).toEqual({
      overrides: { serverUrl: 'http://127.0.0.1:8080', mode: 'kiosk', idleSeconds: 20, enrolmentCode: 'K7QF-M2XD', dataDir: '/tmp/demo/client' },
      embeddedServer: false,
    });
  });
});

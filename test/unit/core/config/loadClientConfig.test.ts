import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClientConfig } from '../../../../main/core/config/loadClientConfig.js';
import { tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();

function configFile(content: string): string {
  const file = path.join(tempDir(), 'samen.json');
  writeFileSync(file, content);
  return file;
}

describe('the machine-wide client config', () => {
  it('is read with defaults for what IT left out; the idle lock is then the organisation’s, the badge reader a common one', () => {
    const file = configFile(JSON.stringify({ serverUrl: 'https://intranet.zorggroep.nl/', mode: 'shared' }));
    expect(loadClientConfig(file, { defaultDataDir: '/var/lib/samen' })).toEqual({
      ok: true,
      config: {
        serverUrl: 'https://intranet.zorggroep.nl',
        mode: 'shared',
        organisation: undefined,
        idleSeconds: undefined,
        enrolmentCode: undefined,
        dataDir: '/var/lib/samen',
        badgeReader: { layout: 'us', terminator: 'enter', minChars: 6, maxGapMs: 30 },
        startAtLogin: false,
        updates: { enabled: true, checkEveryHours: 4, maintenanceWindow: { from: '02:00', to: '05:00' }, feedUrl: 'https://intranet.zorggroep.nl/v1/updates' },
        kioskWakeHours: null,
      },
    });
  });

  it('lets IT start Samen at login, and refuses anything but true or false', () => {
    expect(loadClientConfig(configFile(JSON.stringify({ serverUrl: 'https://a.example', mode: 'workstation', startAtLogin: true })), { defaultDataDir: '/d' })).toMatchObject({ ok: true, config: { startAtLogin: true } });
    expect(loadClientConfig(configFile(JSON.stringify({ serverUrl: 'https://a.example', mode: 'workstation', startAtLogin: 'ja' })), { defaultDataDir: '/d' })).toMatchObject({
      ok: false,
      problems: [{ field: 'startAtLogin', message: 'must be true or false' }],
    });
  });

  it('takes an idle time and a one-time enrolment code for a ward PC', () => {
    const file = configFile(JSON.stringify({ serverUrl: 'https://a.example', mode: 'shared', idleSeconds: 30, enrolmentCode: ' K7PX-2QMD ' }));
    expect(loadClientConfig(file, { defaultDataDir: '/data' })).toMatchObject({ ok: true, config: { idleSeconds: 30, enrolmentCode: 'K7PX-2QMD' } });
  });

  it('takes the badge reader’s layout, terminator, minimum length and gap, with defaults for what is left out', () => {
    const file = configFile(JSON.stringify({ serverUrl: 'https://a.example', mode: 'shared', badgeReader: { layout: 'azerty', terminator: 'tab' } }));
    expect(loadClientConfig(file, { defaultDataDir: '/data' })).toMatchObject({
      ok: true,
      config: { badgeReader: { layout: 'azerty', terminator: 'tab', minChars: 6, maxGapMs: 30 } },
    });
    const slow = configFile(JSON.stringify({ serverUrl: 'https://a.example', mode: 'kiosk', badgeReader: { terminator: 'none', minChars: 8, maxGapMs: 45 } }));
    expect(loadClientConfig(slow, { defaultDataDir: '/data' })).toMatchObject({
      ok: true,
      config: { badgeReader: { layout: 'us', terminator: 'none', minChars: 8, maxGapMs: 45 } },
    });
  });

  it('names every wrong or unknown badge reader setting, with its place in the file', () => {
    const file = configFile(
      JSON.stringify({ serverUrl: 'https://a.example', mode: 'shared', badgeReader: { layout: 'qwertz', terminator: 'CR', minChars: 3, maxGapMs: 200, beep: true } }),
    );
    const result = loadClientConfig(file, { defaultDataDir: '/data' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'badgeReader.beep',
      'badgeReader.layout',
      'badgeReader.maxGapMs',
      'badgeReader.minChars',
      'badgeReader.terminator',
    ]);
    expect(result.message).toContain('badgeReader.layout: must be one of us, azerty');
    expect(result.message).toContain('badgeReader.terminator: must be one of enter, tab, none');
    expect(result.message).toContain('badgeReader.minChars: must be at least 6');
    expect(result.message).toContain('badgeReader.maxGapMs: must be at most 50 ms');
    expect(result.message).toContain('badgeReader.beep: is not a known setting');
    expect(loadClientConfig(configFile(JSON.stringify({ serverUrl: 'https://a.example', mode: 'shared', badgeReader: 'usb' })), { defaultDataDir: '/data' })).toMatchObject({
      ok: false,
      problems: [{ field: 'badgeReader', message: expect.stringContaining('must be an object') }],
    });
  });

  it('names every wrong, missing or unknown field in one answer', () => {
    const file = configFile(JSON.stringify({ serverUrl: 'ftp://x', mode: 'tablet', idleSeconds: 2.5, sever: 'typo' }));
    const result = loadClientConfig(file, { defaultDataDir: '/data' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['idleSeconds', 'mode', 'serverUrl', 'sever']);
    expect(result.message).toContain('serverUrl: must be an http:// or https:// URL');
    expect(result.message).toContain('mode: must be one of workstation, shared, kiosk');
    expect(result.message).toContain('sever: is not a known setting');
  });

  it('says which required field is missing', () => {
    const result = loadClientConfig(configFile('{"mode": "kiosk"}'), { defaultDataDir: '/data' });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'serverUrl', message: 'is required' }] });
  });

  it('explains a file that is missing or not JSON instead of throwing', () => {
    expect(loadClientConfig(path.join(tempDir(), 'absent.json'), { defaultDataDir: '/data' })).toMatchObject({
      ok: false,
      problems: [{ field: '(file)', message: 'not found' }],
    });
    expect(loadClientConfig(configFile('{ serverUrl: nope'), { defaultDataDir: '/data' })).toMatchObject({
      ok: false,
      problems: [{ field: '(file)', message: expect.stringContaining('not valid JSON') }],
    });
  });

  it('lets a developer override the file, and resolves a relative data folder next to the file', () => {
    const file = configFile(JSON.stringify({ serverUrl: 'https://a.example', mode: 'workstation', dataDir: 'cache' }));
    const result = loadClientConfig(file, { defaultDataDir: '/data', overrides: { serverUrl: 'http://127.0.0.1:8080', idleSeconds: 60 } });
    expect(result).toMatchObject({ ok: true, config: { serverUrl: 'http://127.0.0.1:8080', idleSeconds: 60, dataDir: path.join(path.dirname(file), 'cache') } });
  });
});

describe('every field of the machine-wide config, right and wrong', () => {
  const base = { serverUrl: 'https://intranet.zorggroep.nl', mode: 'shared' };
  const problems = (extra: Record<string, unknown>) => {
    const result = loadClientConfig(configFile(JSON.stringify({ ...base, ...extra })), { defaultDataDir: '/d' });
    return result.ok ? [] : result.problems;
  };

  it.each([
    ['serverUrl', { serverUrl: 'https://intranet.zorggroep.nl:8443/samen' }],
    ['serverUrl on loopback', { serverUrl: 'http://127.0.0.1:8080' }],
    ['serverUrl localhost', { serverUrl: 'http://localhost:8080' }],
    ['mode', { mode: 'kiosk' }],
    ['organisation', { organisation: 'zorggroep-noord' }],
    ['idleSeconds', { idleSeconds: 120 }],
    ['enrolmentCode', { enrolmentCode: 'K7PX-2QMD' }],
    ['dataDir', { dataDir: 'D:\\Samen' }],
    ['badgeReader', { badgeReader: { layout: 'azerty' } }],
    ['startAtLogin', { startAtLogin: true }],
    ['updates', { updates: { enabled: false, checkEveryHours: 6, maintenanceWindow: { from: '23:00', to: '04:30' } } }],
    ['updates.feedUrl', { updates: { feedUrl: 'https://updates.zorggroep.nl/samen/' } }],
    ['kioskWakeHours', { kioskWakeHours: { from: '06:30', to: '22:00' } }],
  ])('takes a good %s', (_, extra) => {
    expect(problems(extra)).toEqual([]);
  });

  it.each([
    ['serverUrl', { serverUrl: 'http://intranet.zorggroep.nl' }, 'must be https://'],
    ['serverUrl', { serverUrl: 42 }, 'must be an http:// or https:// URL'],
    ['mode', { mode: 'tablet' }, 'must be one of'],
    ['organisation', { organisation: 'Zorggroep Noord' }, 'must be a slug'],
    ['idleSeconds', { idleSeconds: '120' }, 'must be a number of seconds'],
    ['enrolmentCode', { enrolmentCode: 'AB' }, 'at least 4'],
    ['dataDir', { dataDir: '' }, 'must not be empty'],
    ['badgeReader.layout', { badgeReader: { layout: 'dvorak' } }, ''],
    ['startAtLogin', { startAtLogin: 1 }, 'must be true or false'],
    ['updates.enabled', { updates: { enabled: 'nee' } }, 'must be true or false'],
    ['updates.checkEveryHours', { updates: { checkEveryHours: 0 } }, 'at least 1'],
    ['updates.checkEveryHours', { updates: { checkEveryHours: 'vaak' } }, 'must be a number of hours'],
    ['updates.maintenanceWindow.from', { updates: { maintenanceWindow: { from: '25:00', to: '05:00' } } }, 'HH:MM'],
    ['updates.maintenanceWindow', { updates: { maintenanceWindow: '02:00-05:00' } }, 'from and to'],
    ['kioskWakeHours.to', { kioskWakeHours: { from: '06:00', to: 22 } }, 'HH:MM'],
    ['updates.feedUrl', { updates: { feedUrl: 'http://updates.zorggroep.nl/' } }, 'must be https://'],
    ['updates', { updates: true }, 'must be an object with enabled'],
    ['idleSeconds', { idleSeconds: 0 }, 'at least 1 seconds'],
    ['enrolmentCode', { enrolmentCode: 1234 }, 'must not be empty'],
  ])('names %s when it is wrong', (field, extra, message) => {
    expect(problems(extra)).toEqual([expect.objectContaining({ field, message: expect.stringContaining(message) })]);
  });

  it.each([
    ['updates.autoInstall', { updates: { autoInstall: true } }],
    ['kioskWakeHours.days', { kioskWakeHours: { from: '06:00', to: '22:00', days: 'ma-vr' } }],
    ['serverURL', { serverURL: 'https://x.nl' }],
  ])('refuses the unknown field %s', (field, extra) => {
    expect(problems(extra)).toEqual([{ field, message: 'is not a known setting', nl: 'is geen bekende instelling (tikfout?)' }]);
  });

  it('takes the update feed from the server unless IT names another', () => {
    const own = loadClientConfig(configFile(JSON.stringify({ ...base, updates: { feedUrl: 'https://updates.zorggroep.nl/samen/' } })), { defaultDataDir: '/d' });
    expect(own).toMatchObject({ ok: true, config: { updates: { feedUrl: 'https://updates.zorggroep.nl/samen', enabled: true } } });
  });
});

describe('the config’s problems in Dutch', () => {
  const wrong = {
    serverUrl: 'http://intranet.zorggroep.nl',
    mode: 'tablet',
    organisation: 'Zorggroep Noord',
    idleSeconds: 2.5,
    enrolmentCode: 'AB',
    dataDir: '',
    badgeReader: { layout: 'dvorak', terminator: 'CR', minChars: 'zes', maxGapMs: 200, beep: true },
    startAtLogin: 'ja',
    updates: { enabled: 'nee', checkEveryHours: 48, maintenanceWindow: { from: '2 uur', to: '05:00' }, feedUrl: 'ftp://x' },
    kioskWakeHours: '06:00-22:00',
    sever: 'typo',
  };

  it('name every field, in Dutch and in English, each with a Dutch line of its own', () => {
    const result = loadClientConfig(configFile(JSON.stringify(wrong)), { defaultDataDir: '/d' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThanOrEqual(16);
    for (const p of result.problems) {
      expect(p.nl, `${p.field}: ${p.message}`).not.toMatch(/^is niet goed/);
      expect(result.message).toContain(`${p.field}: ${p.nl}`);
      expect(result.message).toContain(`${p.field}: ${p.message}`);
    }
    expect(result.message.split('\n')[0]).toMatch(/^Samen-configuratie .* klopt niet: /);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { field: 'serverUrl', message: expect.any(String), nl: 'moet met https:// beginnen (http:// alleen op deze computer zelf: localhost, 127.0.0.1, ::1)' },
        { field: 'mode', message: expect.any(String), nl: 'moet een van deze waarden zijn: workstation, shared, kiosk' },
        { field: 'idleSeconds', message: expect.any(String), nl: 'moet een heel aantal seconden zijn' },
        { field: 'enrolmentCode', message: expect.any(String), nl: 'moet minstens 4 tekens lang zijn' },
        { field: 'badgeReader.maxGapMs', message: expect.any(String), nl: 'mag hoogstens 50 ms zijn, anders lijkt snel typen op een paslezer' },
        { field: 'updates.checkEveryHours', message: expect.any(String), nl: 'mag hoogstens 24 zijn' },
        { field: 'updates.maintenanceWindow.from', message: expect.any(String), nl: 'moet een tijd UU:MM zijn' },
        { field: 'sever', message: 'is not a known setting', nl: 'is geen bekende instelling (tikfout?)' },
      ]),
    );
  });

  it('say in Dutch what is wrong with the file itself', () => {
    expect(loadClientConfig(path.join(tempDir(), 'absent.json'), { defaultDataDir: '/d' })).toMatchObject({ ok: false, problems: [{ field: '(file)', nl: 'niet gevonden' }] });
    expect(loadClientConfig(configFile('[1, 2]'), { defaultDataDir: '/d' })).toMatchObject({ ok: false, problems: [{ field: '(file)', nl: 'moet één JSON-object bevatten' }] });
    expect(loadClientConfig(configFile('{ serverUrl: nope'), { defaultDataDir: '/d' })).toMatchObject({ ok: false, problems: [{ field: '(file)', nl: expect.stringMatching(/^is geen geldige JSON/) }] });
  });
});

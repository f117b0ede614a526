import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../common/src/ipc/contract.js';
import type { ClientMode } from '../../../../common/src/ipc/views.js';
import { DEFAULT_NOTICE_SETTINGS, NoticeKind, type NoticeSettings } from '../../../../common/src/notify/notices.js';
import { createNoticeCenter, type DesktopNotice, type TrayState } from '../../../../main/core/notify/noticeCenter.js';
import { isQuiet } from '../../../../main/core/notify/noticePolicy.js';
import { createNoticeSettingsStore } from '../../../../main/core/notify/noticeSettingsStore.js';
import { MAIN_TEXTS } from '../../../../main/core/notify/noticeTexts.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';

const silentLog = { info() {}, warn() {}, error() {} };
const postA = '018f0000-0000-7000-8000-00000000000a';
const postB = '018f0000-0000-7000-8000-00000000000b';

/** A notice center on a machine of `mode` with Anna logged in, at 10:00 local time. */
function machine(mode: ClientMode, o: { dataDir?: string } = {}) {
  const time = manualTime(new Date(2025, 2, 3, 10, 0, 0).getTime());
  const state = { here: 'anna' as string | null };
  const onScreen: EventPayload<'notification'>[] = [];
  const desktop: DesktopNotice[] = [];
  const tray: TrayState[] = [];
  const center = createNoticeCenter({
    mode,
    clock: time.clock,
    timers: time.timers,
    settings: createNoticeSettingsStore({ dataDir: o.dataDir ?? mkdtempSync(path.join(tmpdir(), 'samen-notices-')), log: silentLog }),
    personId: () => state.here,
    onScreen: (n) => onScreen.push(n),
  });
  center.onDesktop((n) => desktop.push(n));
  center.onTray((s) => tray.push(s));
  return { time, state, center, onScreen, desktop, tray };
}

const mention = (actorName: string, postId = postA) => ({ kind: 'mention' as const, actorName, postId });

describe('operating-system notifications on a workstation', () => {
  it('show a mention at once, in Dutch, and a click opens the post', () => {
    const m = machine('workstation');
    m.center.tell(mention('Bram Jansen'));
    expect(m.desktop).toEqual([{ title: 'Samen', body: 'Bram Jansen noemde je in een bericht', postId: postA }]);
    expect(m.onScreen).toEqual([mention('Bram Jansen')]);
  });

  it('tell a group admin of a request to join, and a click opens the group', () => {
    const m = machine('workstation');
    const group = '018f0000-0000-7000-8000-0000000000aa';
    m.center.tell({ kind: 'join_request', actorName: 'Bram Jansen', groupId: group });
    expect(m.desktop).toEqual([{ title: 'Samen', body: 'Bram Jansen wil lid worden van je groep', groupId: group }]);
    m.center.setLanguage('en');
    m.center.tell({ kind: 'join_request', actorName: 'Eva de Boer', groupId: group });
    m.time.advance(60_000);
    expect(m.desktop.map((n) => n.body)).toEqual(['Bram Jansen wil lid worden van je groep', 'Eva de Boer asks to join your group']);
    expect(m.tray.at(-1)?.unread).toBe(2);
  });

  it('speak the language the renderer chose', () => {
    const m = machine('workstation');
    m.center.setLanguage('en');
    m.center.tell({ kind: 'reply', actorName: 'Bram Jansen', postId: postA });
    expect(m.desktop.map((n) => n.body)).toEqual(['Bram Jansen replied to your post']);
  });

  it('bundle a burst: one at once, the rest as one when the minute is over, opening the latest post', () => {
    const m = machine('workstation');
    m.center.tell({ kind: 'reply', actorName: 'Bram', postId: postA });
    m.time.advance(5_000);
    m.center.tell({ kind: 'reply', actorName: 'Carla', postId: postA });
    m.time.advance(5_000);
    m.center.tell({ kind: 'reply', actorName: 'Dirk', postId: postB });
    m.time.advance(49_999);
    expect(m.desktop.map((n) => n.body)).toEqual(['Bram reageerde op je bericht']);
    m.time.advance(1);
    expect(m.desktop.slice(1)).toEqual([{ title: 'Samen', body: '2 nieuwe reacties op je berichten', postId: postB }]);
    expect(m.onScreen).toHaveLength(3);
    expect(m.time.pendingTimers()).toBe(0);
  });

  it('show at most one per kind per minute, while other kinds have their own minute', () => {
    const m = machine('workstation');
    m.center.tell(mention('Bram'));
    m.center.tell({ kind: 'read_required', actorName: 'Directie', postId: postB });
    m.time.advance(30_000);
    m.center.tell(mention('Carla'));
    m.time.advance(29_999);
    expect(m.desktop.map((n) => n.body)).toEqual(['Bram noemde je in een bericht', 'Lezen verplicht: bericht van Directie']);
    m.time.advance(1);
    expect(m.desktop.map((n) => n.body).at(-1)).toBe('Carla noemde je in een bericht');
    // The bundle just shown started a new minute: the next one waits for its end.
    m.time.advance(59_000);
    m.center.tell(mention('Dirk'));
    expect(m.desktop).toHaveLength(3);
    m.time.advance(1_000);
    expect(m.desktop).toHaveLength(4);
  });

  it('stay silent under "niet storen" and in quiet hours, yet the window still shows and counts them', () => {
    const m = machine('workstation');
    m.center.setSettings({ ...DEFAULT_NOTICE_SETTINGS, doNotDisturb: true });
    m.center.tell(mention('Bram'));
    m.center.setSettings({ ...DEFAULT_NOTICE_SETTINGS, quietHours: { from: '09:30', to: '11:00' } });
    m.time.advance(120_000);
    m.center.tell(mention('Carla'));
    expect(m.desktop).toEqual([]);
    expect(m.onScreen).toHaveLength(2);
    expect(m.center.trayState().unread).toBe(2);
    m.time.advance(60 * 60_000);
    m.center.tell(mention('Dirk'));
    expect(m.desktop.map((n) => n.body)).toEqual(['Dirk noemde je in een bericht']);
  });

  it('keep a bundle silent when quiet hours began while it waited', () => {
    const m = machine('workstation');
    m.center.tell(mention('Bram'));
    m.center.tell(mention('Carla'));
    m.center.setSettings({ ...DEFAULT_NOTICE_SETTINGS, doNotDisturb: true });
    m.time.advance(60_000);
    expect(m.desktop).toHaveLength(1);
  });

  it('never announce a kind she switched off, not even in the window', () => {
    const m = machine('workstation');
    m.center.setSettings({ ...DEFAULT_NOTICE_SETTINGS, kinds: { ...DEFAULT_NOTICE_SETTINGS.kinds, reply: false } });
    m.center.tell({ kind: 'reply', actorName: 'Bram', postId: postA });
    m.center.tell(mention('Bram'));
    expect(m.onScreen.map((n) => n.kind)).toEqual(['mention']);
    expect(m.desktop.map((n) => n.body)).toEqual(['Bram noemde je in een bericht']);
  });

  it('forget a waiting bundle when she logs out: the next person never sees it', () => {
    const m = machine('workstation');
    m.center.tell(mention('Bram'));
    m.center.tell(mention('Carla'));
    m.state.here = 'bram';
    m.center.sessionChanged();
    m.time.advance(120_000);
    expect(m.desktop).toHaveLength(1);
    expect(m.center.trayState().unread).toBe(0);
  });
});

describe('shared PCs and kiosks', () => {
  it.each(['shared', 'kiosk'] as const)('on a %s PC, notices stay inside the window and never reach the operating system', (mode) => {
    const m = machine(mode);
    m.center.tell(mention('Bram'));
    m.time.advance(120_000);
    m.center.tell({ kind: 'reminder', actorName: 'Directie', postId: postB });
    expect(m.onScreen).toHaveLength(2);
    expect(m.desktop).toEqual([]);
  });

  it('tell nobody while nobody is logged in', () => {
    const m = machine('shared');
    m.state.here = null;
    m.center.tell(mention('Bram'));
    expect(m.onScreen).toEqual([]);
  });
});

describe('the tray', () => {
  it('counts what she has not seen, and starts again when she looks', () => {
    const m = machine('workstation');
    m.center.tell(mention('Bram'));
    m.center.tell({ kind: 'reply', actorName: 'Carla', postId: postA });
    expect(m.tray.at(-1)).toEqual({ unread: 2, language: 'nl', doNotDisturb: false });
    m.center.seen();
    expect(m.tray.at(-1)?.unread).toBe(0);
    expect(MAIN_TEXTS.nl.tray.tooltip(2)).toBe('Samen: 2 nieuwe meldingen');
  });

  it('shows "niet storen" as she set it', () => {
    const m = machine('workstation');
    m.center.setSettings({ ...DEFAULT_NOTICE_SETTINGS, doNotDisturb: true });
    expect(m.tray.at(-1)?.doNotDisturb).toBe(true);
  });
});

describe('notification settings', () => {
  it('are kept per person on this machine, across restarts', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samen-notices-'));
    const first = machine('workstation', { dataDir });
    const chosen: NoticeSettings = { doNotDisturb: false, kinds: { reply: false }, quietHours: { from: '22:00', to: '07:00' } };
    first.center.setSettings(chosen);
    const again = machine('workstation', { dataDir });
    expect(again.center.settings()).toEqual(chosen);
    again.state.here = 'bram';
    expect(again.center.settings()).toEqual(DEFAULT_NOTICE_SETTINGS);
  });

  it('fall back to the defaults when the file is damaged', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samen-notices-'));
    writeFileSync(path.join(dataDir, 'notice-settings.json'), '{"anna": {"doNotDisturb": "ja"');
    const m = machine('workstation', { dataDir });
    expect(m.center.settings()).toEqual(DEFAULT_NOTICE_SETTINGS);
    m.center.setSettings({ ...DEFAULT_NOTICE_SETTINGS, doNotDisturb: true });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'notice-settings.json'), 'utf8'))).toEqual({ anna: { ...DEFAULT_NOTICE_SETTINGS, doNotDisturb: true } });
  });

  it('cannot be set while nobody is logged in', () => {
    const m = machine('workstation');
    m.state.here = null;
    expect(m.center.setSettings(DEFAULT_NOTICE_SETTINGS)).toBe(false);
    expect(m.center.settings()).toBeNull();
  });
});

describe('quiet hours', () => {
  const at = (h: number, min = 0) => new Date(2025, 2, 3, h, min);
  const night = { ...DEFAULT_NOTICE_SETTINGS, quietHours: { from: '22:00', to: '07:00' } };

  it('span midnight', () => {
    expect([at(21, 59), at(22, 0), at(3), at(6, 59), at(7, 0)].map((t) => isQuiet(night, t))).toEqual([false, true, true, true, false]);
  });

  it('within a day, and none when from equals to', () => {
    const lunch = { ...DEFAULT_NOTICE_SETTINGS, quietHours: { from: '12:00', to: '13:00' } };
    expect([at(11, 59), at(12, 30), at(13)].map((t) => isQuiet(lunch, t))).toEqual([false, true, false]);
    expect(isQuiet({ ...DEFAULT_NOTICE_SETTINGS, quietHours: { from: '08:00', to: '08:00' } }, at(8))).toBe(false);
  });
});

describe('the texts main says itself', () => {
  it('exist for every kind in both languages, with a stand-in when the name is unknown', async () => {
    const { noticeText } = await import('../../../../main/core/notify/noticeTexts.js');
    for (const kind of NoticeKind.options) {
      for (const language of ['nl', 'en'] as const) {
        expect(noticeText(language, kind, 'Bram', 1)).toContain('Bram');
        expect(noticeText(language, kind, 'Bram', 3)).toContain('3');
      }
    }
    expect(noticeText('nl', 'mention', '  ', 1)).toBe('Iemand noemde je in een bericht');
  });
});

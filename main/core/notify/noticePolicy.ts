import type { NoticeKind, NoticeSettings } from '../../../common/src/notify/notices.js';

/**
 * Which notifications from the server are announced, as which notice. One line per kind: a kind not
 * listed stays in the list but is never announced: a knowledge-base page's `review_due` is shown to
 * its owner on "Weten en regelen" and on the page itself instead, from the cache.
 */
const ANNOUNCED: Readonly<Partial<Record<string, NoticeKind>>> = {
  mention: 'mention',
  reply: 'reply',
  read_required: 'read_required',
  read_reminder: 'reminder',
  reminder: 'reminder',
  join_request: 'join_request',
  post_review: 'post_review',
  moderation_hidden: 'moderation',
};

/** The notice a server notification becomes, or null when it is not announced. */
export function noticeKindOf(serverKind: string): NoticeKind | null {
  return Object.hasOwn(ANNOUNCED, serverKind) ? (ANNOUNCED[serverKind] ?? null) : null;
}

/** Whether she wants this kind at all (on screen as well as by the operating system). */
export const wanted = (settings: NoticeSettings, kind: NoticeKind): boolean => settings.kinds[kind] ?? true;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether the operating system should stay silent now: "niet storen", or inside her quiet hours
 * (the machine's local time; 22:00–07:00 spans midnight). Quiet never hides a notice on screen.
 */
export function isQuiet(settings: NoticeSettings, at: Date): boolean {
  if (settings.doNotDisturb) return true;
  if (!settings.quietHours) return false;
  const now = at.getHours() * 60 + at.getMinutes();
  const from = minutesOf(settings.quietHours.from);
  const to = minutesOf(settings.quietHours.to);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

import type { Language, NoticeKind } from '../../../common/src/notify/notices.js';

/**
 * What main says itself (operating-system notifications, the tray), in the language the renderer
 * chose. The renderer has its own catalogue for the window; these are the few texts outside it.
 */
interface MainTexts {
  someone: string;
  notice: Record<NoticeKind, { one(actor: string): string; many(count: number): string }>;
  tray: { open: string; doNotDisturb: string; quit: string; tooltip(unread: number): string };
}

export const MAIN_TEXTS: Record<Language, MainTexts> = {
  nl: {
    someone: 'Iemand',
    notice: {
      mention: { one: (a) => `${a} noemde je in een bericht`, many: (n) => `Je bent ${n} keer genoemd` },
      reply: { one: (a) => `${a} reageerde op je bericht`, many: (n) => `${n} nieuwe reacties op je berichten` },
      read_required: { one: (a) => `Lezen verplicht: bericht van ${a}`, many: (n) => `${n} berichten die je moet lezen` },
      reminder: { one: (a) => `Herinnering: lees het bericht van ${a}`, many: (n) => `${n} herinneringen om berichten te lezen` },
      join_request: { one: (a) => `${a} wil lid worden van je groep`, many: (n) => `${n} nieuwe aanvragen voor je groepen` },
      post_review: { one: (a) => `${a} keek mee met je bericht`, many: (n) => `${n} keer meegekeken met je berichten` },
      moderation: { one: (a) => `${a} heeft iets van jou verborgen (moderatie)`, many: (n) => `${n} berichten of reacties van jou verborgen (moderatie)` },
    },
    tray: {
      open: 'Samen openen',
      doNotDisturb: 'Niet storen',
      quit: 'Afsluiten',
      tooltip: (n) => (n === 0 ? 'Samen' : n === 1 ? 'Samen: 1 nieuwe melding' : `Samen: ${n} nieuwe meldingen`),
    },
  },
  en: {
    someone: 'Someone',
    notice: {
      mention: { one: (a) => `${a} mentioned you in a post`, many: (n) => `You were mentioned ${n} times` },
      reply: { one: (a) => `${a} replied to your post`, many: (n) => `${n} new replies to your posts` },
      read_required: { one: (a) => `Required reading: post by ${a}`, many: (n) => `${n} posts you are asked to read` },
      reminder: { one: (a) => `Reminder: read the post by ${a}`, many: (n) => `${n} reminders to read posts` },
      join_request: { one: (a) => `${a} asks to join your group`, many: (n) => `${n} new requests to join your groups` },
      post_review: { one: (a) => `${a} looked at your post`, many: (n) => `Coaches looked at your posts ${n} times` },
      moderation: { one: (a) => `${a} hid something of yours (moderation)`, many: (n) => `${n} of your posts or comments were hidden (moderation)` },
    },
    tray: {
      open: 'Open Samen',
      doNotDisturb: 'Do not disturb',
      quit: 'Quit',
      tooltip: (n) => (n === 0 ? 'Samen' : n === 1 ? 'Samen: 1 new notification' : `Samen: ${n} new notifications`),
    },
  },
};

/** The body of an operating-system notification: one, or a bundle of `count` of the same kind. */
export function noticeText(language: Language, kind: NoticeKind, actorName: string, count: number): string {
  const texts = MAIN_TEXTS[language];
  return count > 1 ? texts.notice[kind].many(count) : texts.notice[kind].one(actorName.trim() || texts.someone);
}

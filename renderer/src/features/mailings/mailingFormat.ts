import type { Mailing } from '../../../../common/src/api/routes/mailings';

const dateTime = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

export const formatWhen = (iso: string) => dateTime.format(new Date(iso));

/** The moment that says most about a mailing: when it went (or goes) out, else when it was made. */
export const mailingMoment = (m: Pick<Mailing, 'status' | 'sendAt' | 'queuedAt' | 'createdAt'>) => (m.status === 'scheduled' && m.sendAt ? m.sendAt : (m.queuedAt ?? m.createdAt));

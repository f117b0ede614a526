import { SCHEDULE_DAYS_MAX } from '../../../common/src/api/routes/scheduling.js';
import { ApiError } from '../http/apiError.js';

const DAY_MS = 86_400_000;

/**
 * When a new post appears and when it leaves the timeline. A time to publish that has already passed
 * places the post at once: it is an outbox that was offline past the planned moment, and the person
 * wanted the post out, not an error.
 */
export function postTiming(now: Date, publishAt: string | undefined, endsAt: string | undefined): { publishAt: string | null; endsAt: string | null } {
  const later = publishAt !== undefined && Date.parse(publishAt) > now.getTime() ? publishAt : null;
  if (later && Date.parse(later) > now.getTime() + SCHEDULE_DAYS_MAX * DAY_MS) {
    throw new ApiError('validation', 'Je kunt een bericht tot een jaar vooruit plannen.', [{ path: 'body.publishAt', message: 'Kies een moment binnen een jaar.' }]);
  }
  const start = later ? Date.parse(later) : now.getTime();
  if (endsAt !== undefined && Date.parse(endsAt) <= start) {
    throw new ApiError('validation', 'De einddatum moet na het plaatsen liggen.', [{ path: 'body.endsAt', message: 'Kies een moment na het plaatsen.' }]);
  }
  return { publishAt: later, endsAt: endsAt ?? null };
}

import { ApiError } from '../http/apiError.js';

/**
 * Photo privacy: a post with photos or a video goes only with its author's confirmation that
 * recognisable clients or residents on them gave permission. Answers when she confirmed (stored with
 * the post), or null for a post without either, which needs nothing.
 */
export function photoConsentAt(mediaIds: readonly string[], photoConsent: boolean | undefined, now: Date): string | null {
  if (mediaIds.length === 0) return null;
  if (photoConsent !== true) {
    const message = 'Bevestig eerst dat herkenbare cliënten of bewoners op de foto’s toestemming hebben gegeven.';
    throw new ApiError('validation', message, [{ path: 'body.photoConsent', message }]);
  }
  return now.toISOString();
}

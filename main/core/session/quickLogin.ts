import { badgeIdFromCodes } from '../../../common/src/badge/badgeId.js';
import type { ReaderLayout } from '../../../common/src/badge/readerLayouts.js';
import type { Result } from '../../../common/src/ipc/contract.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { SessionManager } from './sessionManager.js';

/** How long an unknown badge waits to be linked with employee number + PIN. */
export const PENDING_BADGE_MS = 2 * 60 * 1000;

export interface QuickLoginDeps {
  http: HttpClient;
  session: SessionManager;
  clock: Clock;
  log: Logger;
  /** The keyboard layout the badge reader types on: its keys are decoded with it. */
  readerLayout: ReaderLayout;
  /** Whether quick login is possible here now (a linked shared or kiosk device); the refusal if not. */
  available(): Result<void>;
  loginTimeoutMs: number;
}

/**
 * Badge taps and employee number + PIN on a shared device. A tap decides by itself: nobody logged in
 * → log in; the badge of the person logged in → log out; another badge → that person at once
 * (the first is logged out, as a switch, before the second logs in).
 *
 * Badge ids are never logged, shown or returned. An unknown badge is remembered in memory for a short
 * while, so the person can link it by logging in with employee number + PIN right after.
 */
export function createQuickLogin(d: QuickLoginDeps) {
  let pending: { badgeId: string; until: number } | null = null;

  const pendingBadge = () => {
    if (pending && pending.until <= d.clock.now().getTime()) pending = null;
    return pending?.badgeId ?? null;
  };

  return {
    /** A tap: `codes` as the reader typed them; `pin` when the previous try said pin_required. */
    async badge(codes: readonly string[], pin: string | undefined): Promise<Result<void>> {
      const available = d.available();
      if (!available.ok) return available;
      const badgeId = badgeIdFromCodes(codes, d.readerLayout);
      if (!badgeId) {
        d.log.info('badge not readable');
        return fail('badge_unreadable', 'the reader sent something that is not a badge id');
      }
      const before = d.session.current();
      if (before && before.badgeId === badgeId) {
        await d.session.end('logout');
        return ok(undefined);
      }
      // Her session ends here at once; the server revokes it while it answers the new tap.
      const leaving = before ? d.session.end('switch', { switching: true }) : null;
      const answer = await d.http.call('authBadge', { body: { badgeId, ...(pin ? { pin } : {}) }, timeoutMs: d.loginTimeoutMs });
      await leaving;
      if (!answer.ok) {
        d.log.info('badge login failed', { code: answer.error.code });
        if (answer.error.code === 'unknown_badge') pending = { badgeId, until: d.clock.now().getTime() + PENDING_BADGE_MS };
        return failWith(answer.error);
      }
      if (before && answer.value.person.id === before.person.id) {
        // Her own other badge (or her badge after a PIN login): the same person tapping again leaves.
        await d.session.discard(answer.value, 'logout');
        return ok(undefined);
      }
      pending = null;
      await d.session.begin(answer.value, 'badge', badgeId);
      return ok(undefined);
    },

    /** Employee number + PIN; `linkPendingBadge` links the unknown badge tapped just before. */
    async pin(employeeNumber: string, pin: string, linkPendingBadge: boolean): Promise<Result<void>> {
      const available = d.available();
      if (!available.ok) return available;
      const link = linkPendingBadge ? pendingBadge() : null;
      if (linkPendingBadge && !link) d.log.info('no badge waiting to be linked; logging in without linking');
      const leaving = d.session.current() ? d.session.end('switch', { switching: true }) : null;
      const answer = await d.http.call('authPin', {
        body: { employeeNumber, pin, ...(link ? { linkBadgeId: link } : {}) },
        timeoutMs: d.loginTimeoutMs,
      });
      await leaving;
      if (!answer.ok) {
        d.log.info('PIN login failed', { code: answer.error.code });
        return failWith(answer.error);
      }
      if (link) pending = null;
      await d.session.begin(answer.value, 'pin', link);
      return ok(undefined);
    },

    /** Forgets the badge waiting to be linked (at lock, logout and switch). */
    forgetPendingBadge() {
      pending = null;
    },
  };
}

export type QuickLogin = ReturnType<typeof createQuickLogin>;

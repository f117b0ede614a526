import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';

export type HrImportMethods = Pick<Handlers, 'hrImport.run'>;

/** 20 000 rows are planned and written in seconds; the client's usual half minute is too tight a margin for a busy server. */
const IMPORT_TIMEOUT_MS = 180_000;

/**
 * "HR-gegevens inlezen" on the client: the renderer reads the file into rows (common's hrExport.ts)
 * and main sends them at once. An import waits in no outbox: offline she is told so, and her file is
 * still on her screen to try again. Sending the same rows twice sets the same dates, so a second try
 * after a broken-off answer does no harm.
 */
export function createHrImportHandlers(d: { http: HttpClient; session(): ActiveSession | null }): HrImportMethods {
  return {
    'hrImport.run': async ({ dryRun, rows }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      if (!s.person.roles.includes('admin')) return fail('forbidden', 'admins only');
      const answer = await d.http.call('importHr', { token: s.token, body: { dryRun, rows }, timeoutMs: IMPORT_TIMEOUT_MS });
      return answer.ok ? ok(answer.value) : failWith(answer.error);
    },
  };
}

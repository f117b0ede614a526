import { z } from 'zod';
import { ClientMode } from '../../../common/src/ipc/views.js';

/** Seconds of inactivity before the screen locks (or returns to signage), per mode, unless IT sets it. */
export const DEFAULT_IDLE_SECONDS: Record<ClientMode, number> = { workstation: 15 * 60, shared: 2 * 60, kiosk: 45 };

/**
 * The machine-wide client config, a JSON file IT deploys with the installer. Unknown fields are
 * errors too: a misspelt "sever" must not silently fall back to a default.
 */
const saying = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message);

export const ClientConfigFileSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/, error: saying('must be an http:// or https:// URL') }),
  mode: z.enum(ClientMode.options, { error: saying(`must be one of ${ClientMode.options.join(', ')}`) }),
  /** Organisation slug, needed only when the server hosts more than one. */
  organisation: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a slug: lower-case letters, digits and hyphens').optional(),
  idleSeconds: z.number({ error: 'must be a number of seconds' }).int('must be whole seconds').min(10).max(24 * 3600).optional(),
  /** Where the cache and outbox live; default: the app's own data folder. */
  dataDir: z.string().min(1, 'must not be empty').optional(),
});

export interface ClientConfig {
  serverUrl: string;
  mode: ClientMode;
  organisation: string | undefined;
  idleSeconds: number;
  dataDir: string;
}

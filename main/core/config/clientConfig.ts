import { z } from 'zod';
import { BadgeReaderSchema, type BadgeReaderSettings } from '../../../common/src/badge/readerSettings.js';
import { ClientMode } from '../../../common/src/ipc/views.js';

/**
 * The machine-wide client config, a JSON file IT deploys with the installer. Unknown fields are
 * errors too: a misspelt "sever" must not silently fall back to a default.
 */
const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

const ClockTime = z.string({ error: 'must be a time HH:MM' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const TimeWindow = z.strictObject({ from: ClockTime, to: ClockTime }, { error: 'must be an object with from and to (HH:MM)' });

const saying = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message);

/** https, or http to this computer itself (a developer's server). */
const ServerAddress = z
  .url({ protocol: /^https?$/, error: saying('must be an http:// or https:// URL') })
  .refine((url) => !/^http:\/\//i.test(url) || isLoopback(new URL(url).hostname), 'must be https:// (http:// only on this computer itself: localhost, 127.0.0.1, ::1)');

export const ClientConfigFileSchema = z.strictObject({
  serverUrl: ServerAddress,
  mode: z.enum(ClientMode.options, { error: saying(`must be one of ${ClientMode.options.join(', ')}`) }),
  /** Organisation slug, needed only when the server hosts more than one. */
  organisation: z.string({ error: 'must be a slug: lower-case letters, digits and hyphens' }).regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a slug: lower-case letters, digits and hyphens').optional(),
  /**
   * Seconds without input before a session locks, for this machine only. Left out, the organisation's
   * setting applies (organisation.settings: by default 15 min workstation, 2 min shared, 45 s kiosk).
   */
  idleSeconds: z.number({ error: 'must be a number of seconds' }).int('must be whole seconds').min(1, 'must be at least 1 seconds').max(24 * 3600, 'must be at most 86400 seconds').optional(),
  /** Shared and kiosk: a one-time code from an admin, exchanged for a device token at the first start. */
  enrolmentCode: z.string({ error: 'must not be empty' }).trim().min(4, 'must be at least 4 characters').max(32, 'must be at most 32 characters').optional(),
  /** Where the cache and outbox live; default: the app's own data folder. */
  dataDir: z.string({ error: 'must not be empty' }).min(1, 'must not be empty').optional(),
  /** Shared and kiosk: how the badge reader types (layout, terminator, minChars, maxGapMs), each field optional. */
  badgeReader: BadgeReaderSchema.optional(),
  /** Self-update: on by default; off where IT deploys MSI packages itself. */
  updates: z
    .strictObject({
      enabled: z.boolean({ error: 'must be true or false' }).optional(),
      /** Hours between checks of the organisation's update feed. */
      checkEveryHours: z.number({ error: 'must be a number of hours' }).int('must be whole hours').min(1, 'must be at least 1').max(24, 'must be at most 24').optional(),
      /** Shared PCs and kiosks install only inside this window (local time; may span midnight). */
      maintenanceWindow: TimeWindow.optional(),
      /** Where the update feed (latest.yml and the installers) is; default: the server's /v1/updates. */
      feedUrl: ServerAddress.optional(),
    }, { error: 'must be an object with enabled, checkEveryHours, maintenanceWindow and/or feedUrl' })
    .optional(),
  /** Kiosk: hours its screen is awake for signage (local time); outside them it may sleep. */
  kioskWakeHours: TimeWindow.optional(),
  /** Start Samen when someone logs in to the computer (set by IT; off by default). */
  startAtLogin: z.boolean({ error: 'must be true or false' }).optional(),
});

export interface ClientConfig {
  serverUrl: string;
  mode: ClientMode;
  organisation: string | undefined;
  /** Set only when IT (or a developer) overrides the organisation's idle lock. */
  idleSeconds: number | undefined;
  enrolmentCode: string | undefined;
  dataDir: string;
  /** The defaults for what IT left out. */
  badgeReader: BadgeReaderSettings;
  startAtLogin: boolean;
  updates: UpdateSettings;
  kioskWakeHours: { from: string; to: string } | null;
}

export interface UpdateSettings {
  enabled: boolean;
  checkEveryHours: number;
  maintenanceWindow: { from: string; to: string };
  /** The folder electron-updater's generic provider reads latest.yml and the installers from. */
  feedUrl: string;
}

export const DEFAULT_UPDATE_SETTINGS: Omit<UpdateSettings, 'feedUrl'> = { enabled: true, checkEveryHours: 4, maintenanceWindow: { from: '02:00', to: '05:00' } };

/** The organisation's own server serves the feed (server/src/updates). */
export const defaultFeedUrl = (serverUrl: string) => `${serverUrl}/v1/updates`;

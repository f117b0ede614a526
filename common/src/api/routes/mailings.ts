import { z } from 'zod';
import { Id, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { Ok } from './shared.js';

/** Mailings: intranet content by email, composed by editors; delivery settings by admins. */

export const MAILING_SUBJECT_MAX = 150;
export const MAILING_INTRO_MAX = 5_000;
export const MAILING_ITEMS_MAX = 20;
export const MAILING_AUDIENCE_LIST_MAX = 200;

const Text = (max: number, tooLong: string) => z.string({ error: 'Dit moet tekst zijn.' }).max(max, tooLong).pipe(UserText(max));
const Body = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Onbekend veld: ${issue.keys.join(', ')}.` : 'Stuur de gegevens als JSON-object.'),
  });
const Refs = (what: string) =>
  z
    .array(z.uuid({ error: `Kies een bestaande ${what}.` }), { error: `Kies een lijst van ${what}s.` })
    .max(MAILING_ITEMS_MAX, `Kies hoogstens ${MAILING_ITEMS_MAX} items.`);
const AudienceRefs = (what: string) =>
  z
    .array(z.uuid({ error: `Kies een bestaande ${what}.` }), { error: `Kies een lijst van ${what}s.` })
    .max(MAILING_AUDIENCE_LIST_MAX, `Kies hoogstens ${MAILING_AUDIENCE_LIST_MAX}.`);

/**
 * Who gets a mailing. `all` is everyone; otherwise everyone in any of the groups, locations or
 * departments named, narrowed (when set) to who has not yet confirmed reading a post.
 */
export const AudienceSchema = z
  .strictObject(
    {
      all: z.boolean().optional(),
      groupIds: AudienceRefs('groep').optional(),
      locationIds: AudienceRefs('locatie').optional(),
      departmentIds: AudienceRefs('afdeling').optional(),
      unconfirmedPostId: z.uuid({ error: 'Kies een bestaand bericht.' }).optional(),
    },
    { error: 'Kies wie de mailing krijgt.' },
  )
  .refine((a) => a.all === true || (a.groupIds?.length ?? 0) + (a.locationIds?.length ?? 0) + (a.departmentIds?.length ?? 0) > 0 || a.unconfirmedPostId !== undefined, {
    message: 'Kies wie de mailing krijgt: iedereen, groepen, locaties of afdelingen.',
  });
export type Audience = z.infer<typeof AudienceSchema>;

const MailingContent = {
  subject: Text(MAILING_SUBJECT_MAX, `Een onderwerp heeft hoogstens ${MAILING_SUBJECT_MAX} tekens.`)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'Geef de mailing een onderwerp.')),
  intro: Text(MAILING_INTRO_MAX, `De inleiding heeft hoogstens ${MAILING_INTRO_MAX} tekens.`),
  postIds: Refs('bericht'),
  pageIds: Refs('pagina').optional(),
  /** One poll, shown as its question with links to vote in the intranet (the mail itself takes no votes). */
  pollId: z.uuid({ error: 'Kies een bestaande peiling.' }).nullable().optional(),
  audience: AudienceSchema,
  /** A mandatory mailing reaches people who opted out of mailings too, and says so. */
  mandatory: z.boolean({ error: 'Kies of de mailing verplicht is.' }).optional(),
};
export const MailingBodySchema = Body(MailingContent).refine((b) => b.postIds.length + (b.pageIds?.length ?? 0) > 0 || (b.pollId ?? null) !== null || b.intro.trim() !== '', {
  message: 'Kies berichten, pagina’s of een peiling, of schrijf een inleiding.',
  path: ['postIds'],
});
export type MailingBody = z.input<typeof MailingBodySchema>;

export const MailingStatus = z.enum(['draft', 'scheduled', 'sending', 'sent']);
export const MailTransportKind = z.enum(['smtp', 'files']);

export const MailingSchema = z.object({
  id: Id,
  subject: z.string(),
  intro: z.string(),
  postIds: z.array(Id),
  pageIds: z.array(Id),
  pollId: Id.nullable(),
  audience: z.object({
    all: z.boolean().optional(),
    groupIds: z.array(Id).optional(),
    locationIds: z.array(Id).optional(),
    departmentIds: z.array(Id).optional(),
    unconfirmedPostId: Id.optional(),
  }),
  mandatory: z.boolean(),
  status: MailingStatus,
  /** When a scheduled mailing goes out. */
  sendAt: Timestamp.nullable(),
  createdBy: Id,
  createdAt: Timestamp,
  queuedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  /** Fixed at sending: the people in the queue. Null while the audience can still change. */
  recipientCount: z.number().int().nullable(),
  transport: MailTransportKind.nullable(),
});
export type Mailing = z.infer<typeof MailingSchema>;

/** Who an audience reaches now: the count, and who is left out and why. */
export const AudienceCountSchema = z.object({
  recipients: z.number().int(),
  /** Opted out of non-mandatory mailings (0 for a mandatory mailing: they get it). */
  optedOut: z.number().int(),
  /** In the audience but without a mail address. */
  withoutAddress: z.number().int(),
});
export type AudienceCount = z.infer<typeof AudienceCountSchema>;

export const MailingReportSchema = z.object({
  recipients: z.number().int(),
  waiting: z.number().int(),
  sent: z.number().int(),
  bounced: z.number().int(),
  failed: z.number().int(),
  /** Clicks into the intranet from this mailing, and the people who made them. */
  visits: z.number().int(),
  visitors: z.number().int(),
});
export type MailingReport = z.infer<typeof MailingReportSchema>;

export const MailingDetailSchema = z.object({
  mailing: MailingSchema,
  report: MailingReportSchema,
  /** For a draft or scheduled mailing: who the audience reaches now. */
  audienceCount: AudienceCountSchema.nullable(),
  /** Where `.eml` files were written, when there was no SMTP server. */
  folder: z.string().nullable(),
});
export type MailingDetail = z.infer<typeof MailingDetailSchema>;

export const MailingPreviewSchema = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  audienceCount: AudienceCountSchema,
});
export type MailingPreview = z.infer<typeof MailingPreviewSchema>;

/** A poll still open that an editor may put in a mailing. */
export const MailingPollChoiceSchema = z.object({ id: Id, question: z.string(), options: z.array(z.string()), closesAt: Timestamp.nullable() });
export type MailingPollChoice = z.infer<typeof MailingPollChoiceSchema>;

export const MailPreferenceSchema = z.object({ address: z.string().nullable(), optedOut: z.boolean() });
export type MailPreference = z.infer<typeof MailPreferenceSchema>;

const SmtpUrl = z
  .string({ error: 'Vul het adres van de mailserver in.' })
  .max(500, 'Dit adres is te lang.')
  .regex(/^smtps?:\/\/[^\s]+$/, 'Het adres begint met smtp:// of smtps://, bijvoorbeeld smtp://mail.zorg.nl:587.')
  .refine((s) => {
    try {
      return new URL(s).protocol.startsWith('smtp');
    } catch {
      return false;
    }
  }, 'Dit is geen geldig adres van een mailserver.');
const MailAddress = z.email({ error: 'Vul een geldig e-mailadres in.' }).max(254, 'Dit e-mailadres is te lang.');

export const MailSettingsSchema = z.object({
  /** The organisation's own SMTP server, its password left out; null: the server-wide one or files. */
  smtpUrl: z.string().nullable(),
  fromAddress: z.string().nullable(),
  /** What mailings go through now. */
  transport: MailTransportKind,
});
export type MailSettings = z.infer<typeof MailSettingsSchema>;

/** What an admin sets: her own SMTP server (null: the server-wide one, else files) and the sender. */
export const MailSettingsInputSchema = Body({ smtpUrl: SmtpUrl.nullable(), fromAddress: MailAddress.optional() });
export const TestMailInputSchema = Body({ to: MailAddress });

export const mailingRoutes = {
  previewMailing: defineRoute({
    method: 'POST',
    path: '/v1/mailings/preview',
    summary: 'The email a mailing would be (HTML and plain text) and who it would reach now (editors)',
    auth: 'session',
    body: MailingBodySchema,
    response: MailingPreviewSchema,
  }),
  createMailing: defineRoute({
    method: 'POST',
    path: '/v1/mailings',
    summary: 'Save a mailing as a draft (editors); POST /v1/mailings/:id/send queues it',
    auth: 'session',
    body: MailingBodySchema,
    response: MailingSchema,
    status: 201,
  }),
  listMailings: defineRoute({
    method: 'GET',
    path: '/v1/mailings',
    summary: 'The organisation’s mailings, newest first (editors)',
    auth: 'session',
    response: z.object({ items: z.array(MailingSchema.extend({ report: MailingReportSchema })) }),
  }),
  listMailingPolls: defineRoute({
    method: 'GET',
    path: '/v1/mailings/polls',
    summary: 'The newest polls still open that a mailing may carry: visible to the editor, not in a private group (editors)',
    auth: 'session',
    response: z.object({ items: z.array(MailingPollChoiceSchema) }),
  }),
  getMailing: defineRoute({
    method: 'GET',
    path: '/v1/mailings/:id',
    summary: 'A mailing with its report: recipients, sent, bounced, failed, visits (editors)',
    auth: 'session',
    params: z.strictObject({ id: Id }),
    response: MailingDetailSchema,
  }),
  sendMailing: defineRoute({
    method: 'POST',
    path: '/v1/mailings/:id/send',
    summary: 'Queue a draft now, or at `at`: its recipients are fixed at that moment (editors)',
    auth: 'session',
    params: z.strictObject({ id: Id }),
    body: Body({ at: z.iso.datetime({ error: 'Kies een geldig tijdstip.' }).optional() }).optional(),
    response: MailingSchema,
  }),
  getMailPreference: defineRoute({
    method: 'GET',
    path: '/v1/me/mail',
    summary: 'The caller’s mail address and whether she opted out of non-mandatory mailings',
    auth: 'session',
    response: MailPreferenceSchema,
  }),
  setMailPreference: defineRoute({
    method: 'PUT',
    path: '/v1/me/mail',
    summary: 'Opt out of (or back into) non-mandatory mailings',
    auth: 'session',
    body: Body({ optedOut: z.boolean({ error: 'Kies aan of uit.' }) }),
    response: MailPreferenceSchema,
  }),
  getMailSettings: defineRoute({
    method: 'GET',
    path: '/v1/admin/mail-settings',
    summary: 'The organisation’s own SMTP server, without its password (admins)',
    auth: 'session',
    response: MailSettingsSchema,
  }),
  setMailSettings: defineRoute({
    method: 'PUT',
    path: '/v1/admin/mail-settings',
    summary: 'Set the organisation’s own SMTP server, or clear it with null (admins)',
    auth: 'session',
    body: MailSettingsInputSchema,
    response: MailSettingsSchema,
  }),
  testMailSettings: defineRoute({
    method: 'POST',
    path: '/v1/admin/mail-settings/test',
    summary: 'Send a test message through what mailings go through now (admins)',
    auth: 'session',
    body: TestMailInputSchema,
    response: Ok.extend({ transport: MailTransportKind }),
  }),
  unsubscribePage: defineRoute({
    method: 'GET',
    path: '/v1/mail/unsubscribe/:token',
    summary: 'The page behind the unsubscribe link: a button, so that a link scanner opening it changes nothing (HTML, no login)',
    auth: 'none',
    params: z.strictObject({ token: z.string().max(200) }),
    response: z.string(),
  }),
  unsubscribe: defineRoute({
    method: 'POST',
    path: '/v1/mail/unsubscribe/:token',
    summary: 'One-click unsubscribe (RFC 8058: List-Unsubscribe=One-Click): opts the person out of non-mandatory mailings (no login)',
    auth: 'none',
    params: z.strictObject({ token: z.string().max(200) }),
    response: z.string(),
  }),
  mailingVisit: defineRoute({
    method: 'GET',
    path: '/v1/mail/visit/:token',
    summary: 'A link from a mailing into the intranet: counts the visit and shows where to read on (HTML, no login)',
    auth: 'none',
    params: z.strictObject({ token: z.string().max(200) }),
    query: z.object({ to: z.string().regex(/^(post|page|poll):[0-9a-f-]{36}$/).optional() }),
    response: z.string(),
  }),
} as const;

import { z } from 'zod';
import { MembershipSchema, OrganisationSchema, PersonSchema } from '../entities.js';
import { defineRoute } from '../route.js';
import { Ok } from './shared.js';

export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  person: PersonSchema,
  organisation: OrganisationSchema,
  /**
   * Only for sessions on an enrolled device: a token for the write routes alone, bound to this person
   * and device, valid 24 hours. The client stores it with the person's queued writes (never the session
   * token), so they are delivered as this person even after the next person has logged in.
   */
  deliveryGrant: z.object({ token: z.string(), expiresAt: z.iso.datetime() }).nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

/** Badge ids as readers type them (US layout, hex digits); the client has already cleaned them. */
export const BadgeId = z.string().regex(/^[0-9A-F]{6,32}$/, 'Pas niet herkend.');
export const Pin = z.string().regex(/^\d{4,6}$/, 'Een pincode heeft 4 tot 6 cijfers.');

export const authRoutes = {
  authPassword: defineRoute({
    method: 'POST',
    path: '/v1/auth/password',
    summary: 'Log in with employee number and password (workstation)',
    auth: 'none',
    body: z.strictObject({
      employeeNumber: z.string().trim().min(1).max(32),
      password: z.string().min(1).max(200),
      /** Which organisation; may be left out when the server hosts only one. */
      organisation: z.string().min(1).max(64).optional(),
      deviceName: z.string().max(100).optional(),
    }),
    response: SessionSchema,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/v1/auth/logout',
    summary: 'Revoke the current session token; its delivery grant stays valid for the queued writes. The reason goes to the audit log',
    auth: 'session',
    body: z.strictObject({ reason: z.enum(['logout', 'lock', 'idle', 'switch']).default('logout') }).optional(),
    response: Ok,
  }),
  authBadge: defineRoute({
    method: 'POST',
    path: '/v1/auth/badge',
    summary: 'Badge tap on an enrolled device: a session for the badge owner (pin_required when the PIN is due)',
    auth: 'device',
    body: z.strictObject({ badgeId: BadgeId, pin: Pin.optional() }),
    response: SessionSchema,
  }),
  authPin: defineRoute({
    method: 'POST',
    path: '/v1/auth/pin',
    summary: 'Employee number + PIN on an enrolled device; with linkBadgeId the tapped badge is linked to this person',
    auth: 'device',
    body: z.strictObject({ employeeNumber: z.string().trim().min(1).max(32), pin: Pin, linkBadgeId: BadgeId.optional() }),
    response: SessionSchema,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/v1/me',
    summary: 'The logged-in person and their organisation',
    auth: 'session',
    response: z.object({ person: PersonSchema, organisation: OrganisationSchema, memberships: z.array(MembershipSchema) }),
  }),
} as const;

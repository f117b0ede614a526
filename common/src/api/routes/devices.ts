import { z } from 'zod';
import { DeviceMode, DeviceSchema, OrganisationSchema } from '../entities.js';
import { UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Ok } from './shared.js';

export const deviceRoutes = {
  enrolDevice: defineRoute({
    method: 'POST',
    path: '/v1/devices/enrol',
    summary: 'Exchange a one-time enrolment code for a device token (shared ward PC or kiosk)',
    auth: 'none',
    body: z.strictObject({
      code: z.string().trim().min(4).max(32),
      organisation: z.string().min(1).max(64).optional(),
    }),
    response: z.object({ deviceToken: z.string(), device: DeviceSchema, organisation: OrganisationSchema }),
    status: 201,
  }),
  deviceMe: defineRoute({
    method: 'GET',
    path: '/v1/devices/me',
    summary: 'The calling device and its organisation (a revoked device gets device_unlinked)',
    auth: 'device',
    response: z.object({ device: DeviceSchema, organisation: OrganisationSchema }),
  }),
  createEnrolmentCode: defineRoute({
    method: 'POST',
    path: '/v1/admin/enrolment-codes',
    summary: 'Admin: a one-time code to enrol a device',
    auth: 'session',
    body: z.strictObject({
      name: UserText(80).transform((s) => s.trim()).pipe(z.string().min(1)),
      mode: DeviceMode,
      validMinutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
    }),
    response: z.object({ code: z.string(), expiresAt: z.iso.datetime() }),
    status: 201,
  }),
  listDevices: defineRoute({
    method: 'GET',
    path: '/v1/admin/devices',
    summary: 'Admin: enrolled devices',
    auth: 'session',
    response: z.object({ items: z.array(DeviceSchema) }),
  }),
  revokeDevice: defineRoute({
    method: 'DELETE',
    path: '/v1/admin/devices/:id',
    summary: 'Admin: revoke a device; its token, sessions and grants stop working at once',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  liftDeviceSuspension: defineRoute({
    method: 'DELETE',
    path: '/v1/admin/devices/:id/suspension',
    summary: 'Admin: lift a device\'s suspension from PIN entry (after many wrong PINs across employee numbers); its count starts over',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
} as const;

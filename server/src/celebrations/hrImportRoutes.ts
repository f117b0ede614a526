import type { FastifyInstance } from 'fastify';
import { HR_IMPORT_BYTES_MAX } from '../../../common/src/api/routes/hrImport.js';
import { routes } from '../../../common/src/api/routes.js';
import { requireRole } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { register } from '../http/register.js';
import { importHr } from './hrImport.js';

/** "HR-gegevens inlezen": an admin reads her organisation's birthdays and hire dates in from HR rows. */
export function registerHrImportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(
    app,
    ctx,
    routes.importHr,
    async ({ body, principal: p }) => {
      requireRole(p, 'admin');
      return importHr(ctx.k, { tenantId: p.tenantId, rows: body.rows, dryRun: body.dryRun, now: ctx.now(), actor: { personId: p.personId, deviceId: p.deviceId } });
    },
    { bodyLimit: HR_IMPORT_BYTES_MAX },
  );
}

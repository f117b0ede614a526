import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { registerAttachmentRoutes } from './attachmentRoutes.js';
import { registerPageRoutes } from './pageRoutes.js';
import { registerQuickLinkRoutes } from './quickLinkRoutes.js';
import { registerReaderRoutes } from './readerRoutes.js';
import { registerReviewRoutes } from './review.js';
import { registerSectionRoutes } from './sectionRoutes.js';
import { registerVersionRoutes } from './versionRoutes.js';

/** The knowledge base ("Weten en regelen"): every reader reads, editors write. */
export function registerKbRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerSectionRoutes(app, ctx);
  registerPageRoutes(app, ctx);
  registerVersionRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerQuickLinkRoutes(app, ctx);
  registerReaderRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
}

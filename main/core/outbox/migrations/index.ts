import type { Migration } from '../../db/migrate.js';
import { initial } from './0001_initial.js';
import { deliveryGrants } from './0002_delivery_grants.js';

/** In version order; append only. */
export const outboxMigrations: readonly Migration[] = [initial, deliveryGrants];

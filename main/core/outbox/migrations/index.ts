import type { Migration } from '../../db/migrate.js';
import type { OutboxCipher } from '../outboxCipher.js';
import { initial } from './0001_initial.js';
import { deliveryGrants } from './0002_delivery_grants.js';
import { sealedAtRest } from './0003_sealed_at_rest.js';
import { kbWrites } from './0004_kb_writes.js';
import { groupWrites } from './0005_group_writes.js';
import { pollWrites } from './0006_poll_writes.js';
import { readWrites } from './0007_read_writes.js';
import { moderationWrites } from './0008_moderation_writes.js';
import { celebrationWrites } from './0009_celebration_writes.js';
import { reviewWrites } from './0010_review_writes.js';
import { videoWrites } from './0011_video_writes.js';
import { ambassadorWrites } from './0012_ambassador_writes.js';

/** In version order; append only. Sealing needs the outbox's data key. */
export const outboxMigrations = (cipher: OutboxCipher): readonly Migration[] => [initial, deliveryGrants, sealedAtRest(cipher), kbWrites, groupWrites, pollWrites, readWrites, moderationWrites, celebrationWrites, reviewWrites, videoWrites, ambassadorWrites];

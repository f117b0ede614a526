import type { Kysely } from 'kysely';

/**
 * Mailings: people's mail addresses and their opt-out, an organisation's own SMTP server, mailings
 * with the content they were sent with, the queue of recipients (snapshotted at sending, one row per
 * person, so a person can be sent a mailing once at most) and the visits that came from a mailing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  // Apart from `people` on purpose: addresses are personal data that never travel in the change feed.
  await s
    .createTable('person_mail')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('opted_out', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_mail_pk', ['tenant_id', 'person_id'])
    .execute();

  await s
    .createTable('mail_settings')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('smtp_url', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('mailings')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('post_ids', 'text', (c) => c.notNull())
    .addColumn('page_ids', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('mandatory', 'integer', (c) => c.notNull())
    // draft → scheduled → sending → sent
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text')
    // The message as it was at sending, with a marker where each recipient's token goes.
    .addColumn('html', 'text')
    .addColumn('text', 'text')
    .addColumn('token_marker', 'text')
    .addColumn('recipient_count', 'integer')
    .addColumn('transport', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text')
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('mailings_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('mailings_status_idx').on('mailings').columns(['tenant_id', 'status', 'send_at']).execute();

  await s
    .createTable('mailing_recipients')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('mailing_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    // queued → sending (leased) → sent | bounced | failed; back to queued after a transient failure
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('mailing_recipients_pk', ['tenant_id', 'mailing_id', 'person_id'])
    .addUniqueConstraint('mailing_recipients_token_uq', ['tenant_id', 'token'])
    .execute();
  await s.createIndex('mailing_recipients_queue_idx').on('mailing_recipients').columns(['tenant_id', 'mailing_id', 'status', 'next_attempt_at']).execute();

  await s
    .createTable('mailing_visits')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('mailing_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mailing_visits_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('mailing_visits_mailing_idx').on('mailing_visits').columns(['tenant_id', 'mailing_id', 'person_id']).execute();
}

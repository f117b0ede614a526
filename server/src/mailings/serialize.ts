import type { Kysely } from 'kysely';
import type { Audience, Mailing, MailingReport } from '../../../common/src/api/routes/mailings.js';
import type { Database, MailingsTable } from '../db/schema.js';

export const mailingView = (r: MailingsTable): Mailing => ({
  id: r.id,
  subject: r.subject,
  intro: r.intro,
  postIds: JSON.parse(r.post_ids) as string[],
  pageIds: JSON.parse(r.page_ids) as string[],
  pollId: r.poll_id,
  audience: JSON.parse(r.audience) as Audience,
  mandatory: r.mandatory === 1,
  status: r.status as Mailing['status'],
  sendAt: r.send_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  queuedAt: r.queued_at,
  finishedAt: r.finished_at,
  recipientCount: r.recipient_count === null ? null : Number(r.recipient_count),
  transport: r.transport as Mailing['transport'],
});

/** Recipients by status and visits, for each of the mailings asked (two grouped queries for any number). */
export async function reports(k: Kysely<Database>, tenantId: string, mailingIds: string[]): Promise<Map<string, MailingReport>> {
  const out = new Map<string, MailingReport>(mailingIds.map((id) => [id, { recipients: 0, waiting: 0, sent: 0, bounced: 0, failed: 0, visits: 0, visitors: 0 }]));
  if (mailingIds.length === 0) return out;
  const statuses = await k
    .selectFrom('mailing_recipients')
    .select(['mailing_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('mailing_id', 'in', mailingIds)
    .groupBy(['mailing_id', 'status'])
    .execute();
  for (const s of statuses) {
    const r = out.get(s.mailing_id)!;
    const n = Number(s.n);
    r.recipients += n;
    if (s.status === 'sent' || s.status === 'bounced' || s.status === 'failed') r[s.status] += n;
    else r.waiting += n;
  }
  const visits = await k
    .selectFrom('mailing_visits')
    .select(['mailing_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('person_id').distinct().as('people')])
    .where('tenant_id', '=', tenantId)
    .where('mailing_id', 'in', mailingIds)
    .groupBy('mailing_id')
    .execute();
  for (const v of visits) {
    const r = out.get(v.mailing_id)!;
    r.visits = Number(v.n);
    r.visitors = Number(v.people);
  }
  return out;
}

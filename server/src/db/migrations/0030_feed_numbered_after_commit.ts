import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * PostgreSQL numbers writes' changes after they commit, many at a time, instead of inside each
 * commit (migration 0018).
 *
 * Numbering inside COMMIT held the tenant's seq row lock through each commit's WAL flush, so one
 * organisation's writes committed one flush after another, however many connections wrote. Now a
 * write commits its change rows with provisional negative seqs and no shared lock (commits flush
 * together), and `samen_number_pending` gives every committed provisional row of the tenant the
 * next seqs under the lock, in one statement: one flush for a batch of writes. Readers ask for seqs
 * above their cursor, so they never see a provisional row, and a batch becomes visible at once with
 * numbers above everything numbered before it: no reader can see seq n + 1 without n.
 *
 * The rows are taken into an array first: a writer may commit more provisional rows between two
 * statements of the function, and those wait for the next call instead of being numbered past the
 * counted range. The partial index finds what is left to number (a node that died between a commit
 * and its numbering) without scanning the feed.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.binaryType === 'blob') return;
  await sql`drop trigger changes_numbered_at_commit on changes`.execute(db);
  await sql`drop function samen_number_changes()`.execute(db);
  await sql`
    create function samen_number_pending(t text) returns bigint language plpgsql as $$
    declare
      provisional bigint[];
      pending bigint;
      last bigint;
    begin
      update tenant_seq set last_seq = last_seq where tenant_id = t returning last_seq into last;
      select array_agg(seq order by seq desc) into provisional from changes where tenant_id = t and seq < 0;
      if provisional is null then
        return coalesce(last, 0);
      end if;
      pending := array_length(provisional, 1);
      update tenant_seq set last_seq = last_seq + pending where tenant_id = t returning last_seq into last;
      update changes c
         set seq = last - pending + n.ordinal
        from unnest(provisional) with ordinality as n(seq, ordinal)
       where c.tenant_id = t and c.seq = n.seq;
      return last;
    end
    $$`.execute(db);
  await sql`create index changes_provisional_idx on changes (tenant_id) where seq < 0`.execute(db);
}

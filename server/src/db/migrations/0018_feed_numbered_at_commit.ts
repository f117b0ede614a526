import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * PostgreSQL numbers a write's changes while it commits, not while the writer still talks to it.
 *
 * A write's change rows arrive with provisional negative seqs, and a deferred constraint trigger gives
 * them the tenant's next seqs at COMMIT. The tenant's seq row lock (which keeps seqs in commit order,
 * see sync/feed.ts) is then held only for the numbering and the commit itself, inside the database,
 * instead of across the network round trips of the last statements and COMMIT; those round trips were
 * what capped the writes of one organisation per second. The first firing numbers every provisional row
 * of its transaction in insertion order; the later ones find their row already numbered.
 *
 * SQLite has one writer at a time, so it numbers at insert as before and needs nothing here.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.binaryType === 'blob') return;
  await sql`
    create function samen_number_changes() returns trigger language plpgsql as $$
    declare
      pending bigint;
      last bigint;
    begin
      perform 1 from changes where tenant_id = new.tenant_id and seq = new.seq;
      if not found then
        return null;
      end if;
      select count(*) into pending from changes where tenant_id = new.tenant_id and seq < 0;
      update tenant_seq set last_seq = last_seq + pending where tenant_id = new.tenant_id returning last_seq into last;
      update changes c
         set seq = last - pending + n.ordinal
        from (select seq as provisional, row_number() over (order by seq desc) as ordinal
                from changes where tenant_id = new.tenant_id and seq < 0) n
       where c.tenant_id = new.tenant_id and c.seq = n.provisional;
      return null;
    end
    $$`.execute(db);
  await sql`
    create constraint trigger changes_numbered_at_commit
      after insert on changes
      deferrable initially deferred
      for each row when (new.seq < 0)
      execute function samen_number_changes()`.execute(db);
}

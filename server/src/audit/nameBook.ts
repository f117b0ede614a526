import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { TargetKind } from './audit.js';

const REF = /^(person|device|group):([0-9a-f-]{36})$/;
type Named = Extract<TargetKind, 'person' | 'device' | 'group'>;

/**
 * Names of the people, devices and groups an export mentions, looked up a page at a time and kept
 * for the rest of the export (an organisation has thousands of them at most, the log millions of rows).
 */
export class NameBook {
  private readonly names = new Map<string, string | null>();

  constructor(
    private readonly k: Kysely<Database>,
    private readonly tenantId: string,
  ) {}

  /** Looks up every reference in `refs` not yet known (`person:<id>`, `device:<id>`, `group:<id>`; anything else is ignored). */
  async learn(refs: Iterable<string | null>): Promise<void> {
    const wanted: Record<Named, Set<string>> = { person: new Set(), device: new Set(), group: new Set() };
    for (const ref of refs) {
      const m = ref === null ? null : REF.exec(ref);
      if (m && !this.names.has(ref!)) wanted[m[1] as Named].add(m[2]!);
    }
    const found = [
      ...(await this.lookup('people', wanted.person)).map((r) => [`person:${r.id}`, r.name] as const),
      ...(await this.lookup('devices', wanted.device)).map((r) => [`device:${r.id}`, r.name] as const),
      ...(await this.lookup('groups', wanted.group)).map((r) => [`group:${r.id}`, r.name] as const),
    ];
    for (const [kind, ids] of Object.entries(wanted)) for (const id of ids) this.names.set(`${kind}:${id}`, null);
    for (const [ref, name] of found) this.names.set(ref, name);
  }

  /** The name of a reference learnt before; null when it names nothing (any more) or cannot be named. */
  nameOf(ref: string | null): string | null {
    return ref === null ? null : (this.names.get(ref) ?? null);
  }

  private async lookup(table: 'people' | 'devices' | 'groups', ids: Set<string>) {
    if (ids.size === 0) return [];
    return this.k.selectFrom(table).select(['id', 'name']).where('tenant_id', '=', this.tenantId).where('id', 'in', [...ids]).execute();
  }
}

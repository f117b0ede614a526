import type Database from 'better-sqlite3';
import { KioskSignageSchema, type KioskSignage } from '../../../common/src/api/routes/kiosks.js';

/** A kiosk's last heartbeat answer, and the directory lookups its signage needs. */
export function createKioskQueries(db: Database.Database) {
  const read = db.prepare<[], { data: string }>('SELECT data FROM kiosk_signage WHERE id = 1');
  const write = db.prepare<[string]>('INSERT INTO kiosk_signage (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data');
  const locations = db.prepare<[], { id: string; name: string }>("SELECT id, json_extract(data, '$.name') AS name FROM locations ORDER BY name, id");
  const departments = db.prepare<[string], { id: string }>("SELECT id FROM departments WHERE json_extract(data, '$.locationId') = ?");
  return {
    /** The last answer; null before the first (or when it no longer reads: the next heartbeat refills it). */
    signage(): KioskSignage | null {
      const row = read.get();
      if (!row) return null;
      const parsed = KioskSignageSchema.safeParse(JSON.parse(row.data));
      return parsed.success ? parsed.data : null;
    },
    setSignage: (s: KioskSignage) => void write.run(JSON.stringify(s)),
    departmentsAt: (locationId: string): string[] => departments.all(locationId).map((r) => r.id),
    /** The organisation's locations, by name: where an editor can place a kiosk. */
    locations: (): { id: string; name: string }[] => locations.all(),
  };
}

export type KioskQueries = ReturnType<typeof createKioskQueries>;

import type { Kysely } from 'kysely';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import { csvRecord } from '../audit/csv.js';
import type { Database } from '../db/schema.js';
import { loadAudience } from './audienceQuery.js';
import { placeNames } from './readReport.js';

export const READ_CSV_HEADERS = ['Naam', 'Functie', 'Afdeling', 'Locatie', 'Keer uitgesteld', 'Persoon-id'] as const;

/**
 * Everyone in the audience now who has not confirmed, by name, as CSV. Cells go through the audit
 * export's cell writer, so a name or job title that looks like a formula stays text in a spreadsheet.
 */
export async function readReportCsv(k: Kysely<Database>, tenantId: string, postId: string, audience: ReadAudience): Promise<string> {
  const [rows, names] = await Promise.all([loadAudience(k, tenantId, postId, audience), placeNames(k, tenantId)]);
  // The byte-order mark makes Excel read the file as UTF-8 (names with ë and é).
  let out = `\uFEFF${csvRecord(READ_CSV_HEADERS)}`;
  for (const r of rows) {
    if (r.confirmed_at !== null) continue;
    out += csvRecord([
      r.name,
      r.job_title,
      r.department_id ? (names.department.get(r.department_id) ?? '') : '',
      r.location_id ? (names.location.get(r.location_id) ?? '') : '',
      String(r.later_count ?? 0),
      r.id,
    ]);
  }
  return out;
}

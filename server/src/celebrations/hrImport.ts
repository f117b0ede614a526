import { sql, type Kysely } from 'kysely';
import type { HrImportRefusal, HrImportResult, HrImportRow } from '../../../common/src/api/routes/hrImport.js';
import { amsterdamDay, type CalendarDay } from '../../../common/src/celebrations/dates.js';
import { HIRE_YEAR_MIN, readBirthday, readHireDate, type HireDateProblem } from '../../../common/src/celebrations/hrDates.js';
import { recordAuditEvent } from '../audit/audit.js';
import type { Database } from '../db/schema.js';

/**
 * The HR import: birthdays and hire dates of an organisation's own people, found by employee number.
 * A dry run says what would change; the import applies every valid row in one transaction. The
 * person entity in the change feed carries neither date (kiosks are told today's celebrations by
 * their heartbeat, read from these columns each time), so nothing is announced to devices.
 */

interface StoredPerson {
  id: string;
  birthday: string | null;
  hireDate: string | null;
}

export interface HrImportPlan {
  result: Omit<HrImportResult, 'dryRun'>;
  /** [person id, "MM-DD"] of each birthday that changes. */
  birthdays: [string, string][];
  /** [person id, "YYYY-MM-DD"] of each hire date that changes. */
  hireDates: [string, string][];
}

const BIRTHDAY_REASON = {
  unreadable: 'Geboortedatum niet te lezen (gebruik DD-MM-JJJJ, DD-MM of JJJJ-MM-DD)',
  impossible: 'Geboortedatum bestaat niet',
} as const;
const HIRE_DATE_REASON: Record<HireDateProblem, string> = {
  unreadable: 'Datum in dienst niet te lezen (gebruik DD-MM-JJJJ of JJJJ-MM-DD)',
  impossible: 'Datum in dienst bestaat niet',
  future: 'Datum in dienst ligt in de toekomst',
  tooOld: `Datum in dienst ligt vóór ${HIRE_YEAR_MIN}`,
};
/** A duplicate's reason names this many of its lines at most. */
const LINES_NAMED = 5;

const keyOf = (row: HrImportRow) => row.employeeNumber.trim();
const filled = (cell: string | null | undefined): cell is string => typeof cell === 'string' && cell.trim() !== '';

/** What the rows would change, decided against the stored people; pure. */
export function planHrImport(rows: readonly HrImportRow[], people: ReadonlyMap<string, StoredPerson>, today: CalendarDay): HrImportPlan {
  const numbered = rows.map((row, index) => ({ row, line: row.line ?? index + 1 }));
  const linesOf = new Map<string, number[]>();
  for (const { row, line } of numbered) {
    const key = keyOf(row);
    if (key) linesOf.set(key, [...(linesOf.get(key) ?? []), line]);
  }

  const plan: HrImportPlan = { result: { rows: rows.length, birthdays: 0, hireDates: 0, unchanged: 0, changed: [], refused: [] }, birthdays: [], hireDates: [] };
  for (const { row, line } of numbered) {
    const key = keyOf(row);
    const person = people.get(key);
    const reasons: string[] = [];
    const lines = linesOf.get(key) ?? [];
    if (!key) reasons.push('Geen personeelsnummer');
    else if (lines.length > 1) reasons.push(duplicateReason(lines));
    else if (!person) reasons.push('Onbekend personeelsnummer');
    const birthday = filled(row.birthday) ? readBirthday(row.birthday) : null;
    const hireDate = filled(row.hireDate) ? readHireDate(row.hireDate, today) : null;
    if (birthday && !birthday.ok) reasons.push(BIRTHDAY_REASON[birthday.problem]);
    if (hireDate && !hireDate.ok) reasons.push(HIRE_DATE_REASON[hireDate.problem]);
    if (reasons.length > 0 || !person) {
      plan.result.refused.push({ line, employeeNumber: row.employeeNumber, reason: reasons.join('; ') } satisfies HrImportRefusal);
      continue;
    }
    const newBirthday = birthday?.ok && birthday.value !== person.birthday ? birthday.value : null;
    const newHireDate = hireDate?.ok && hireDate.value !== person.hireDate ? hireDate.value : null;
    if (newBirthday === null && newHireDate === null) {
      plan.result.unchanged++;
      continue;
    }
    if (newBirthday !== null) plan.birthdays.push([person.id, newBirthday]);
    if (newHireDate !== null) plan.hireDates.push([person.id, newHireDate]);
    plan.result.changed.push({ line, employeeNumber: row.employeeNumber, birthday: newBirthday !== null, hireDate: newHireDate !== null });
  }
  plan.result.birthdays = plan.birthdays.length;
  plan.result.hireDates = plan.hireDates.length;
  return plan;
}

function duplicateReason(lines: number[]): string {
  const named = lines.slice(0, LINES_NAMED).join(', ');
  return `Personeelsnummer staat ${lines.length} keer in het bestand (regels ${named}${lines.length > LINES_NAMED ? ', …' : ''})`;
}

/** Employee numbers looked up per statement: well inside either database's limit on parameters. */
const LOOKUP_CHUNK = 1000;
/** Rows written per statement. */
const UPDATE_CHUNK = 1000;

async function storedPeople(k: Kysely<Database>, tenantId: string, rows: readonly HrImportRow[]): Promise<Map<string, StoredPerson>> {
  const keys = [...new Set(rows.map(keyOf).filter((key) => key !== ''))];
  const found = new Map<string, StoredPerson>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const people = await k
      .selectFrom('people')
      .select(['id', 'employee_number', 'birthday', 'hire_date'])
      .where('tenant_id', '=', tenantId)
      .where('employee_number', 'in', keys.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const p of people) found.set(p.employee_number, { id: p.id, birthday: p.birthday ?? null, hireDate: p.hire_date ?? null });
  }
  return found;
}

/**
 * Sets one column of many people, a chunk per statement: `UPDATE … FROM (VALUES …)`, which both
 * SQLite and PostgreSQL read the same way (the list's columns are `column1`, `column2` on both).
 */
async function setColumn(k: Kysely<Database>, tenantId: string, column: 'birthday' | 'hire_date', values: [string, string][], now: string): Promise<void> {
  for (let i = 0; i < values.length; i += UPDATE_CHUNK) {
    const list = sql.join(values.slice(i, i + UPDATE_CHUNK).map(([id, value]) => sql`(${id}, ${value})`));
    await sql`UPDATE people SET ${sql.ref(column)} = v.column2, updated_at = ${now} FROM (VALUES ${list}) AS v WHERE people.tenant_id = ${tenantId} AND people.id = v.column1`.execute(k);
  }
}

/** Who runs an import, for the audit log: an admin (and her device), or nobody for an operator's command line. */
export interface HrImportActor {
  personId: string | null;
  deviceId: string | null;
}

/**
 * Plans the rows against the organisation's people and, unless it is a dry run, applies them in one
 * transaction with one audit entry of counts only (never a date or an employee number).
 */
export async function importHr(
  k: Kysely<Database>,
  o: { tenantId: string; rows: readonly HrImportRow[]; dryRun: boolean; now: Date; actor: HrImportActor },
): Promise<HrImportResult> {
  const today = amsterdamDay(o.now);
  if (o.dryRun) return { dryRun: true, ...planHrImport(o.rows, await storedPeople(k, o.tenantId, o.rows), today).result };
  return k.transaction().execute(async (trx) => {
    const plan = planHrImport(o.rows, await storedPeople(trx, o.tenantId, o.rows), today);
    const at = o.now.toISOString();
    await setColumn(trx, o.tenantId, 'birthday', plan.birthdays, at);
    await setColumn(trx, o.tenantId, 'hire_date', plan.hireDates, at);
    await recordAuditEvent(
      trx,
      {
        tenantId: o.tenantId,
        personId: o.actor.personId,
        deviceId: o.actor.deviceId,
        action: 'hr_imported',
        result: 'ok',
        detail: {
          rows: String(plan.result.rows),
          birthdays: String(plan.result.birthdays),
          hireDates: String(plan.result.hireDates),
          unchanged: String(plan.result.unchanged),
          refused: String(plan.result.refused.length),
        },
      },
      o.now,
    );
    return { dryRun: false, ...plan.result };
  });
}

import type { Kysely } from 'kysely';
import type { ListPosition } from '../../../common/src/api/cursor.js';
import type { AuditEvent } from '../../../common/src/api/entities.js';
import type { AuditFilters } from '../../../common/src/api/routes/audit.js';
import type { Database } from '../db/schema.js';
import { detailFromJson, type AuditAction } from './audit.js';
import { auditPage, type AuditRow } from './auditQuery.js';
import { csvRecord } from './csv.js';
import { NameBook } from './nameBook.js';

/** Rows read from the database at a time: a five-year log never sits in memory. */
export const EXPORT_PAGE_ROWS = 1000;

export const CSV_HEADERS = [
  'Tijdstip (UTC)',
  'Tijdstip (Amsterdam)',
  'Persoon',
  'Persoon-id',
  'Apparaat',
  'Apparaat-id',
  'Actie',
  'Omschrijving',
  'Resultaat',
  'Doel',
  'Doel (naam)',
  'Details',
  'Id',
] as const;

/** What each action means, for the officer reading the export. */
const ACTION_TEXT: Record<AuditAction, string> = {
  login_password: 'Ingelogd met wachtwoord',
  login_badge: 'Ingelogd met pas',
  login_pin: 'Ingelogd met personeelsnummer en pincode',
  logout: 'Uitgelogd',
  logout_lock: 'Scherm vergrendeld',
  logout_idle: 'Vergrendeld na inactiviteit',
  logout_switch: 'Uitgelogd: een collega nam het apparaat over',
  pin_lockout: 'Pincode geblokkeerd na te veel pogingen',
  badge_linked: 'Pas gekoppeld',
  session_rejected: 'Sessie geweigerd',
  enrolment_code_created: 'Koppelcode gemaakt',
  device_enrolled: 'Apparaat gekoppeld',
  device_revoked: 'Apparaat ontkoppeld',
  device_suspension: 'Pincodes op dit apparaat geschorst of weer toegestaan (zie resultaat)',
  group_updated: 'Instellingen van een groep gewijzigd',
  group_request_decided: 'Aanvraag om lid te worden beoordeeld',
  group_member_added: 'Lid toegevoegd aan groep',
  group_member_role_changed: 'Rol in groep gewijzigd',
  group_member_removed: 'Lid uit groep verwijderd',
  post_deleted: 'Bericht van een ander verwijderd',
  post_pinned: 'Bericht van een ander vastgezet',
  post_unpinned: 'Bericht van een ander losgemaakt',
  comment_deleted: 'Reactie van een ander verwijderd',
  post_hidden: 'Bericht verborgen door moderatie',
  post_restored: 'Verborgen bericht teruggezet',
  comment_hidden: 'Reactie verborgen door moderatie',
  comment_restored: 'Verborgen reactie teruggezet',
  ambassador_marked: 'Collega ambassadeur gemaakt of haar regel gewijzigd',
  ambassador_unmarked: 'Collega is geen ambassadeur meer',
  hr_imported: 'HR-gegevens ingelezen (verjaardagen en datums in dienst; alleen aantallen)',
  audit_read: 'Auditlog bekeken',
  audit_exported: 'Auditlog geëxporteerd',
};

const DETAIL_LABEL: Record<string, string> = {
  person: 'persoon',
  device: 'apparaat',
  group: 'groep',
  post: 'bericht',
  author: 'auteur',
  role: 'rol',
  previousRole: 'vorige rol',
  line: 'regel',
  target: 'doel',
  action: 'actie',
  from: 'vanaf',
  to: 'tot',
  page: 'pagina',
  name: 'naam',
  reason: 'reden',
  mode: 'soort',
  expiresAt: 'geldig tot',
  note: 'notitie',
  rows: 'regels',
  birthdays: 'verjaardagen bijgewerkt',
  hireDates: 'datums in dienst bijgewerkt',
  unchanged: 'ongewijzigd',
  refused: 'overgeslagen',
};

const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD HH:MM:SS` on the wall clock in Amsterdam (CET or CEST, whichever held then). */
export function amsterdamTime(iso: string): string {
  const part = Object.fromEntries(amsterdam.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

type Entry = { row: AuditRow; detail: AuditEvent['detail'] };

const refsOf = ({ row, detail }: Entry) => [row.person_id && `person:${row.person_id}`, row.device_id && `device:${row.device_id}`, row.target, ...Object.values(detail ?? {})];

const named = (names: NameBook, ref: string | null) => {
  const name = names.nameOf(ref);
  return name === null ? ref : `${name} (${ref})`;
};

function recordOf({ row, detail }: Entry, names: NameBook): string {
  const details = Object.entries(detail ?? {})
    .map(([key, value]) => `${DETAIL_LABEL[key] ?? key}: ${named(names, value) ?? '—'}`)
    .join('; ');
  return csvRecord([
    row.at,
    amsterdamTime(row.at),
    names.nameOf(row.person_id && `person:${row.person_id}`) ?? '',
    row.person_id ?? '',
    names.nameOf(row.device_id && `device:${row.device_id}`) ?? '',
    row.device_id ?? '',
    row.action,
    ACTION_TEXT[row.action as AuditAction] ?? '',
    row.result,
    row.target ?? '',
    names.nameOf(row.target) ?? '',
    details,
    row.id,
  ]);
}

/**
 * The tenant's audit log under the filters as CSV, oldest first, one page of rows per chunk. Only
 * entries before `until` are read, so an export does not chase the entries written while it runs.
 * Starts with a byte-order mark, so spreadsheet programs read the names as UTF-8.
 */
export async function* auditCsv(k: Kysely<Database>, tenantId: string, filters: AuditFilters, until: Date): AsyncGenerator<string> {
  yield `\uFEFF${csvRecord(CSV_HEADERS)}`;
  const to = filters.to && Date.parse(filters.to) < until.getTime() ? filters.to : until.toISOString();
  const names = new NameBook(k, tenantId);
  let after: ListPosition | null = null;
  for (;;) {
    const rows = await auditPage(k, tenantId, { ...filters, to }, { order: 'oldest', after, limit: EXPORT_PAGE_ROWS });
    if (rows.length === 0) return;
    const entries = rows.map((row) => ({ row, detail: detailFromJson(row.detail) }));
    await names.learn(entries.flatMap(refsOf));
    yield entries.map((e) => recordOf(e, names)).join('');
    if (rows.length < EXPORT_PAGE_ROWS) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
  }
}

/**
 * Where core writes what happened. The shell routes it to its log file; tests collect it.
 * Fields carry ids and codes only: no tokens, passwords or message bodies.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

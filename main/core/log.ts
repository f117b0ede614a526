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

/** One JSON object per line on the console, for both shells; `info` only when asked for (it is chatty). */
export function consoleLogger(o: { info: boolean }): Logger {
  const line = (level: string, message: string, fields?: LogFields) => JSON.stringify({ level, msg: message, ...fields });
  return {
    info: (m, f) => {
      if (o.info) console.log(line('info', m, f));
    },
    warn: (m, f) => console.warn(line('warn', m, f)),
    error: (m, f) => console.error(line('error', m, f)),
  };
}

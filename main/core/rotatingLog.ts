import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from './clock.js';
import type { Logger } from './log.js';
import { scrubFields, scrubText } from './logScrub.js';

/** One file grows to this size before it is rotated. */
export const LOG_FILE_BYTES = 1024 * 1024;
/** Rotated files kept beside the current one: at most (1 + this) × LOG_FILE_BYTES on disk. */
export const LOG_FILES_KEPT = 4;

/**
 * The main process's log in the app's data folder (`logs/samen.log`, then `samen.log.1` … as it
 * rotates), one JSON object per line, for an admin to collect. Lines are written at once, so the last
 * words before a crash are in it; what they say is scrubbed of personal data (logScrub.ts).
 */
export function rotatingFileLogger(o: { dir: string; clock: Clock; maxBytes?: number; keep?: number; echo?: Logger }): Logger & { file: string } {
  const maxBytes = o.maxBytes ?? LOG_FILE_BYTES;
  const keep = o.keep ?? LOG_FILES_KEPT;
  const file = path.join(o.dir, 'samen.log');
  let size = 0;
  try {
    mkdirSync(o.dir, { recursive: true });
    size = statSync(file).size;
  } catch {
    // No file yet, or a folder that cannot be made: every write below then fails quietly too.
    size = 0;
  }

  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(file, `${file}.1`);
    size = 0;
  };

  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Parameters<Logger['info']>[1]) => {
    o.echo?.[level](message, fields);
    const line = `${JSON.stringify({ t: o.clock.now().toISOString(), level, msg: scrubText(message), ...scrubFields(fields) })}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line);
      size += bytes;
    } catch {
      // A full or read-only disk must not take the app down with it; the console still has the line.
    }
  };

  return {
    file,
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

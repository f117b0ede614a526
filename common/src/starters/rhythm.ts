/**
 * When the next conversation starter is asked. A rhythm is a wall-clock time in Amsterdam: weekly on
 * a weekday, or every N days counted from a first day. Pure, and the same for the server (which posts
 * on it) and the editor's screen (which shows what comes next).
 */
export type StarterRhythm =
  | { kind: 'weekly'; /** ISO: 1 = Monday … 7 = Sunday */ weekday: number; /** `HH:MM`, Amsterdam */ time: string }
  | { kind: 'days'; every: number; time: string; /** `YYYY-MM-DD`: the first day of the count */ from: string };

const ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock reading in Amsterdam at `ms`, as if it were UTC: its difference from `ms` is the offset. */
function wallClock(ms: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/**
 * The instant a wall-clock time on a day in Amsterdam happens. A time the spring change skips
 * (02:30 on the last Sunday of March) happens an hour later on the new clock (03:30); a time the
 * autumn change repeats (02:30 on the last Sunday of October) is its second occurrence, on winter time.
 */
export function amsterdamInstant(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  const guess = wall - (wallClock(wall) - wall);
  return new Date(wall - (wallClock(guess) - guess));
}

/** `YYYY-MM-DD` of a UTC-midnight day number. */
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The Amsterdam calendar day of an instant, as a UTC-midnight day number. */
const amsterdamDayMs = (at: Date) => Math.floor(wallClock(at.getTime()) / DAY_MS) * DAY_MS;
const isoWeekday = (dayMs: number) => ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;

/** The first moment of the rhythm strictly after `after`. */
export function nextStarterAt(rhythm: StarterRhythm, after: Date): Date {
  // Start a day early: a day's wall-clock time may lie before `after`'s Amsterdam day began in UTC.
  const first = amsterdamDayMs(after) - DAY_MS;
  if (rhythm.kind === 'weekly') {
    for (let i = 0; i < 16; i++) {
      const day = first + i * DAY_MS;
      if (isoWeekday(day) !== rhythm.weekday) continue;
      const at = amsterdamInstant(dayString(day), rhythm.time);
      if (at > after) return at;
    }
  } else {
    const from = Date.parse(`${rhythm.from}T00:00:00Z`);
    const every = Math.max(1, Math.floor(rhythm.every));
    let k = Math.max(0, Math.floor((first - from) / DAY_MS / every));
    for (;; k++) {
      const at = amsterdamInstant(dayString(from + k * every * DAY_MS), rhythm.time);
      if (at > after) return at;
    }
  }
  throw new Error('unreachable: every week has each weekday');
}

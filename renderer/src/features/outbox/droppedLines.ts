import type { MethodOutput } from '../../../../common/src/ipc/contract';

export type DroppedNotice = MethodOutput<'outbox.stranded'>['dropped'][number];

export interface DroppedLine {
  kind: DroppedNotice['kind'];
  count: number;
  /** Any moment of the day they were written (local time): the line names the day. */
  day: Date;
}

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** Notices of writes dropped unsent, one line per kind and day written ("2 berichten van 3 december"), oldest first. */
export function droppedLines(notices: readonly DroppedNotice[]): DroppedLine[] {
  const lines = new Map<string, DroppedLine>();
  for (const notice of [...notices].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const day = new Date(notice.createdAt);
    const key = `${notice.kind}|${dayKey(day)}`;
    const line = lines.get(key);
    if (line) line.count += 1;
    else lines.set(key, { kind: notice.kind, count: 1, day });
  }
  return [...lines.values()];
}

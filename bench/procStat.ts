import { readdirSync, readFileSync } from 'node:fs';

/**
 * A CPU's time so far from /proc/stat, in ticks: user nice system idle iowait irq softirq steal. `cpu`
 * is one CPU's number, or null for all of them together; null where there is no /proc/stat.
 */
export function cpuTicks(cpu: string | null): number[] | null {
  const name = cpu === null ? 'cpu ' : `cpu${cpu} `;
  try {
    const row = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(name));
    return row ? row.trim().split(/\s+/).slice(1, 9).map(Number) : null;
  } catch {
    return null;
  }
}

/** Linux counts process CPU time in ticks of 1/100 s (USER_HZ) on every common architecture. */
const CLOCK_TICKS = 100;

/** CPU seconds a process has used so far in its own code and in the kernel on its behalf. */
export interface ProcessCpu {
  user: number;
  kernel: number;
}

/** A process's CPU seconds so far (Linux); NaN for both where it cannot be read, or it has gone. */
export function processCpu(pid: number): ProcessCpu {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { user: Number(fields[11]) / CLOCK_TICKS, kernel: Number(fields[12]) / CLOCK_TICKS };
  } catch {
    return { user: NaN, kernel: NaN };
  }
}

/** The processes `pid` started (Linux), such as nginx's worker beside its master; empty where unknown. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds used by every process named `command` now running (Linux); empty elsewhere. */
export function commandCpu(command: string): Map<number, ProcessCpu> {
  const found = new Map<number, ProcessCpu>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return found;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== command) continue;
    } catch {
      continue;
    }
    const cpu = processCpu(Number(pid));
    if (!Number.isNaN(cpu.user)) found.set(Number(pid), cpu);
  }
  return found;
}

/**
 * Seconds of CPU the processes of `before` and `after` used in between. Processes that ended in
 * between are not counted (their time is gone with them); those that began count from zero.
 */
export function cpuUsedBetween(before: Map<number, ProcessCpu>, after: Map<number, ProcessCpu>): ProcessCpu {
  const used = { user: 0, kernel: 0 };
  for (const [pid, a] of after) {
    const b = before.get(pid) ?? { user: 0, kernel: 0 };
    used.user += a.user - b.user;
    used.kernel += a.kernel - b.kernel;
  }
  return used;
}

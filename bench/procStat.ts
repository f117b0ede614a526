import { readFileSync } from 'node:fs';

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

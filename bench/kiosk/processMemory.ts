import { readdirSync, readFileSync } from 'node:fs';

/** What a group of processes holds in memory: proportional set size (shared pages split between sharers), else RSS. */
export interface ProcessMemory {
  bytes: number;
  processes: number;
  measure: 'PSS' | 'RSS';
}

const read = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Every live process with its parent, from /proc (Linux only). */
function parents(): Map<number, number> {
  const tree = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    // The command name is in brackets and may hold spaces: the fields after its closing bracket.
    const after = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (after) tree.set(Number(name), Number(after[1]));
  }
  return tree;
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const tree = parents();
  const found = [root];
  for (let i = 0; i < found.length; i++) for (const [pid, parent] of tree) if (parent === found[i]) found.push(pid);
  return found.filter((pid) => tree.has(pid));
}

/** Processes below `root` whose program is Chromium (its browser, renderers, GPU and utility processes). */
export function chromiumProcesses(root: number): number[] {
  return processTree(root).filter((pid) => /chrom/i.test(read(`/proc/${pid}/comm`) ?? ''));
}

const kib = (text: string | null, field: string): number | null => {
  const m = text ? new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text) : null;
  return m ? Number(m[1]) * 1024 : null;
};

/** Memory of these processes together; PSS where the kernel gives it, so shared libraries count once. */
export function memoryOf(pids: number[]): ProcessMemory {
  let bytes = 0;
  let measure: ProcessMemory['measure'] = 'PSS';
  for (const pid of pids) {
    const pss = kib(read(`/proc/${pid}/smaps_rollup`), 'Pss');
    if (pss !== null) bytes += pss;
    else {
      measure = 'RSS';
      bytes += kib(read(`/proc/${pid}/status`), 'VmRSS') ?? 0;
    }
  }
  return { bytes, processes: pids.length, measure };
}

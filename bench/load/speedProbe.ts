import type { ProbeOrder, ProbeResult } from './protocol.js';

/**
 * How fast one core runs a fixed piece of work right now: the CPU time (not wall time, so waiting
 * for the core while others use it does not count) of copying 16 MB and a JSON round trip, the kind
 * of memory and object work a node's fan-out does. A virtual machine's core can run slower when its
 * host's other guests are busy on the same physical core, without any of it showing as steal: the
 * same run's processes then use more CPU for the same work, and so does this unit.
 */
const source = Buffer.alloc(8 * 1024 * 1024, 7);
const target = Buffer.alloc(source.length);
const record = Array.from({ length: 500 }, (_, i) => ({ id: `post-${i}`, body: 'Vanmiddag overdracht in de teamkamer.'.repeat(2), likes: i }));

function unitMicros(): number {
  const before = process.cpuUsage();
  for (let i = 0; i < 2; i++) source.copy(target);
  JSON.parse(JSON.stringify(record));
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

let samples: number[] = [];
let timer: NodeJS.Timeout | null = null;

process.on('message', (m: ProbeOrder) => {
  if (m.type === 'probe-start') {
    samples = [];
    timer = setInterval(() => samples.push(unitMicros()), m.everyMs);
  } else {
    if (timer) clearInterval(timer);
    process.send!({ type: 'probe', micros: samples } satisfies ProbeResult);
  }
});

// Pipeline throughput: objects per second through ForEach-Object and Where-Object, next to awk doing the
// same sum over the same million numbers, in the same run. Wall time and CPU time (user + system) are both
// shown: on a shared machine the wall figure mostly measures the other processes, the CPU figure the code.
// Run: node --import tsx bench/pipeline.ts [count]
import { execSync } from 'node:child_process';
import { createSession } from '../src/host/create-session.ts';
import { runText } from '../src/runtime/evaluator/run-script.ts';
import { BufferHost } from '../src/runtime/host-ui.ts';
import { nullStreams } from '../src/runtime/streams.ts';

const count = Number(process.argv[2] ?? 1_000_000);

interface Timing {
  ms: number;
  cpuMs: number;
}

async function emsh(code: string): Promise<Timing> {
  const session = createSession({ host: new BufferHost() });
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await runText(session, code, { out: () => undefined, streams: nullStreams });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (!r.ok) throw new Error(`benchmark code failed: ${code}`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** awk's wall time, and the CPU time of seq and awk as bash's `time` reports it. */
function awk(): Timing {
  const t = performance.now();
  const report = execSync(`bash -c 'TIMEFORMAT="%U %S"; time (seq ${count} | awk "{s+=\\$1*2} END {print s}" >/dev/null)' 2>&1`, { encoding: 'utf8' });
  const ms = performance.now() - t;
  const [user, system] = report.trim().split(/\s+/).slice(-2).map(Number);
  return { ms, cpuMs: (user + system) * 1000 };
}

const cases = [
  ['ForEach-Object', `1..${count} | ForEach-Object { $_ * 2 } | Measure-Object -Sum`],
  ['Where-Object', `1..${count} | Where-Object { $_ % 2 -eq 0 } | Measure-Object`],
  ['foreach statement', `$s = 0; foreach ($i in 1..${count}) { $s += $i * 2 }; $s`],
] as const;

function line(name: string, t: Timing, awkTime?: Timing): string {
  const perObject = (ms: number) => `${((ms * 1000) / count).toFixed(3)} µs`;
  const vsAwk = awkTime ? `  (${(t.ms / awkTime.ms).toFixed(2)}x awk wall, ${(t.cpuMs / awkTime.cpuMs).toFixed(2)}x cpu)` : '';
  return `${name.padEnd(32)} ${t.ms.toFixed(0).padStart(6)} ms wall ${t.cpuMs.toFixed(0).padStart(6)} ms cpu  ${perObject(t.ms).padStart(9)}/object  ${((count / t.ms) * 1000).toFixed(0).padStart(9)} objects/s${vsAwk}`;
}

const awkTime = awk();
console.log(`objects: ${count}`);
console.log(line(`awk '{s+=$1*2}'`, awkTime));
for (const [name, code] of cases) {
  await emsh(code.replace(String(count), '1000')); // warm up the compiler
  console.log(line(name, await emsh(code), awkTime));
}

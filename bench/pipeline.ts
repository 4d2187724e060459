// Pipeline throughput: objects per second through ForEach-Object and Where-Object (and the foreach statement),
// next to awk doing the same sum over the same million numbers, in the same run.
//
// Each case runs in a fresh session: after a 10-object run that loads the cmdlets' modules, the first full
// run is reported as cold (the JIT still compiling), then `runs` more are measured and their median and
// best reported as the steady state. awk runs `runs` times too (median and best). Wall time and CPU time (user + system) are both shown: on a shared machine the
// wall figure mostly measures the other processes, the CPU figure the code; ratios to awk use the medians.
// Run: node --import tsx bench/pipeline.ts [count] [runs]
import { execSync } from 'node:child_process';
import { createSession } from '../src/host/create-session.ts';
import { runText } from '../src/runtime/evaluator/run-script.ts';
import { BufferHost } from '../src/runtime/host-ui.ts';
import { nullStreams } from '../src/runtime/streams.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);

interface Timing {
  ms: number;
  cpuMs: number;
}

interface Series {
  cold?: Timing;
  median: Timing;
  best: Timing;
}

async function emshRun(session: ReturnType<typeof createSession>, code: string): Promise<Timing> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await runText(session, code, { out: () => undefined, streams: nullStreams });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (!r.ok) throw new Error(`benchmark code failed: ${code}`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

async function emsh(code: string): Promise<Series> {
  const session = createSession({ host: new BufferHost() });
  await emshRun(session, code.replace(String(count), '10')); // imports the cmdlets' modules, which is not throughput
  const cold = await emshRun(session, code);
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) timings.push(await emshRun(session, code));
  return { cold, ...summary(timings) };
}

/** awk's wall time, and the CPU time of seq and awk as bash's `time` reports it. */
function awkRun(): Timing {
  const t = performance.now();
  const report = execSync(`bash -c 'TIMEFORMAT="%U %S"; time (seq ${count} | awk "{s+=\\$1*2} END {print s}" >/dev/null)' 2>&1`, { encoding: 'utf8' });
  const ms = performance.now() - t;
  const [user, system] = report.trim().split(/\s+/).slice(-2).map(Number);
  return { ms, cpuMs: (user + system) * 1000 };
}

function awk(): Series {
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) timings.push(awkRun());
  return summary(timings);
}

/** Median and best of wall and CPU time, each taken on its own. */
function summary(timings: Timing[]): Series {
  const middle = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const m = sorted.length >> 1;
    return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  };
  const walls = timings.map((t) => t.ms);
  const cpus = timings.map((t) => t.cpuMs);
  return { median: { ms: middle(walls), cpuMs: middle(cpus) }, best: { ms: Math.min(...walls), cpuMs: Math.min(...cpus) } };
}

const cases = [
  ['ForEach-Object', `1..${count} | ForEach-Object { $_ * 2 } | Measure-Object -Sum`],
  ['Where-Object', `1..${count} | Where-Object { $_ % 2 -eq 0 } | Measure-Object`],
  ['foreach statement', `$s = 0; foreach ($i in 1..${count}) { $s += $i * 2 }; $s`],
] as const;

const perObject = (ms: number) => `${((ms * 1000) / count).toFixed(3)} µs`;
const time = (t: Timing) => `${t.ms.toFixed(0).padStart(5)} ms wall ${t.cpuMs.toFixed(0).padStart(5)} ms cpu`;

function line(name: string, s: Series, awkTime?: Series): string {
  const m = s.median;
  const vsAwk = awkTime ? `  ${(m.ms / awkTime.median.ms).toFixed(2)}x awk wall, ${(m.cpuMs / awkTime.median.cpuMs).toFixed(2)}x cpu` : '';
  const cold = s.cold ? `  cold ${time(s.cold)}` : '';
  return (
    `${name.padEnd(20)} median ${time(m)} (${perObject(m.ms)}/object, ${((count / m.ms) * 1000).toFixed(0)} objects/s)` +
    `  best ${time(s.best)}${cold}${vsAwk}`
  );
}

const awkTime = awk();
console.log(`objects: ${count}; median and best of ${runs} runs after the first (cold) one`);
console.log(line(`awk '{s+=$1*2}'`, awkTime));
for (const [name, code] of cases) console.log(line(name, await emsh(code), awkTime));

// Pipeline throughput: objects per second through ForEach-Object and Where-Object, next to awk doing the
// same sum over the same million numbers, in the same run.
// Run: node --import tsx bench/pipeline.ts [count]
import { execSync } from 'node:child_process';
import { createSession } from '../src/host/create-session.ts';
import { runText } from '../src/runtime/evaluator/run-script.ts';
import { BufferHost } from '../src/runtime/host-ui.ts';
import { nullStreams } from '../src/runtime/streams.ts';

const count = Number(process.argv[2] ?? 1_000_000);

async function emsh(code: string): Promise<{ ms: number; out: unknown[] }> {
  const session = createSession({ host: new BufferHost() });
  const out: unknown[] = [];
  const t = performance.now();
  const r = await runText(session, code, { out: (v) => void out.push(v), streams: nullStreams });
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(`benchmark code failed: ${code}`);
  return { ms, out };
}

function awk(): number {
  const t = performance.now();
  execSync(`seq ${count} | awk '{s+=$1*2} END {print s}'`, { encoding: 'utf8' });
  return performance.now() - t;
}

const cases = [
  ['ForEach-Object', `1..${count} | ForEach-Object { $_ * 2 } | Measure-Object -Sum`],
  ['Where-Object', `1..${count} | Where-Object { $_ % 2 -eq 0 } | Measure-Object`],
  ['foreach statement', `$s = 0; foreach ($i in 1..${count}) { $s += $i * 2 }; $s`],
] as const;

const awkMs = awk();
console.log(`objects: ${count}`);
console.log(`awk '{s+=$1*2}'                 ${awkMs.toFixed(0).padStart(6)} ms  ${((count / awkMs) * 1000).toFixed(0).padStart(10)} objects/s`);
for (const [name, code] of cases) {
  await emsh(code.replace(String(count), '1000')); // warm up the compiler
  const { ms } = await emsh(code);
  console.log(`${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  ${((count / ms) * 1000).toFixed(0).padStart(10)} objects/s  (${(ms / awkMs).toFixed(2)}x awk)`);
}

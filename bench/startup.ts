// Startup: median wall time of `emsh -NoProfile -Command '1+1'` next to `node -e 0`, in the same run.
// Run: npm run build && node --import tsx bench/startup.ts [runs]
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 15);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const node: number[] = [];
const emsh: number[] = [];
time(['bin/emsh.js', '-NoProfile', '-Command', '1+1']); // warm the file cache
for (let i = 0; i < runs; i++) {
  node.push(time(['-e', '0']));
  emsh.push(time(['bin/emsh.js', '-NoProfile', '-Command', '1+1']));
}
const n = median(node);
const e = median(emsh);
console.log(`node -e 0                         median ${n.toFixed(1)} ms`);
console.log(`emsh -NoProfile -Command '1+1'    median ${e.toFixed(1)} ms`);
console.log(`ratio                             ${(e / n).toFixed(2)} (target <= 2.5)`);

// `npm run bench [name...]`: builds the CLI, then runs the benchmarks in bench/ (all, or the named ones:
// parse, startup, pipeline, first-prompt, certificates, mailflow). Each prints its own numbers.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync('bench').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark '${unknown[0]}'. Choose from: ${all.join(', ')}.`);
  process.exit(2);
}

function run(args) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

if (run(['scripts/build.mjs']) !== 0) process.exit(1);
let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n== bench/${name}.ts`);
  if (run(['--import', 'tsx', `bench/${name}.ts`]) !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);

// `npm test`: type-checks, builds the CLI, then runs every test file with Node's test runner.
// Usage: node scripts/test.mjs [substring...]  (only files whose path contains one of the substrings)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const filters = process.argv.slice(2);
const files = findTests('test').sort().filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (filters.length === 0) {
  run('npx', ['tsc', '-p', 'tsconfig.json']);
}
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);

// `npm run tutorial`: runs tutorials/contoso.ps1 in a fresh lab folder. The lab folder is
// $EMSH_TUTORIAL_HOME when set (emptied of an earlier tutorial run first), else a new temporary
// folder; Contoso's state root is <lab>/contoso ($EMSH_HOME), Woodgrove Bank's <lab>/woodgrove, and
// the lab registry both share <lab>/lab-registry.json ($EMSH_LAB_REGISTRY). On a terminal the
// tutorial pauses between steps; never when standard input is not a terminal or CI=true.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = '.emsh-tutorial';
const LAB_ENTRIES = ['contoso', 'woodgrove', 'lab-registry.json', 'lab-registry.json.lock', 'lab-registry-machines.json', 'lab-registry-machines.json.lock', MARKER];

function labFolder() {
  const configured = process.env.EMSH_TUTORIAL_HOME;
  if (!configured) return mkdtempSync(join(tmpdir(), 'emsh-tutorial-'));
  const lab = resolve(configured);
  mkdirSync(lab, { recursive: true });
  const leftovers = readdirSync(lab).filter((name) => LAB_ENTRIES.includes(name));
  if (leftovers.length > 0 && !existsSync(join(lab, MARKER))) {
    process.stderr.write(`EMSH_TUTORIAL_HOME (${lab}) holds ${leftovers.join(', ')} that an earlier tutorial didn't create; choose an empty folder.\n`);
    process.exit(2);
  }
  for (const name of leftovers) rmSync(join(lab, name), { recursive: true, force: true });
  return lab;
}

if (!existsSync(join(root, 'dist', 'emsh.js'))) {
  process.stderr.write('emsh is not built yet. Run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}
const lab = labFolder();
writeFileSync(join(lab, MARKER), 'A lab folder made by npm run tutorial; the next run empties it.\n');
const contoso = join(lab, 'contoso');
mkdirSync(contoso, { recursive: true });
const pause = !!process.stdin.isTTY && process.env.CI !== 'true';
const args = [join(root, 'bin', 'emsh.js'), '-NoProfile', '-File', join(root, 'tutorials', 'contoso.ps1'), '-WoodgroveRoot', join(lab, 'woodgrove'), ...(pause ? ['-Pause'] : [])];
process.stdout.write(`Lab folder: ${lab}\n`);
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, EMSH_HOME: contoso, EMSH_LAB_REGISTRY: join(lab, 'lab-registry.json') },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

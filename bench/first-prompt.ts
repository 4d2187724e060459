// First prompt: wall time from starting `emsh` on a pseudo-terminal until its prompt is on screen,
// next to `node -e 0` and `emsh -Command 1` (start to exit) measured the same way in the same run;
// the difference between the last two is what the interactive shell (ink, React, history) adds.
// The pseudo-terminal comes from util-linux `script` (else tmux, polled every few ms).
// Run: npm run build && node --import tsx bench/first-prompt.ts [runs] [entry (default bin/emsh.js)]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 15);
const home = mkdtempSync(join(tmpdir(), 'emsh-bench-'));
const hasScript = spawnSync('script', ['--version']).status === 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** Runs `command` in a pty (script); resolves with the ms until `ready` matched the output (or exit when no pattern). */
function timeInScript(command: string, ready?: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty rows 30 cols 100; ${command}`, '/dev/null'], {
      env: { ...process.env, EMSH_HOME: home, COLUMNS: '100', LINES: '30' },
      stdio: ['pipe', 'pipe', 'inherit'],
      detached: true,
    });
    let out = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      child.stdin.write('\x04');
      setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // ended
        }
      }, 300);
      resolve(ms);
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (ready && ready.test(strip(out))) finish();
    });
    child.on('exit', () => (ready && !done ? reject(new Error(`no prompt; output was:\n${out}`)) : finish()));
  });
}

function timeInTmux(command: string, ready?: RegExp): number {
  const socket = `emsh-bench-${process.pid}`;
  const t0 = process.hrtime.bigint();
  spawnSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '30', `EMSH_HOME=${home} ${command}; echo __EXITED__; sleep 5`]);
  for (;;) {
    const screen = spawnSync('tmux', ['-L', socket, 'capture-pane', '-p'], { encoding: 'utf8' }).stdout;
    if ((ready ?? /__EXITED__/).test(screen)) break;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  return ms;
}

const node = process.execPath;
const measure = (command: string, ready?: RegExp) => (hasScript ? timeInScript(command, ready) : Promise.resolve(timeInTmux(command, ready)));
const emshCommand = `${node} ${process.argv[3] ?? 'bin/emsh.js'}`;
const prompt = /PS [^\n]*> *$/m;

await measure(emshCommand, prompt); // warm the file cache
const nodeTimes: number[] = [];
const commandTimes: number[] = [];
const emshTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  nodeTimes.push(await measure(`${node} -e 0`));
  commandTimes.push(await measure(`${emshCommand} -NoProfile -Command 1`));
  emshTimes.push(await measure(emshCommand, prompt));
}
const n = median(nodeTimes);
const c = median(commandTimes);
const e = median(emshTimes);
console.log(`pseudo-terminal via ${hasScript ? 'script(1)' : 'tmux'}, ${runs} runs, medians:`);
console.log(`node -e 0 (start to exit)               ${n.toFixed(1)} ms`);
console.log(`emsh -Command 1 (start to exit)         ${c.toFixed(1)} ms`);
console.log(`emsh (start to first prompt on screen)  ${e.toFixed(1)} ms   (ratio to node -e 0: ${(e / n).toFixed(2)})`);

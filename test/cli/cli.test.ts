// The command line as a user runs it: `emsh -Command`, `emsh script.ps1 args`, a script on standard
// input; exit codes and the split between standard output and standard error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const home = mkdtempSync(join(tmpdir(), 'emsh-cli-'));
after(() => rmSync(home, { recursive: true, force: true }));

function emsh(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/emsh.js', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, EMSH_HOME: home, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('emsh -Command', () => {
  it('prints output and exits 0', () => {
    const r = emsh(['-NoProfile', '-Command', '1+1']);
    assert.equal(r.out, '2\n');
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
  });

  it('accepts -c and joins the remaining words', () => {
    const r = emsh(['-c', 'Write-Output', 'hello']);
    assert.equal(r.out, 'hello\n');
  });

  it('exits 1 after a terminating error, with the error on standard error', () => {
    const r = emsh(['-Command', 'throw "bad thing"']);
    assert.equal(r.code, 1);
    assert.match(r.err, /bad thing/);
    assert.equal(r.out, '');
  });

  it('exits 1 when the last command failed', () => {
    const r = emsh(['-Command', 'Get-NoSuchCommand']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Get-NoSuchCommand/);
  });

  it('exits with N after exit N', () => {
    assert.equal(emsh(['-Command', 'exit 7']).code, 7);
  });
});

describe('emsh script.ps1', () => {
  it('binds the script parameters from the arguments', () => {
    const file = join(home, 'greet.ps1');
    writeFileSync(file, 'param([string]$Name, [int]$Times = 1)\nforeach ($i in 1..$Times) { "Hello $Name" }\n');
    const r = emsh([file, '-Name', 'Contoso', '-Times', '2']);
    assert.equal(r.out, 'Hello Contoso\nHello Contoso\n');
    assert.equal(r.code, 0);
    assert.equal(emsh(['-File', file, 'Woodgrove']).out, 'Hello Woodgrove\n');
  });

  it('reports a parse error with its position and exits 1', () => {
    const file = join(home, 'broken.ps1');
    writeFileSync(file, '"ok"\nif ($x {\n');
    const r = emsh([file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /broken\.ps1/);
    assert.equal(r.out, '');
  });
});

describe('a script on standard input', () => {
  it('runs it when standard input is not a terminal', () => {
    const r = emsh([], '$x = 3\n$x * 2\n');
    assert.equal(r.out, '6\n');
    assert.equal(r.code, 0);
  });
});

describe('informational switches', () => {
  it('prints the version and the help', () => {
    assert.match(emsh(['-Version']).out, /^emsh \d+\.\d+\.\d+/);
    assert.match(emsh(['-Help']).out, /emsh -Command <text>/);
  });

  it('rejects an unknown switch clearly', () => {
    const r = emsh(['-Bogus']);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /The parameter '-Bogus' is not recognized/);
  });
});

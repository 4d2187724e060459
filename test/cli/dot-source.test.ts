// Dot-sourcing a script file: its functions and variables land in the caller's scope, whether the `.`
// opens the first line, a later line, or follows `;`; `&` runs it in a child scope instead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const folder = mkdtempSync(join(tmpdir(), 'emsh-dot-'));
after(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, 'helper.ps1'), 'function Get-Greeting { "hello from helper" }\n$shared = 42\n');

function runScript(text: string) {
  const script = join(folder, `main-${Math.random().toString(36).slice(2)}.ps1`);
  writeFileSync(script, text);
  const r = spawnSync(process.execPath, ['bin/emsh.js', '-NoProfile', '-File', script], {
    encoding: 'utf8',
    env: { ...process.env, EMSH_HOME: folder, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dot-sourcing', () => {
  it('works on a line after the first, with a bare $PSScriptRoot path', () => {
    const r = runScript('"start"\n. $PSScriptRoot/helper.ps1\nGet-Greeting\n$shared\n');
    assert.equal(r.err, '');
    assert.equal(r.out, 'start\nhello from helper\n42\n');
  });

  it('works after a semicolon and with a parenthesised path', () => {
    const r = runScript('$x = 1; . (Join-Path $PSScriptRoot helper.ps1); $shared + $x\n');
    assert.equal(r.err, '');
    assert.equal(r.out, '43\n');
  });

  it('& runs the file in a child scope: its variables do not stay', () => {
    const r = runScript('& $PSScriptRoot/helper.ps1\n$null -eq $shared\n');
    assert.equal(r.out, 'True\n');
  });
});

// Process exit codes as PowerShell sets them: -Command follows the last command's success ($?), a script
// file (-File) that ends normally exits 0 whatever failed inside it, a terminating error exits 1, `exit N` N.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const home = mkdtempSync(join(tmpdir(), 'emsh-exit-'));
after(() => rmSync(home, { recursive: true, force: true }));

function emsh(args: string[]): number | null {
  return spawnSync(process.execPath, ['bin/emsh.js', '-NoProfile', ...args], { encoding: 'utf8', env: { ...process.env, EMSH_HOME: home } }).status;
}

function script(name: string, text: string): string {
  const file = join(home, name);
  writeFileSync(file, text);
  return file;
}

describe('exit codes', () => {
  it('-Command: 1 when the last command failed, 0 when it succeeded', () => {
    assert.equal(emsh(['-Command', 'Get-Item c:\\nope']), 1);
    assert.equal(emsh(['-Command', 'Get-Item c:\\nope; "fine"']), 0);
  });

  it('-File: 0 after a normal end, even with a caught or non-terminating error inside', () => {
    assert.equal(emsh(['-File', script('caught.ps1', 'try { Get-Item c:\\nope -ErrorAction Stop } catch { "caught" }\n')]), 0);
    assert.equal(emsh(['-File', script('nonterminating.ps1', 'Get-Item c:\\nope\n')]), 0);
  });

  it('-File: 1 after an uncaught terminating error, N after exit N', () => {
    assert.equal(emsh(['-File', script('throws.ps1', '"start"\nthrow "stop here"\n')]), 1);
    assert.equal(emsh(['-File', script('exits.ps1', 'exit 7\n')]), 7);
  });
});

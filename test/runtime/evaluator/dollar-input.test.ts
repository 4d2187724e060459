// `$input`: the current object in ForEach-Object's block and in a process block, all pipeline input in
// a function or script without one, and an enumerator (MoveNext/Current/Reset).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('$input', () => {
  const shell = createShell();
  const folder = mkdtempSync(join(tmpdir(), 'emsh-input-'));
  after(async () => {
    await shell.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('enumerates the current object in ForEach-Object and Where-Object blocks', async () => {
    assert.equal((await shell.run('1,2 | ForEach-Object { $input }')).out, '1\n2\n');
    assert.equal((await shell.run('1,2,3 | Where-Object { @($input)[0] -gt 1 }')).out, '2\n3\n');
    assert.equal((await shell.run("1 | ForEach-Object -Begin { 'b' + @($input).Count } -Process { $input } -End { 'e' + @($input).Count }")).out, 'b0\n1\ne0\n');
  });

  it("leaves a function's own $input alone around a ForEach-Object", async () => {
    await shell.run('function Test-Keep { 9 | ForEach-Object { $input }; "all: $($input -join \',\')" }');
    assert.equal((await shell.run('1,2 | Test-Keep')).out, '9\nall: 1,2\n');
  });

  it('is the current object in a process block and empty in the end block after it', async () => {
    await shell.run('function Test-Process { process { "p:$input" } end { "end: $(@($input).Count)" } }');
    assert.equal((await shell.run('3,4 | Test-Process')).out, 'p:3\np:4\nend: 0\n');
  });

  it('is all the input in a function or script without begin/process blocks', async () => {
    await shell.run('function Test-All { "all: $($input -join \',\')" }');
    assert.equal((await shell.run('5,6 | Test-All')).out, 'all: 5,6\n');
    const script = join(folder, 'read-input.ps1');
    writeFileSync(script, '"script: $($input -join \'+\')"\n');
    assert.equal((await shell.run(`7,8 | & '${script}'`)).out, 'script: 7+8\n');
  });

  it('is an enumerator: MoveNext, Current and Reset', async () => {
    await shell.run('function Test-Enumerator { while ($input.MoveNext()) { "cur " + $input.Current }; $input.Reset(); [void]$input.MoveNext(); "again " + $input.Current }');
    assert.equal((await shell.run('7,8 | Test-Enumerator')).out, 'cur 7\ncur 8\nagain 7\n');
  });
});

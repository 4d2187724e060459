// Redirection operators on commands and on expressions: > and >> write what the console would show,
// 2> takes the error stream, 2>&1 merges errors into output, > $null and *> $null discard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('redirection', () => {
  const shell = createShell();
  after(() => shell.dispose());
  const file = (name: string) => readFileSync(join(shell.stateRoot, 'drives', 'C', name), 'utf8');

  it('an expression redirected to a file, then appended to', async () => {
    const { out, err } = await shell.run('"x" > c:\\out.txt; "y" >> c:\\out.txt');
    assert.equal(err, '');
    assert.equal(out, '');
    assert.equal(file('out.txt'), 'x\ny\n');
  });

  it('a command redirected to a file, then read back', async () => {
    await shell.run('Write-Output a b > c:\\cmd.txt');
    assert.deepEqual(await shell.values('Get-Content c:\\cmd.txt'), ['a', 'b']);
  });

  it('> $null discards an expression and a command; the next statement runs', async () => {
    const { out, err } = await shell.run('1..3 > $null; Write-Output 4 > $null; "after"');
    assert.equal(err, '');
    assert.equal(out, 'after\n');
  });

  it('2> writes the error stream to a file; 2>&1 merges errors into the output', async () => {
    const { err } = await shell.run('Write-Error "bad" 2> c:\\err.txt');
    assert.equal(err, '');
    assert.match(file('err.txt'), /bad/);
    const merged = await shell.values('Write-Error "oops" 2>&1');
    assert.equal(merged.length, 1);
    assert.match(String((merged[0] as { toString(): string }).toString()), /oops/);
  });

  it('*> $null silences every stream', async () => {
    const { out, err } = await shell.run('& { Write-Warning w; Write-Error e; "o" } *> $null');
    assert.equal(out, '');
    assert.equal(err, '');
  });
});

// Cmdlet modules load on first use; a script block run synchronously (passed to a method) can still call
// a cmdlet the session has not loaded yet, because the text's named commands are loaded before it runs.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createShell, type Shell } from '../../helpers/run.ts';

describe('cmdlets named in text are loaded before it runs', () => {
  let shell: Shell | undefined;
  afterEach(() => shell?.dispose());

  it('a fresh session runs a cmdlet inside .Where({}) and .ForEach({}) the first time', async () => {
    shell = createShell();
    const { err } = await shell.run('$d = @(1).Where({ (Get-Date -Year 2020).Year -eq 2020 }); $e = @(1).ForEach({ Get-Alias gci | % Definition })');
    assert.equal(err, '');
    assert.deepEqual(await shell.values('$d; $e'), [1, 'Get-ChildItem']);
  });

  it('Invoke-Expression text is covered too', async () => {
    shell = createShell();
    const { err, out } = await shell.run("Invoke-Expression '@(5).Where({ (Get-Date -Year 2021).Year -eq 2021 })'");
    assert.equal(err, '');
    assert.equal(out, '5\n');
  });
});

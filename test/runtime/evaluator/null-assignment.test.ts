// `$null = <value>` discards the value without an error (how scripts silence output), while the other
// automatic constants stay read-only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShell, type Shell } from '../../helpers/run.ts';

let shell: Shell;
before(() => {
  shell = createShell();
});
after(() => shell.dispose());

describe('assigning to $null', () => {
  it('discards the value silently and $null stays null', async () => {
    const { out, err } = await shell.run('$null = 1; $null = Get-Date; $global:null = 2; "after"; $null -eq $null; $null');
    assert.equal(err, '');
    assert.equal(out, 'after\nTrue\n');
  });

  it('keeps $true read-only', async () => {
    const { err } = await shell.run('$true = 1');
    assert.match(err, /Cannot overwrite variable true because it is read-only or constant\./);
  });
});

// `$null = <value>` discards the value without an error (how scripts silence output), while the other
// automatic constants stay read-only, with 5.1's error record (WriteError, SessionStateUnauthorizedAccessException).
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
    assert.match(err, /CategoryInfo {10}: WriteError: \(true:String\) \[\], SessionStateUnauthorizedAccessException\n/);
    assert.match(err, /FullyQualifiedErrorId : VariableNotWritable\n/);
    const caught = await shell.values('try { $false = 2 } catch [System.Management.Automation.SessionStateException] { $_.FullyQualifiedErrorId }');
    assert.deepEqual(caught, ['VariableNotWritable']);
  });

  it('reports removing a constant as 5.1 does', async () => {
    const { err } = await shell.run('Remove-Variable PID');
    assert.match(err, /CategoryInfo {10}: WriteError: \(PID:String\) \[Remove-Variable\], SessionStateUnauthorizedAccessException\n/);
    assert.match(err, /FullyQualifiedErrorId : VariableNotRemovable,Microsoft\.PowerShell\.Commands\.RemoveVariableCommand\n/);
  });
});

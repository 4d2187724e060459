// Common parameters of an advanced function set its preference variables, as in PowerShell: -Verbose
// turns on Write-Verbose inside it, -ErrorAction Stop makes its errors terminating, and nothing leaks
// to the caller.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

describe('common parameters of advanced functions', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('-Verbose shows the function\'s verbose messages and sets $VerbosePreference there only', async () => {
    await shell.run('function Test-Verbose { [CmdletBinding()] param() Write-Verbose "inside"; "$VerbosePreference" }');
    const on = await shell.run('Test-Verbose -Verbose; "$VerbosePreference"');
    assert.equal(on.out, 'Continue\nSilentlyContinue\n');
    assert.equal(on.err, 'VERBOSE: inside\n');
    const off = await shell.run('Test-Verbose');
    assert.equal(off.out, 'SilentlyContinue\n');
    assert.equal(off.err, '');
    assert.equal((await shell.run('Test-Verbose -Verbose:$false')).out, 'SilentlyContinue\n');
  });

  it('-ErrorAction Stop makes Write-Error inside the function terminating (it ends the script)', async () => {
    await shell.run('function Test-Stop { [CmdletBinding()] param() Write-Error "bad"; "after" }');
    const { out, err } = await shell.run('Test-Stop -ErrorAction Stop; "next"');
    assert.equal(out, '');
    assert.match(err, /bad/);
    assert.equal((await shell.run('Test-Stop -ErrorAction SilentlyContinue')).out, 'after\n');
  });

  it('a script run with -Verbose gets it too', async () => {
    const { err } = await shell.run("& ([scriptblock]::Create('[CmdletBinding()] param() Write-Verbose script')) -Verbose");
    assert.equal(err, 'VERBOSE: script\n');
  });
});

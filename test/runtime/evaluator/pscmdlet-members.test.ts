// $PSCmdlet's write methods, ThrowTerminatingError and its other members in advanced functions, as in
// Windows PowerShell 5.1: the streams honour the function's common parameters and the preferences of its
// scope, and errors are the function's (`Fail-It : bad` at its call, FullyQualifiedErrorId `BadThing,Fail-It`).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

const NEW_RECORD = "[System.Management.Automation.ErrorRecord]::new([Exception]::new('bad'), 'BadThing', 'InvalidOperation', $null)";

describe('$PSCmdlet write methods', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('WriteObject writes a collection as one object unless asked to enumerate it', async () => {
    await shell.run('function Get-Pairs { [CmdletBinding()] param() $PSCmdlet.WriteObject(@(1, 2)); $PSCmdlet.WriteObject(@(3, 4), $true); $PSCmdlet.WriteObject(5) }');
    const values = await shell.values('Get-Pairs');
    assert.equal(values.length, 4);
    assert.deepEqual([...(values[0] as unknown[])], [1, 2]);
    assert.deepEqual(values.slice(1), [3, 4, 5]);
    assert.equal((await shell.run('Get-Pairs | Measure-Object | ForEach-Object Count')).out, '4\n');
  });

  it('WriteError reports the record as the function\'s error', async () => {
    await shell.run("function Test-Input { [CmdletBinding()] param($Value) $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([Exception]::new(\"Bad value $Value\"), 'BadValue', 'InvalidData', $Value)); 'went on' }");
    const r = await shell.run('Test-Input 42');
    assert.equal(r.out, 'went on\n');
    assert.equal(
      r.err,
      'Test-Input : Bad value 42\nAt line:1 char:1\n+ Test-Input 42\n+ ~~~~~~~~~~~~~\n' +
        '    + CategoryInfo          : InvalidData: (42:Int32) [Test-Input], Exception\n' +
        '    + FullyQualifiedErrorId : BadValue,Test-Input\n \n',
    );
  });

  it('WriteError honours -ErrorAction and -ErrorVariable of the function', async () => {
    const r = await shell.run('Test-Input 1 -ErrorAction SilentlyContinue -ErrorVariable problems; $problems.Count; $problems[0].FullyQualifiedErrorId');
    assert.equal(r.err, '');
    assert.equal(r.out, 'went on\n1\nBadValue,Test-Input\n');
  });

  it('WriteError stops the function when its scope set $ErrorActionPreference to Stop', async () => {
    await shell.run("function Test-Strict { [CmdletBinding()] param() $ErrorActionPreference = 'Stop'; $PSCmdlet.WriteError(" + NEW_RECORD + "); 'not reached' }");
    const r = await shell.run('try { Test-Strict } catch { "caught $($_.FullyQualifiedErrorId)" }');
    assert.equal(r.out, 'caught BadThing,Test-Strict\n');
  });

  it('WriteWarning, WriteVerbose and WriteDebug follow the common parameters and the scope\'s preferences', async () => {
    await shell.run("function Show-Streams { [CmdletBinding()] param() $PSCmdlet.WriteWarning('careful'); $PSCmdlet.WriteVerbose('details'); $PSCmdlet.WriteDebug('internals') }");
    assert.equal((await shell.run('Show-Streams')).err, 'WARNING: careful\n');
    assert.equal((await shell.run('Show-Streams -Verbose -Debug -WarningAction SilentlyContinue')).err, 'VERBOSE: details\nDEBUG: internals\n');
    await shell.run("function Show-Chatty { [CmdletBinding()] param() $VerbosePreference = 'Continue'; $PSCmdlet.WriteVerbose('said') }");
    assert.equal((await shell.run('Show-Chatty')).err, 'VERBOSE: said\n');
  });

  it('WriteInformation shows with -InformationAction Continue; WriteProgress is accepted', async () => {
    await shell.run("function Show-Info { [CmdletBinding()] param() $PSCmdlet.WriteInformation('note', @('tag')); $PSCmdlet.WriteProgress([pscustomobject]@{ Activity = 'Copying'; StatusDescription = 'half'; PercentComplete = 50 }); 'done' }");
    assert.equal((await shell.run('Show-Info')).out, 'done\n');
    assert.equal((await shell.run('Show-Info -InformationAction Continue')).out, 'note\ndone\n');
  });
});

describe('$PSCmdlet.ThrowTerminatingError', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('ends the function and reports the error as the function\'s; the caller goes on', async () => {
    await shell.run(`function Fail-It { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError(${NEW_RECORD}); 'after' }`);
    const r = await shell.run("Fail-It; 'next'");
    assert.equal(r.out, 'next\n');
    assert.equal(
      r.err,
      'Fail-It : bad\nAt line:1 char:1\n+ Fail-It; \'next\'\n+ ~~~~~~~\n' +
        '    + CategoryInfo          : InvalidOperation: (:) [Fail-It], Exception\n' +
        '    + FullyQualifiedErrorId : BadThing,Fail-It\n \n',
    );
    assert.equal((await shell.run('$Error[0].FullyQualifiedErrorId; $Error[0].InvocationInfo.MyCommand.Name; $?')).out, 'BadThing,Fail-It\nFail-It\nTrue\n');
  });

  it('is caught by try/catch in the function and in its caller', async () => {
    await shell.run(`function Fail-Caught { [CmdletBinding()] param() try { $PSCmdlet.ThrowTerminatingError(${NEW_RECORD}) } catch { "inside: $($_.Exception.Message)" }; 'after' }`);
    assert.equal((await shell.run('Fail-Caught')).out, 'inside: bad\nafter\n');
    assert.equal((await shell.run("try { Fail-It; 'not here' } catch { \"outside: $($_.FullyQualifiedErrorId)\" }")).out, 'outside: BadThing,Fail-It\n');
  });

  it('ends only the function that threw: its caller\'s next statement runs', async () => {
    await shell.run("function Call-Fail { [CmdletBinding()] param() Fail-It; 'caller went on' }");
    const r = await shell.run('Call-Fail');
    assert.equal(r.out, 'caller went on\n');
    assert.match(r.err, /^Fail-It : bad\n/);
  });

  it('asks for an ErrorRecord', async () => {
    await shell.run("function Fail-Text { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError('bad') }");
    assert.match((await shell.run('Fail-Text')).err, /^Cannot convert argument "errorRecord", with value: "bad", for "ThrowTerminatingError" to type "System\.Management\.Automation\.ErrorRecord"/);
  });
});

describe('$PSCmdlet properties and helpers', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('ErrorRecord, PSCmdlet and ShouldProcessReason type names resolve; $PSCmdlet is a PSCmdlet', async () => {
    await shell.run('function Get-Self { [CmdletBinding()] param() $PSCmdlet }');
    const r = await shell.run(
      '[System.Management.Automation.ErrorRecord].FullName; [System.Management.Automation.PSCmdlet].FullName\n' +
        '(Get-Self) -is [System.Management.Automation.PSCmdlet]; [System.Management.Automation.ShouldProcessReason]::WhatIf\n' +
        'function Use-Cmdlet { param([System.Management.Automation.PSCmdlet]$Cmdlet) $Cmdlet.MyInvocation.MyCommand.Name }; Use-Cmdlet (Get-Self)',
    );
    assert.equal(r.err, '');
    assert.equal(r.out, 'System.Management.Automation.ErrorRecord\nSystem.Management.Automation.PSCmdlet\nTrue\nWhatIf\nGet-Self\n');
  });

  it('CommandRuntime shows as the command; Host, Stopping, ParameterSetName, GetVariableValue', async () => {
    await shell.run(
      "function Show-Runtime { [CmdletBinding(DefaultParameterSetName='ById')] param([Parameter(ParameterSetName='ById')]$Id) $local = 'here'\n" +
        '  "$($PSCmdlet.CommandRuntime)|$($PSCmdlet.Host.Name)|$($PSCmdlet.Stopping)|$($PSCmdlet.ParameterSetName)|$($PSCmdlet.GetVariableValue(\'local\'))|$($PSCmdlet.GetVariableValue(\'nothing\', \'fallback\'))" }',
    );
    assert.equal((await shell.run('Show-Runtime')).out, 'Show-Runtime|ConsoleHost|False|ById|here|fallback\n');
  });

  it('CommandRuntime has the write methods too', async () => {
    await shell.run("function Use-Runtime { [CmdletBinding(SupportsShouldProcess)] param() $PSCmdlet.CommandRuntime.WriteWarning('w'); $PSCmdlet.CommandRuntime.ShouldProcess('t', 'a') }");
    const r = await shell.run('Use-Runtime -WhatIf');
    assert.equal(r.out, 'What if: Performing the operation "a" on target "t".\nFalse\n');
    assert.equal(r.err, 'WARNING: w\n');
  });

  it('SessionState reads and sets the function\'s variables and resolves paths', async () => {
    await shell.run(
      "function Use-State { [CmdletBinding()] param() $PSCmdlet.SessionState.PSVariable.Set('made', 5); $made; $PSCmdlet.SessionState.PSVariable.GetValue('made')\n" +
        "  $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath('C:\\new.txt') -eq $PSCmdlet.GetUnresolvedProviderPathFromPSPath('C:\\new.txt') }",
    );
    assert.equal((await shell.run('Use-State')).out, '5\n5\nTrue\n');
  });

  it('GetResolvedProviderPathFromPSPath needs the path to exist and names the provider', async () => {
    await shell.run(
      "function Find-File { [CmdletBinding()] param($Path) $provider = $null; $p = $PSCmdlet.GetResolvedProviderPathFromPSPath($Path, [ref]$provider); $p.Count; $provider; $p[0] -eq $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path) }",
    );
    assert.equal((await shell.run("Set-Content C:\\here.txt 'x'; Find-File C:\\here.txt")).out, '1\nMicrosoft.PowerShell.Core\\FileSystem\nTrue\n');
    assert.match((await shell.run('Find-File C:\\missing.txt')).err, /Cannot find path 'C:\\missing\.txt' because it does not exist\./);
  });

  it('[ref]$variable lets a method set the variable', async () => {
    assert.equal((await shell.run("$n = 0; [int]::TryParse('42', [ref]$n) | Out-Null; $n; $r = [ref]$n; $r.Value = 7; $n")).out, '42\n7\n');
  });
});

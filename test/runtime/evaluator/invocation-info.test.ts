// $MyInvocation (System.Management.Automation.InvocationInfo) as Windows PowerShell 5.1 sets it: per
// function, script file and script block invocation, with MyCommand the same CommandInfo shape
// Get-Command writes; $PSCmdlet.MyInvocation in advanced functions; errors carrying InvocationInfo.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';

const folder = mkdtempSync(join(tmpdir(), 'emsh-invocation-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('$MyInvocation in a function', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('names the function, the line and the position of the call', async () => {
    await shell.run('function Show-Call { param($Count) $MyInvocation }');
    const r = await shell.run(
      '$i = Show-Call -Count 3\n  $j = Show-Call 4\n' +
        '"$($i.MyCommand.Name)|$($i.MyCommand.CommandType)|$($i.InvocationName)|$($i.ScriptLineNumber)|$($i.OffsetInLine)"\n' +
        '"[$($j.Line)]|$($j.ScriptLineNumber)|$($j.OffsetInLine)"',
    );
    assert.equal(r.err, '');
    assert.equal(r.out, 'Show-Call|Function|Show-Call|1|6\n[  $j = Show-Call 4\n]|2|8\n');
  });

  it('InvocationName is the alias typed, or & for the call operator; MyCommand keeps the function', async () => {
    await shell.run('function Get-Who { "$($MyInvocation.InvocationName)>$($MyInvocation.MyCommand.Name)" }; Set-Alias who Get-Who');
    assert.equal((await shell.run('who; & Get-Who; Get-Who')).out, 'who>Get-Who\n&>Get-Who\nGet-Who>Get-Who\n');
  });

  it('BoundParameters is $PSBoundParameters; UnboundArguments holds the rest', async () => {
    await shell.run('function Test-Bound { param($Name) $MyInvocation.BoundParameters["Added"] = $true; $PSBoundParameters.Added; $MyInvocation.BoundParameters.Name; $MyInvocation.UnboundArguments.Count }');
    assert.equal((await shell.run('Test-Bound -Name x')).out, 'True\nx\n0\n'); // Added, Name, no extra
    assert.equal((await shell.run('Test-Bound -Name y extra more')).out, 'True\ny\n2\n');
  });

  it('PipelineLength, PipelinePosition and ExpectingInput describe where the command stands', async () => {
    await shell.run('function Test-Where { process { } end { "$($MyInvocation.PipelineLength)/$($MyInvocation.PipelinePosition)/$($MyInvocation.ExpectingInput)" } }');
    assert.equal((await shell.run('1 | Test-Where')).out, '2/2/True\n');
    assert.equal((await shell.run('Test-Where | ForEach-Object { $_ }')).out, '2/1/False\n');
  });

  it('PositionMessage underlines the call; ScriptName and PSCommandPath are empty at the prompt', async () => {
    await shell.run('function Show-Position { $MyInvocation.PositionMessage; "[$($MyInvocation.ScriptName)]"; $null -eq $MyInvocation.PSCommandPath }');
    assert.equal((await shell.run('Show-Position')).out, 'At line:1 char:1\n+ Show-Position\n+ ~~~~~~~~~~~~~\n[]\nTrue\n');
  });

  it('MyCommand has the FunctionInfo shape Get-Command gives', async () => {
    await shell.run('function Get-Shape { $MyInvocation.MyCommand }');
    const r = await shell.run('$c = Get-Shape; $g = Get-Command Get-Shape; $c.GetType().Name -eq $g.GetType().Name; $c.pstypenames[0]; $c.Verb; $c.Noun; $c.Definition -eq $g.Definition');
    assert.equal(r.out, 'True\nSystem.Management.Automation.FunctionInfo\nGet\nShape\nTrue\n');
  });

  it('$PSCmdlet.MyInvocation in an advanced function', async () => {
    await shell.run('function Get-Adv { [CmdletBinding()] param($X) $PSCmdlet.MyInvocation.MyCommand.Name; $PSCmdlet.MyInvocation.BoundParameters.X; $PSCmdlet.ParameterSetName }');
    assert.equal((await shell.run('Get-Adv -X 5')).out, 'Get-Adv\n5\n__AllParameterSets\n');
  });

  it('a script block run with & has a ScriptInfo with its text; the prompt has one for the text typed', async () => {
    const r = await shell.run('& { $MyInvocation.MyCommand.CommandType; "[$($MyInvocation.MyCommand.Name)]"; $MyInvocation.MyCommand.Definition }');
    assert.equal(r.out, 'Script\n[]\n $MyInvocation.MyCommand.CommandType; "[$($MyInvocation.MyCommand.Name)]"; $MyInvocation.MyCommand.Definition \n');
    assert.equal((await shell.run('"$($MyInvocation.MyCommand.CommandType): $($MyInvocation.MyCommand)"')).out, 'Script: "$($MyInvocation.MyCommand.CommandType): $($MyInvocation.MyCommand)"\n');
  });

  it('is put back after a nested call', async () => {
    await shell.run('function Inner { } ; function Outer { Inner; $MyInvocation.MyCommand.Name }');
    assert.equal((await shell.run('Outer')).out, 'Outer\n');
  });
});

describe('$MyInvocation in a script file', () => {
  const shell = createShell();
  after(() => shell.dispose());
  const script = join(folder, 'Show-Me.ps1');
  writeFileSync(
    script,
    '"$($MyInvocation.MyCommand.Name)|$($MyInvocation.MyCommand.CommandType)|$($MyInvocation.MyCommand.Path)|$($MyInvocation.MyCommand.Definition)"\n' +
      'Split-Path $MyInvocation.MyCommand.Path\n',
  );

  it('MyCommand is the ExternalScriptInfo: Name is the file name, Path and Definition the full path', async () => {
    const r = await shell.run(`& '${script}'`);
    assert.equal(r.err, '');
    assert.equal(r.out, `Show-Me.ps1|ExternalScript|${script}|${script}\n${folder}\n`);
  });

  it('a dot-sourced script sees its own $MyInvocation, and the caller gets its own back', async () => {
    const r = await shell.run(`function Use-Lib { . '${script}' | Out-Null; $MyInvocation.MyCommand.Name }; Use-Lib`);
    assert.equal(r.out, 'Use-Lib\n');
  });

  it('a function in a script file reports the file as ScriptName, PSScriptRoot and PSCommandPath', async () => {
    const withFunction = join(folder, 'with-function.ps1');
    writeFileSync(withFunction, 'function Where-Am-I { $MyInvocation.ScriptName; $MyInvocation.PSScriptRoot; $MyInvocation.PSCommandPath }\nWhere-Am-I\n');
    assert.equal((await shell.run(`& '${withFunction}'`)).out, `${withFunction}\n${folder}\n${withFunction}\n`);
  });
});

describe('InvocationInfo of error records', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('$Error[0].InvocationInfo of Write-Error in a function is the function\'s invocation', async () => {
    await shell.run('function Fail-Here { Write-Error "boom" }');
    await shell.run('\n  Fail-Here 2>$null');
    const r = await shell.run('$e = $Error[0].InvocationInfo; "$($e.MyCommand)|$($e.ScriptLineNumber)|$($e.OffsetInLine)|$($e.Line.Trim())|$($Error[0].FullyQualifiedErrorId)"');
    assert.equal(r.out, 'Fail-Here|2|3|Fail-Here 2>$null|Microsoft.PowerShell.Commands.WriteErrorException,Fail-Here\n');
  });

  it('a cmdlet error carries the CmdletInfo and the call\'s position; catch sees PositionMessage', async () => {
    const r = await shell.run('try { Get-Item /no/such/path -ErrorAction Stop } catch { $_.InvocationInfo.MyCommand.CommandType; $_.InvocationInfo.MyCommand.Name; $_.InvocationInfo.PositionMessage }');
    assert.equal(
      r.out,
      'Cmdlet\nGet-Item\nAt line:1 char:7\n+ try { Get-Item /no/such/path -ErrorAction Stop } catch { $_.Invocatio ...\n+       ' + '~'.repeat(40) + '\n',
    );
  });

  it('an error of an expression has no MyCommand', async () => {
    assert.equal((await shell.run('try { 1/0 } catch { $null -eq $_.InvocationInfo.MyCommand; $_.InvocationInfo.OffsetInLine }')).out, 'True\n7\n');
  });
});

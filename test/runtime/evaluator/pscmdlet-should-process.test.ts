// $PSCmdlet.ShouldProcess and ShouldContinue in advanced functions, as Windows PowerShell 5.1 runs them:
// -WhatIf / -Confirm added by SupportsShouldProcess, ConfirmImpact against $ConfirmPreference, the
// "What if:" line and the Confirm prompt of the cmdlets, and the preference variables the function's
// commands inherit.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell, type Shell } from '../../helpers/run.ts';

const REMOVE_THING = `function Remove-Thing {
  [CmdletBinding(SupportsShouldProcess=$true, ConfirmImpact='High')]
  param([Parameter(Mandatory, ValueFromPipeline)][string]$Name)
  process { if ($PSCmdlet.ShouldProcess($Name, 'Remove thing')) { "removed $Name" } }
}`;

const PROMPT = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ';

/** Runs `test` in a shell whose person gives these answers to the prompts. */
async function withAnswers(answers: string[], test: (shell: Shell) => Promise<void>): Promise<void> {
  const shell = createShell({ answers });
  try {
    await test(shell);
  } finally {
    await shell.dispose();
  }
}

function confirmPrompt(target: string, answer: string): string {
  return `Confirm\nAre you sure you want to perform this action?\nPerforming the operation "Remove thing" on target "${target}".\n${PROMPT}${answer}\n`;
}

describe('$PSCmdlet.ShouldProcess without a person to ask', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('-WhatIf prints the What if line and skips the work', async () => {
    await shell.run(REMOVE_THING);
    const r = await shell.run('Remove-Thing -Name a -WhatIf');
    assert.equal(r.err, '');
    assert.equal(r.out, 'What if: Performing the operation "Remove thing" on target "a".\n');
  });

  it('-Confirm:$false runs without asking, even at ConfirmImpact High', async () => {
    assert.deepEqual(await shell.values('Remove-Thing -Name b -Confirm:$false'), ['removed b']);
  });

  it('ConfirmImpact High reaches $ConfirmPreference High: the prompt fails as a method call in NonInteractive mode', async () => {
    const r = await shell.run("'c' | Remove-Thing");
    assert.equal(r.out, '');
    assert.equal(
      r.err,
      'Exception calling "ShouldProcess" with "2" argument(s): "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."\n' +
        'At line:4 char:17\n' +
        '+ ...  process { if ($PSCmdlet.ShouldProcess($Name, \'Remove thing\')) { "rem ...\n' +
        '+                    ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n' +
        '    + CategoryInfo          : NotSpecified: (:) [], MethodInvocationException\n' +
        '    + FullyQualifiedErrorId : MethodInvocationException\n \n',
    );
  });

  it('$ConfirmPreference None lets a High-impact command run', async () => {
    assert.deepEqual(await shell.values("$ConfirmPreference = 'None'; Remove-Thing -Name d; $ConfirmPreference = 'High'"), ['removed d']);
  });

  it('the one-argument form names the function as the operation', async () => {
    await shell.run("function Stop-Widget { [CmdletBinding(SupportsShouldProcess)] param($Id) if ($PSCmdlet.ShouldProcess($Id)) { 'stopped' } }");
    assert.equal((await shell.run('Stop-Widget 7 -WhatIf')).out, 'What if: Performing the operation "Stop-Widget" on target "7".\n');
    assert.equal((await shell.run('Stop-Widget 7')).out, 'stopped\n'); // Medium impact < High: no prompt
  });

  it('the three-argument form prints only its description; the [ref] reason says WhatIf', async () => {
    await shell.run(
      'function Clear-All { [CmdletBinding(SupportsShouldProcess)] param() $reason = $null\n' +
        "  $ok = $PSCmdlet.ShouldProcess('Clearing every widget.', 'Clear every widget?', 'Clearing', [ref]$reason)\n" +
        '  "$ok $reason"\n' +
        "  $PSCmdlet.ShouldProcess('Clearing again.', 'Again?', 'Clearing') }",
    );
    assert.equal((await shell.run('Clear-All -WhatIf')).out, 'What if: Clearing every widget.\nFalse WhatIf\nWhat if: Clearing again.\nFalse\n');
    assert.equal((await shell.run('Clear-All')).out, 'True None\nTrue\n');
  });

  it('-Verbose shows the operation when ShouldProcess goes ahead without asking', async () => {
    const r = await shell.run('Stop-Widget 8 -Verbose');
    assert.equal(r.out, 'stopped\n');
    assert.equal(r.err, 'VERBOSE: Performing the operation "Stop-Widget" on target "8".\n');
  });

  it('-WhatIf reaches the cmdlets the function runs through $WhatIfPreference', async () => {
    await shell.run(
      'function Reset-Note { [CmdletBinding(SupportsShouldProcess)] param($Path) Set-Content -Path $Path -Value x; "WhatIf=$WhatIfPreference Confirm=$ConfirmPreference" }',
    );
    const r = await shell.run('Reset-Note C:\\note.txt -WhatIf; Test-Path C:\\note.txt');
    assert.equal(r.out, 'What if: Performing the operation "Set Content" on target "Path: C:\\note.txt".\nWhatIf=True Confirm=High\nFalse\n');
    assert.equal((await shell.run('Reset-Note C:\\note.txt -Confirm:$false; Test-Path C:\\note.txt')).out, 'WhatIf=False Confirm=None\nTrue\n');
  });

  it('$WhatIfPreference set by the caller is honoured', async () => {
    const r = await shell.run('$WhatIfPreference = $true; Remove-Thing -Name e; $WhatIfPreference = $false');
    assert.equal(r.out, 'What if: Performing the operation "Remove thing" on target "e".\n');
  });

  it('-WhatIf and -Confirm are in the syntax of Get-Command and Get-Help', async () => {
    assert.equal((await shell.run('Get-Command Remove-Thing -Syntax')).out, '\nRemove-Thing [-Name] <string> [-WhatIf] [-Confirm] [<CommonParameters>]\n\n');
    assert.match((await shell.run('Get-Help Remove-Thing')).out, /Remove-Thing \[-Name\] <String> \[-WhatIf\] \[-Confirm\] \[<CommonParameters>\]/);
  });

  it('a function without SupportsShouldProcess has no -WhatIf', async () => {
    await shell.run('function Plain-Thing { [CmdletBinding()] param() }');
    assert.match((await shell.run('Plain-Thing -WhatIf')).err, /A parameter cannot be found that matches parameter name 'WhatIf'\./);
  });
});

describe('$PSCmdlet.ShouldProcess and ShouldContinue with a person to ask', () => {
  it('asks per object at ConfirmImpact High; Yes to All answers the rest', () =>
    withAnswers(['y', 'a'], async (shell) => {
      await shell.run(REMOVE_THING);
      const r = await shell.run("'c','d','e' | Remove-Thing");
      assert.equal(r.out, `${confirmPrompt('c', 'y')}removed c\n${confirmPrompt('d', 'a')}removed d\nremoved e\n`);
    }));

  it('-Confirm asks even at Medium impact; No skips the work', () =>
    withAnswers(['n'], async (shell) => {
      await shell.run("function Stop-Widget { [CmdletBinding(SupportsShouldProcess)] param($Id) if ($PSCmdlet.ShouldProcess($Id, 'Stop')) { 'stopped' } else { 'kept' } }");
      const r = await shell.run('Stop-Widget 1 -Confirm');
      assert.equal(r.out, `Confirm\nAre you sure you want to perform this action?\nPerforming the operation "Stop" on target "1".\n${PROMPT}n\nkept\n`);
    }));

  it('the three-argument form asks its own question under its own caption', () =>
    withAnswers(['y'], async (shell) => {
      await shell.run("function Clear-All { [CmdletBinding(SupportsShouldProcess)] param() $PSCmdlet.ShouldProcess('Clearing every widget.', 'Clear every widget?', 'Clearing') }");
      assert.equal((await shell.run('Clear-All -Confirm')).out, `Clearing\nClear every widget?\n${PROMPT}y\nTrue\n`);
    }));

  it('ShouldContinue(query, caption) offers Yes and No, whatever -Confirm says', () =>
    withAnswers(['n'], async (shell) => {
      await shell.run("function Restart-Lab { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldContinue('Restart the lab now?', 'Restart')) { 'restarted' } else { 'not now' } }");
      const r = await shell.run('Restart-Lab -Confirm:$false');
      assert.equal(r.out, 'Restart\nRestart the lab now?\n[Y] Yes  [N] No  [S] Suspend  [?] Help (default is "Y"): n\nnot now\n');
    }));

  it('ShouldContinue with [ref] yesToAll/noToAll offers the To All answers and remembers them', () =>
    withAnswers(['y', 'a'], async (shell) => {
      await shell.run(
        "function Step-All { [CmdletBinding()] param() $yes = $false; $no = $false\n  foreach ($i in 1..3) { if ($PSCmdlet.ShouldContinue(\"Step ${i}?\", 'Steps', [ref]$yes, [ref]$no)) { \"did $i\" } }\n  \"yes=$yes no=$no\" }",
      );
      const r = await shell.run('Step-All');
      assert.equal(r.out, `Steps\nStep 1?\n${PROMPT}y\ndid 1\nSteps\nStep 2?\n${PROMPT}a\ndid 2\ndid 3\nyes=True no=False\n`);
    }));

  it('ShouldContinue without [ref] arguments says how to pass them', () =>
    withAnswers(['y'], async (shell) => {
      await shell.run("function Step-Bad { [CmdletBinding()] param() $PSCmdlet.ShouldContinue('q', 'c', $true, $false) }");
      assert.match((await shell.run('Step-Bad')).err, /^Argument: '3' should be a System\.Management\.Automation\.PSReference\. Use \[ref\]\./);
    }));
});

// Get-Command, Get-Help, aliases, variables, Get-Date, Start-Sleep, Read-Host, Get-Credential, secure
// strings, Invoke-Expression and history. Cases follow PowerShell's Get-Command.Tests.ps1,
// Get-Help tests (HelpSystem.Tests.ps1), Get-Alias/Set-Alias/New-Alias, *-Variable, Get-Date.Tests.ps1,
// Start-Sleep.Tests.ps1, Read-Host.Tests.ps1, ConvertTo-SecureString.Tests.ps1 and Invoke-Expression.Tests.ps1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PSObject, SecureString } from '../../../src/runtime/values.ts';
import { errorText, run, text, values, withShell } from './helpers.ts';

describe('Get-Command', () => {
  it('filters by -Noun, -Verb, -Module and wildcards', async () => {
    assert.equal(await text('(Get-Command -Verb Get -Noun Content).Name'), 'Get-Content');
    assert.equal(await text('(Get-Command *-PSDrive).Name -join ","'), 'Get-PSDrive,New-PSDrive,Remove-PSDrive');
    assert.equal(await text('(Get-Command -Module Microsoft.PowerShell.Security).Name -join ","'), 'ConvertFrom-SecureString,ConvertTo-SecureString,Get-Credential');
  });

  it('resolves aliases and functions, -CommandType filters', async () => {
    assert.equal(await text('(Get-Command gci).CommandType; (Get-Command gci).Definition'), 'Alias\nGet-ChildItem');
    assert.equal(await text('function Get-Thing { param($Name) }; (Get-Command Get-Thing).CommandType'), 'Function');
    assert.ok((await values('Get-Command -CommandType Alias')).every((c) => String((c as PSObject).getProperty('CommandType')) === 'Alias'));
  });

  it('shows the 5.1 command table, aliases as `name -> command`', async () => {
    assert.equal(
      await text('Get-Command gci'),
      'CommandType     Name                                               Version    Source\n' +
        '-----------     ----                                               -------    ------\n' +
        'Alias           gci -> Get-ChildItem                               3.1.0.0    Microsoft.PowerShell.Management',
    );
  });

  it('-Syntax writes one line per parameter set', async () => {
    assert.equal(
      await text('Get-Command Get-Item -Syntax'),
      'Get-Item [-Path] <string[]> [-Filter <string>] [-Include <string[]>] [-Exclude <string[]>] [-Force] [<CommonParameters>]\n\nGet-Item -LiteralPath <string[]> [-Filter <string>] [-Include <string[]>] [-Exclude <string[]>] [-Force] [<CommonParameters>]',
    );
  });

  it('reports unknown commands', async () => {
    const err = await errorText('Get-Command Get-Nothing');
    assert.match(err, /The term 'Get-Nothing' is not recognized as the name of a cmdlet, function, script file, or operable program\./);
    assert.match(err, /CommandNotFoundException,Microsoft\.PowerShell\.Commands\.GetCommandCommand/);
    assert.equal((await run('Get-Command Get-Nothing*')).err, '');
  });
});

describe('Get-Help', () => {
  it('builds the summary from the declaration, with the help syntax style', async () => {
    const out = await text('Get-Help Split-Path');
    assert.match(out, /^NAME\n    Split-Path\n\nSYNOPSIS\n    Returns the specified part of a path\.\n\n\nSYNTAX\n    Split-Path \[-Path\] <String\[\]> \[-LiteralPath <String\[\]>\] \[-Parent\]/);
    assert.match(out, /\n\nDESCRIPTION\n    Writes a part of each path/);
    assert.match(out, /\nRELATED LINKS\n    Convert-Path\n    Join-Path\n/);
    assert.match(out, /\nREMARKS\n    To see the examples, type: "get-help Split-Path -examples"\.\n/);
  });

  it('-Full adds parameter attributes, inputs and outputs; -Detailed parameters and examples', async () => {
    const full = await text('Get-Help Test-Path -Full');
    assert.match(full, /\n    -PathType <String>\n        Any \(default\), Container \(a folder\) or Leaf \(a file\)\. Valid values: Any, Container, Leaf\. Aliases: Type\.\n\n        Required\?                    false\n        Position\?                    named\n/);
    assert.match(full, /Accept pipeline input\?       true \(ByValue, ByPropertyName\)/);
    assert.match(full, /\nINPUTS\n    System\.String\[\]\n/);
    assert.match(full, /    <CommonParameters>\n        This cmdlet supports the common parameters/);
    const detailed = await text('Get-Help Test-Path -Detailed');
    assert.doesNotMatch(detailed, /Required\?/);
    assert.match(detailed, /-------------------------- EXAMPLE 1 --------------------------\n\n    PS C:\\>Set-Content C:\\request\.req 'x'/);
  });

  it('-Examples shows only the examples; -Parameter one parameter; help and man are aliases', async () => {
    const ex = await text('help Get-Date -Examples');
    assert.doesNotMatch(ex, /SYNTAX/);
    assert.match(ex, /EXAMPLE 1/);
    assert.equal(await text('man Join-Path -Parameter Resolve'), [
      '-Resolve [<SwitchParameter>]',
      '    Resolves the joined path (it must exist).',
      '',
      '    Required?                    false',
      '    Position?                    named',
      '    Default value                False',
      '    Accept pipeline input?       false',
      '    Accept wildcard characters?  false',
    ].join('\n'));
    assert.match(await errorText('Get-Help Join-Path -Parameter Nope'), /No parameter matches criteria Nope\./);
  });

  it('shows every required about_ topic', async () => {
    const topics = [
      'about_Operators', 'about_Parsing', 'about_Pipelines', 'about_Splatting', 'about_Quoting_Rules', 'about_If',
      'about_Foreach', 'about_Switch', 'about_Try_Catch_Finally', 'about_Functions', 'about_Variables',
      'about_Hash_Tables', 'about_Arrays', 'about_Redirection', 'about_CommonParameters', 'about_Comparison_Operators',
    ];
    const listed = (await text('(Get-Help about_*).Name -join ","')).split(',');
    for (const t of topics) assert.ok(listed.includes(t), `${t} missing`);
    for (const t of topics) assert.match(await text(`Get-Help ${t}`), new RegExp(`^TOPIC\\n    ${t}\\n\\nSHORT DESCRIPTION\\n    \\S.*\\n\\nLONG DESCRIPTION\\n`));
  });

  it('reports unknown topics', async () => {
    const err = await errorText('Get-Help Get-Nothing');
    assert.match(err, /Get-Help could not find Get-Nothing in a help file in this session\./);
    assert.match(err, /HelpNotFound,Microsoft\.PowerShell\.Commands\.GetHelpCommand/);
  });
});

describe('aliases', () => {
  it('has the standard and Windows aliases', async () => {
    const expected: Record<string, string> = {
      fl: 'Format-List', ft: 'Format-Table', fw: 'Format-Wide', '?': 'Where-Object', where: 'Where-Object', '%': 'ForEach-Object',
      foreach: 'ForEach-Object', select: 'Select-Object', sort: 'Sort-Object', group: 'Group-Object', measure: 'Measure-Object',
      gm: 'Get-Member', gcm: 'Get-Command', ls: 'Get-ChildItem', dir: 'Get-ChildItem', gci: 'Get-ChildItem', cd: 'Set-Location',
      sl: 'Set-Location', pwd: 'Get-Location', cat: 'Get-Content', gc: 'Get-Content', type: 'Get-Content', echo: 'Write-Output',
      write: 'Write-Output', iex: 'Invoke-Expression', cls: 'Clear-Host', clear: 'Clear-Host', h: 'Get-History', history: 'Get-History',
      tee: 'Tee-Object', sleep: 'Start-Sleep', cp: 'Copy-Item', mv: 'Move-Item', rm: 'Remove-Item', del: 'Remove-Item', ni: 'New-Item',
      help: 'Get-Help', man: 'Get-Help', sls: 'Select-String', epcsv: 'Export-Csv', ipcsv: 'Import-Csv', r: 'Invoke-History',
    };
    await withShell(async (sh) => {
      for (const [alias, target] of Object.entries(expected)) {
        // `? is escaped: Get-Alias takes wildcards, and ? alone would match every one-letter alias.
        assert.equal((await sh.run(`(Get-Alias '${alias.replace('?', '`?')}').Definition`)).out, `${target}\n`, alias);
      }
    });
  });

  it('Set-Alias, New-Alias (refusing an existing one) and Get-Alias -Definition', async () => {
    assert.equal(await text('Set-Alias ll Get-ChildItem; (Get-Alias ll).Definition'), 'Get-ChildItem');
    assert.match(await errorText('New-Alias ls Get-Date'), /Alias not allowed because an alias with the name 'ls' already exists\./);
    assert.equal(await text('New-Alias now Get-Date; (Get-Command now).Definition'), 'Get-Date');
    assert.match(await errorText('Get-Alias zzz'), /This command cannot find a matching alias because an alias with the name 'zzz' does not exist\./);
  });
});

describe('variables', () => {
  it('Get/Set/New/Remove/Clear-Variable', async () => {
    assert.equal(await text("Set-Variable v 5; New-Variable w 6; $v + $w"), '11');
    assert.equal(await text("'piped' | Set-Variable p; $p"), 'piped');
    assert.equal(await text("$x = 1; Clear-Variable x; $null -eq $x; Remove-Variable x; @(Get-Variable x -ErrorAction SilentlyContinue).Count"), 'True\n0');
    assert.match(await errorText('Get-Variable nothere'), /Cannot find a variable with the name 'nothere'\./);
    assert.match(await errorText('New-Variable v 1; New-Variable v 2'), /A variable with name 'v' already exists\./);
    assert.match(await errorText("New-Variable ro 1 -Option ReadOnly; Set-Variable ro 2"), /Cannot overwrite variable ro because it is read-only or constant\./);
    assert.equal(await text("New-Variable ro 1 -Option ReadOnly; Set-Variable ro 2 -Force; $ro"), '2');
  });

  it('lists variables as the Name/Value table and by wildcard', async () => {
    assert.equal(await text("$zzA = 1; $zzB = 'x'; Get-Variable zz*"), 'Name                           Value\n----                           -----\nzzA                            1\nzzB                            x');
  });

  it('sets variables in the caller’s scope', async () => {
    assert.equal(await text('function f { Set-Variable inner 1; Set-Variable outer 2 -Scope 1 }; f; "[$inner][$outer]"'), '[][2]');
  });
});

describe('Get-Date and Start-Sleep', () => {
  it('formats with -Format and -UFormat and replaces parts', async () => {
    assert.equal(await text("Get-Date -Date '2024-02-29 13:05:09' -Format 'yyyy-MM-dd HH:mm:ss'"), '2024-02-29 13:05:09');
    assert.equal(await text("Get-Date -Date '2024-02-29 13:05:09' -UFormat '%Y/%m/%d %H:%M:%S %j %A'"), '2024/02/29 13:05:09 060 Thursday');
    assert.equal(await text("(Get-Date -Date '2024-01-31' -Month 2).Day"), '29');
    assert.equal(await text("Get-Date -Year 2025 -Month 1 -Day 2 -Hour 3 -Minute 4 -Second 5 -Format s"), '2025-01-02T03:04:05');
  });

  it('returns a DateTime near now', async () => {
    const [d] = await values('Get-Date');
    assert.ok(d instanceof Date && Math.abs(d.getTime() - Date.now()) < 5000);
  });

  it('Start-Sleep really waits, and the abort signal stops it', async () => {
    const started = Date.now();
    await text('Start-Sleep -Milliseconds 120');
    assert.ok(Date.now() - started >= 100);
    await withShell(async (sh) => {
      const pending = sh.run('Start-Sleep -Seconds 30');
      setTimeout(() => sh.session.abort.abort(), 50);
      const t0 = Date.now();
      await pending;
      assert.ok(Date.now() - t0 < 5000);
    });
  });
});

describe('Read-Host, Get-Credential and secure strings', () => {
  it('Read-Host prompts with ": " and -AsSecureString hides the answer', async () => {
    await withShell(
      async (sh) => {
        const r = await sh.run("$name = Read-Host 'Server'; $pw = Read-Host -Prompt 'Password' -AsSecureString; $name; $pw.GetType().FullName");
        assert.equal(r.out, 'Server: EDGE01\nPassword: \nEDGE01\nSystem.Security.SecureString\n');
      },
      { answers: ['EDGE01', 'secret'] },
    );
  });

  it('Read-Host fails without a person to ask', async () => {
    assert.match(await errorText("Read-Host 'x'"), /NonInteractive mode/);
  });

  it('Get-Credential prompts for the user and password', async () => {
    await withShell(
      async (sh) => {
        const [cred] = (await sh.values('Get-Credential')) as PSObject[];
        assert.equal(cred.getProperty('UserName'), 'contoso\\admin');
        assert.ok(cred.getProperty('Password') instanceof SecureString);
        assert.equal((cred.getProperty('Password') as SecureString).reveal(), 'P@ss');
        assert.match(sh.host.out, /Windows PowerShell credential request\.\nEnter your credentials\.\nUser: contoso\\admin\nPassword for user contoso\\admin: \n/);
      },
      { answers: ['contoso\\admin', 'P@ss'] },
    );
  });

  it('ConvertTo-SecureString needs -Force with -AsPlainText, and round-trips encrypted strings', async () => {
    const err = await errorText("ConvertTo-SecureString 'x' -AsPlainText");
    assert.match(err, /The system cannot protect plain text input\. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter\./);
    assert.equal(
      await text("ConvertTo-SecureString 'x' -AsPlainText -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId"),
      'ImportSecureString_ForceRequired,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand',
    );
    const [s] = await values("ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force");
    assert.ok(s instanceof SecureString && s.reveal() === 'P@ssw0rd1');
    await withShell(async (sh) => {
      const [back] = await sh.values("$e = ConvertTo-SecureString 'abc' -AsPlainText -Force | ConvertFrom-SecureString; ConvertTo-SecureString $e");
      assert.equal((back as SecureString).reveal(), 'abc');
      const [keyed] = await sh.values("$k = [byte[]](1..16); $e = ConvertTo-SecureString 'k' -AsPlainText -Force | ConvertFrom-SecureString -Key $k; ConvertTo-SecureString $e -Key $k");
      assert.equal((keyed as SecureString).reveal(), 'k');
      assert.match((await sh.run("ConvertTo-SecureString 'notencrypted'")).err, /Key not valid for use in specified state\./);
    });
  });
});

describe('Invoke-Expression and history', () => {
  it('runs text in the caller’s scope and reports parse errors', async () => {
    assert.equal(await text("Invoke-Expression '$a = 2; $a * 21'; $a"), '42\n2');
    assert.equal(await text("'1+1' | iex"), '2');
    const err = await errorText("Invoke-Expression 'if ('");
    assert.match(err, /ParserError|Missing/);
  });

  it('Get-History, Invoke-History and Clear-History work on session.history', async () => {
    await withShell(async (sh) => {
      sh.session.history.push({ id: 1, commandLine: "'first'", start: new Date() }, { id: 2, commandLine: '1+1', start: new Date() });
      assert.equal((await sh.run('(Get-History).CommandLine -join "|"; (Get-History -Count 1).Id; (h 1).CommandLine')).out, "'first'|1+1\n2\n'first'\n");
      assert.equal((await sh.run('Get-History')).out, "\n  Id CommandLine\n  -- -----------\n   1 'first'\n   2 1+1\n\n");
      assert.equal((await sh.run('Invoke-History 1')).out, "'first'\nfirst\n");
      assert.equal((await sh.run('r')).out, '1+1\n2\n');
      await sh.run('Clear-History');
      assert.equal(sh.session.history.length, 0);
      assert.match((await sh.run('Get-History 9')).err, /Cannot locate history for Id 9\./);
    });
  });
});

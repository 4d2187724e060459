// Format-List/Table/Wide, the Out-* cmdlets, Tee-Object and the Write-* stream cmdlets. Layouts follow
// PowerShell's Format-List.Tests.ps1, Format-Table.Tests.ps1, Out-String.Tests.ps1, Out-File.Tests.ps1,
// Tee-Object.Tests.ps1 and Write-Error.Tests.ps1 (5.1 variants: `...`, the extra blank line of lists).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorText, run, text, values, withShell } from './helpers.ts';

const server = "$s = [pscustomobject]@{Name='EDGE01'; Role='Edge'; Port=25}\n";

describe('Format-List', () => {
  it('prints the same at the prompt and through Out-String', async () => {
    const direct = await run(`${server}$s | Format-List`);
    const [viaString] = await values(`${server}$s | Format-List | Out-String`);
    assert.equal(direct.out, '\nName : EDGE01\nRole : Edge\nPort : 25\n\n\n');
    assert.equal(viaString, direct.out);
  });

  it('selects properties with wildcards and calculated properties with FormatString', async () => {
    assert.equal(await text(`${server}$s | Format-List N*, @{Label='Hex'; Expression={ $_.Port }; FormatString='X4'}`), 'Name : EDGE01\nHex  : 0019');
  });

  it('fl is an alias, and Format-List * shows every property', async () => {
    assert.equal(await text(`${server}$s | fl *`), 'Name : EDGE01\nRole : Edge\nPort : 25');
  });
});

describe('Format-Table', () => {
  it('lays out columns as Windows PowerShell does', async () => {
    assert.equal(
      await text("[pscustomobject]@{abc='1234';bcd='123'},[pscustomobject]@{abc='1';bcd='1234'} | Format-Table"),
      'abc  bcd\n---  ---\n1234 123\n1    1234',
    );
    assert.equal(await text("[pscustomobject]@{a=123;b='abc'} | Format-Table"), '  a b\n  - -\n123 abc');
  });

  it('supports -Property, calculated columns with Width/Alignment, -HideTableHeaders, -AutoSize', async () => {
    assert.equal(await text(`${server}$s | ft Name, @{L='P'; E={ $_.Port }; Width=6; Alignment='Left'} -HideTableHeaders`), 'EDGE01 25');
    assert.equal(await text(`${server}$s | Format-Table Role -AutoSize`), 'Role\n----\nEdge');
  });

  it('-Wrap wraps multi-line values instead of cutting them', async () => {
    assert.equal(
      await text('[pscustomobject]@{A=1;B=2;Name="This`nIs some random`nmultiline content"} | Format-Table -Wrap'),
      'A B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content',
    );
  });

  it('-GroupBy starts a new table per value', async () => {
    const out = await text("[pscustomobject]@{R='Edge';N='a'},[pscustomobject]@{R='Hub';N='b'} | Format-Table N -GroupBy R");
    assert.match(out, /^   R: Edge\n\nN\n-\na\n\n   R: Hub\n\nN\n-\nb$/);
  });

  it('passes format lines through and keeps strings out of band', async () => {
    assert.equal(await text("'plain' | Format-Table"), 'plain');
    assert.equal((await values(`${server}$s | Format-Table | Measure-Object | ForEach-Object Count`))[0], 5);
  });
});

describe('Format-Wide', () => {
  it('puts one property in columns', async () => {
    assert.match(await text("'a','b','c','d' | ForEach-Object { [pscustomobject]@{Name=$_} } | fw Name -Column 2"), /^a +b *\nc +d$/);
  });
});

describe('Out-String, Out-Null, Out-Host, Out-File, Tee-Object', () => {
  it('Out-String writes one string, -Stream one per line, -Width narrows tables', async () => {
    assert.deepEqual(await values("'a','b' | Out-String"), ['a\nb\n']);
    assert.deepEqual(await values("'a','b' | Out-String -Stream"), ['a', 'b']);
    const [narrow] = (await values("[pscustomobject]@{Name='a-very-long-value-here'; X=1} | Out-String -Width 16")) as string[];
    assert.ok(narrow.split('\n').every((l) => l.length <= 16), narrow);
    assert.match(narrow, /\.\.\./);
  });

  it('Out-Null discards, Out-Host prints straight to the console', async () => {
    assert.deepEqual(await values("'x' | Out-Null"), []);
    assert.equal((await run("$v = 'shown' | Out-Host; $null -eq $v")).out, 'shown\nTrue\n');
  });

  it('Out-File writes formatted text, appends, and honours -NoClobber', async () => {
    await withShell(async (sh) => {
      await sh.run(`${server}$s | Format-Table Name, Role | Out-File C:\\out.txt`);
      assert.equal((await sh.run('Get-Content C:\\out.txt -Raw')).out, '\nName   Role\n----   ----\nEDGE01 Edge\n\n\n');
      await sh.run("'more' | Out-File C:\\out.txt -Append");
      assert.match((await sh.run('Get-Content C:\\out.txt -Tail 1')).out, /^more\n$/);
      const r = await sh.run("'x' | Out-File C:\\out.txt -NoClobber");
      assert.match(r.err, /The file 'C:\\out\.txt' already exists\./);
      assert.match(r.err, /NoClobber,Microsoft\.PowerShell\.Commands\.OutFileCommand/);
    });
  });

  it('Out-File -Encoding writes the byte order mark of the encoding', async () => {
    await withShell(async (sh) => {
      await sh.run("'hi' | Out-File C:\\u.txt -Encoding Unicode");
      const { out } = await sh.run('(Get-Content C:\\u.txt -Encoding Byte -TotalCount 4) -join ","');
      assert.equal(out, '255,254,104,0\n');
      assert.equal((await sh.run('Get-Content C:\\u.txt')).out, 'hi\n');
    });
  });

  it('Tee-Object saves to a variable or a file and passes objects on', async () => {
    assert.equal(await text("$r = 1,2 | Tee-Object -Variable saved; \"$r / $saved\""), '1 2 / 1 2');
    await withShell(async (sh) => {
      const r = await sh.run("'a','b' | tee C:\\tee.txt | Measure-Object | ForEach-Object Count; Get-Content C:\\tee.txt");
      assert.equal(r.out, '2\na\nb\n');
    });
  });
});

describe('Write-* stream cmdlets', () => {
  it('Write-Error gives the 5.1 display and record', async () => {
    const err = await errorText('Write-Error "Certificate not found"');
    assert.equal(
      err,
      [
        // At the prompt the error belongs to the text typed ($MyInvocation.MyCommand), as in 5.1.
        'Write-Error "Certificate not found" : Certificate not found',
        '    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException',
        ' ',
        '',
      ].join('\n'),
    );
  });

  it('Write-Error takes -ErrorId, -Category and -TargetObject, and honours -ErrorAction', async () => {
    assert.equal(
      await text("Write-Error 'x' -ErrorId CertMissing -Category ObjectNotFound -TargetObject t -ErrorAction SilentlyContinue; $e = $Error[0]; \"$($e.FullyQualifiedErrorId)|$($e.CategoryInfo.Category)|$($e.TargetObject)\""),
      'CertMissing|ObjectNotFound|t',
    );
    assert.equal(await text("try { Write-Error 'stop here' -ErrorAction Stop } catch { \"caught: $($_.Exception.Message)\" }"), 'caught: stop here');
  });

  it('Write-Warning, Write-Verbose and Write-Debug follow the preferences', async () => {
    assert.equal((await run("Write-Warning 'careful'")).err, 'WARNING: careful\n');
    assert.equal((await run("Write-Verbose 'hidden'")).err, '');
    assert.equal((await run("Write-Verbose 'shown' -Verbose")).err, 'VERBOSE: shown\n');
    assert.equal((await run("$DebugPreference = 'Continue'; Write-Debug 'dbg'")).err, 'DEBUG: dbg\n');
    assert.equal((await run("Write-Warning 'quiet' -WarningAction SilentlyContinue")).err, '');
  });

  it('Write-Information shows only when asked, Write-Output enumerates unless -NoEnumerate', async () => {
    assert.equal((await run("Write-Information 'info'")).out, '');
    assert.equal((await run("Write-Information 'info' -InformationAction Continue")).out, 'info\n');
    assert.equal(await text('(Write-Output 1,2,3 | Measure-Object).Count; (Write-Output @(1,2,3) -NoEnumerate | Measure-Object).Count'), '3\n1');
  });

  it('Write-Output $null writes one $null; Write-Output @() writes nothing', async () => {
    assert.equal(await text('(Write-Output $null | ForEach-Object { "x" }) -join ","; (Write-Output @() | ForEach-Object { "y" }).Count'), 'x\n0');
  });

  it('Write-Host prints to the host with a separator', async () => {
    assert.equal((await run("Write-Host 'a','b' -Separator '-'; Write-Host 'x' -NoNewline; Write-Host 'y'")).out, 'a-b\nxy\n');
  });

  it('Write-Progress reports to the host without output', async () => {
    assert.deepEqual(await values("Write-Progress -Activity 'Import' -Status 'Half' -PercentComplete 50"), []);
  });
});

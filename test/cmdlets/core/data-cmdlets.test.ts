// ConvertTo-Json / ConvertFrom-Json, the CSV cmdlets and Select-String. Cases follow PowerShell's
// ConvertTo-Json.Tests.ps1, ConvertFrom-Json.Tests.ps1, ConvertTo-Csv.Tests.ps1, Import-Csv.Tests.ps1,
// Export-Csv.Tests.ps1 and Select-String.Tests.ps1 (Windows PowerShell 5.1 variants where they differ).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PSHashtable, PSObject } from '../../../src/runtime/values.ts';
import { errorText, run, text, values, withShell } from './helpers.ts';

describe('ConvertTo-Json', () => {
  it('lays out nested objects and arrays as Windows PowerShell 5.1 does', async () => {
    assert.equal(
      await text("[pscustomobject]@{Name='contoso.com'; Tls=$true; Servers=@('a','b'); Owner=[pscustomobject]@{First='Ann'}} | ConvertTo-Json"),
      [
        '{',
        '    "Name":  "contoso.com",',
        '    "Tls":  true,',
        '    "Servers":  [',
        '                    "a",',
        '                    "b"',
        '                ],',
        '    "Owner":  {',
        '                  "First":  "Ann"',
        '              }',
        '}',
      ].join('\n'),
    );
    assert.equal(await text('[pscustomobject]@{a=1},[pscustomobject]@{a=2} | ConvertTo-Json'), '[\n    {\n        "a":  1\n    },\n    {\n        "a":  2\n    }\n]');
  });

  it('writes scalars, nulls, escapes and -Compress', async () => {
    assert.equal(await text("'it''s <b> & \"q\"' | ConvertTo-Json"), '"it\\u0027s \\u003cb\\u003e \\u0026 \\"q\\""');
    assert.equal(await text('$null | ConvertTo-Json'), 'null');
    assert.equal(await text("@{a=1; b=$null; c=@()} | ConvertTo-Json -Compress"), '{"a":1,"b":null,"c":[]}');
    assert.equal(await text('1,2 | ConvertTo-Json -Compress'), '[1,2]');
    assert.equal(await text("Get-Date -Date '2020-01-01Z' | ConvertTo-Json"), '"\\/Date(1577836800000)\\/"');
  });

  it('writes enums as numbers (or names with -EnumsAsStrings)', async () => {
    assert.equal(await text("(Get-Command Get-Item).CommandType | ConvertTo-Json"), '8');
    assert.equal(await text("(Get-Command Get-Item).CommandType | ConvertTo-Json -EnumsAsStrings"), '"Cmdlet"');
  });

  it('truncates deeper than -Depth (2 by default) to strings, with a warning', async () => {
    const r = await run('@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress');
    assert.equal(r.out, '{"a":{"b":{"c":"System.Collections.Hashtable"}}}\n');
    assert.equal(r.err, 'WARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 2.\n');
    assert.equal(await text('@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress -Depth 5'), '{"a":{"b":{"c":{"d":1}}}}');
    assert.match(await errorText('1 | ConvertTo-Json -Depth 101'), /The maximum depth allowed for serialization is 100\./);
  });
});

describe('ConvertFrom-Json', () => {
  it('makes custom objects keeping key order, arrays enumerated', async () => {
    const [o] = (await values(`'{"b":1,"2":2,"a":{"x":[1,2]}}' | ConvertFrom-Json`)) as PSObject[];
    assert.deepEqual(o.propertyNames(), ['b', '2', 'a']);
    assert.deepEqual((o.getProperty('a') as PSObject).getProperty('x'), [1, 2]);
    assert.deepEqual(await values("'[1,\"two\",null,true]' | ConvertFrom-Json"), [1, 'two', null, true]);
    assert.equal((await values("'[1,2]' | ConvertFrom-Json -NoEnumerate")).length, 1);
  });

  it('joins piped lines, reads dates, and makes hashtables with -AsHashtable', async () => {
    const [o] = (await values(`'{', '"a": "\\/Date(0)\\/"', '}' | ConvertFrom-Json`)) as PSObject[];
    assert.ok(o.getProperty('a') instanceof Date);
    const [h] = await values(`'{"k":"v"}' | ConvertFrom-Json -AsHashtable`);
    assert.ok(h instanceof PSHashtable && h.get('K') === 'v');
  });

  it('reports invalid JSON and duplicated keys', async () => {
    assert.match(await errorText("'{oops}' | ConvertFrom-Json"), /Invalid JSON primitive/);
    assert.match(
      await errorText(`'{"a":1,"A":2}' | ConvertFrom-Json`),
      /Cannot convert the JSON string because a dictionary that was converted from the string contains the duplicated keys 'a' and 'A'\./,
    );
  });

  it('round-trips with ConvertTo-Json', async () => {
    assert.equal(await text("([pscustomobject]@{a=1;b='x'} | ConvertTo-Json | ConvertFrom-Json).b"), 'x');
  });
});

describe('CSV cmdlets', () => {
  const data = "$d = [pscustomobject]@{Name='EDGE01';Role='Edge';Note='says \"hi\"'},[pscustomobject]@{Name='HUB01';Role=$null;Note='a,b'}\n";

  it('ConvertTo-Csv writes #TYPE, quotes every value, doubles quotes, leaves $null empty', async () => {
    assert.equal(
      await text(`${data}$d | ConvertTo-Csv`),
      '#TYPE System.Management.Automation.PSCustomObject\n"Name","Role","Note"\n"EDGE01","Edge","says ""hi"""\n"HUB01",,"a,b"',
    );
    assert.equal(await text(`${data}$d | ConvertTo-Csv -NoTypeInformation -Delimiter ';' | Select-Object -First 1`), '"Name";"Role";"Note"');
    assert.equal(await text("'abc' | ConvertTo-Csv -NoTypeInformation"), '"Length"\n"3"');
    assert.equal(await text("[pscustomobject]@{a=1} | Select-Object a | ConvertTo-Csv | Select-Object -First 1"), '#TYPE Selected.System.Management.Automation.PSCustomObject');
  });

  it('ConvertFrom-Csv and Import-Csv read quoted fields, headers and the #TYPE line', async () => {
    const rows = (await values(`${data}$d | ConvertTo-Csv | ConvertFrom-Csv`)) as PSObject[];
    assert.equal(rows.length, 2);
    assert.equal(rows[0].getProperty('Note'), 'says "hi"');
    assert.equal(rows[1].getProperty('Note'), 'a,b');
    assert.equal(rows[1].getProperty('Role'), '');
    assert.equal(rows[0].typeNames[0], 'CSV:System.Management.Automation.PSCustomObject');
    const [h] = (await values("'1,2' | ConvertFrom-Csv -Header A,B,C")) as PSObject[];
    assert.deepEqual([h.getProperty('A'), h.getProperty('B'), h.getProperty('C')], ['1', '2', null]);
    assert.equal(await text("'\"multi','line\",x' | ConvertFrom-Csv -Header A,B | ForEach-Object A"), 'multi\nline');
  });

  it('Export-Csv writes a file, -Append adds rows without a header, Import-Csv reads it back', async () => {
    await withShell(async (sh) => {
      await sh.run(`${data}$d | Export-Csv C:\\servers.csv -NoTypeInformation`);
      await sh.run("[pscustomobject]@{Name='MBX01';Role='Mailbox';Note=''} | Export-Csv C:\\servers.csv -NoTypeInformation -Append");
      assert.equal((await sh.run('Get-Content C:\\servers.csv')).out, '"Name","Role","Note"\n"EDGE01","Edge","says ""hi"""\n"HUB01",,"a,b"\n"MBX01","Mailbox",""\n');
      assert.equal((await sh.run('(Import-Csv C:\\servers.csv).Name -join ","')).out, 'EDGE01,HUB01,MBX01\n');
      assert.match((await sh.run("'x' | Export-Csv C:\\servers.csv -NoClobber")).err, /The file 'C:\\servers\.csv' already exists\./);
    });
  });
});

describe('Select-String', () => {
  it('matches piped text case-insensitively with regular expressions', async () => {
    const [m] = (await values("'Mail.Contoso.com' | Select-String 'contoso\\.com$'")) as PSObject[];
    assert.equal(m.typeName, 'Microsoft.PowerShell.Commands.MatchInfo');
    assert.equal(m.getProperty('Line'), 'Mail.Contoso.com');
    assert.equal(m.getProperty('LineNumber'), 1);
    assert.equal(m.getProperty('Path'), 'InputStream');
    assert.equal(await text("'a','b' | Select-String 'B' -CaseSensitive"), '');
    assert.equal(await text("'x.y','xzy' | Select-String 'x.y' -SimpleMatch"), 'x.y');
    assert.equal(await text("'one','two' | Select-String 'one' -NotMatch"), 'two');
  });

  it('searches files, shown as path:line:text relative to the current location', async () => {
    await withShell(async (sh) => {
      await sh.run("New-Item -ItemType Directory C:\\logs | Out-Null; Set-Content C:\\logs\\smtp.log 'EHLO mail','STARTTLS','QUIT'; Set-Content C:\\logs\\other.txt 'STARTTLS'");
      assert.equal((await sh.run('cd C:\\logs; Select-String -Path *.log -Pattern tls')).out, '\nsmtp.log:2:STARTTLS\n\n');
      assert.equal((await sh.run('cd C:\\; Select-String -Path C:\\logs\\* -Pattern starttls | ForEach-Object { $_.ToString() }')).out, 'C:\\logs\\other.txt:1:STARTTLS\nC:\\logs\\smtp.log:2:STARTTLS\n');
      assert.equal((await sh.run('(Get-ChildItem C:\\logs -Filter *.log | Select-String QUIT).LineNumber')).out, '3\n');
      assert.equal((await sh.run('Select-String -Path C:\\logs\\smtp.log -Pattern STARTTLS -Context 1 | ForEach-Object { $_.ToString() }')).out, '  C:\\logs\\smtp.log:1:EHLO mail\n> C:\\logs\\smtp.log:2:STARTTLS\n  C:\\logs\\smtp.log:3:QUIT\n');
      assert.equal((await sh.run('Select-String -Path C:\\logs\\smtp.log -Pattern . -List | Measure-Object | ForEach-Object Count')).out, '1\n');
    });
  });

  it('-AllMatches, -Quiet and the Matches property', async () => {
    assert.equal(await text("('a1b2c3' | Select-String '\\d' -AllMatches).Matches.Value -join ''"), '123');
    assert.equal(await text("'abc' | Select-String 'z' -Quiet"), 'False');
    assert.equal(await text("'abc' | Select-String 'b' -Quiet"), 'True');
  });

  it('reports bad patterns and missing files', async () => {
    assert.match(await errorText("'x' | Select-String '('"), /InvalidRegex|parsing|Invalid pattern/);
    assert.match(await errorText('Select-String -Path C:\\none.txt -Pattern x'), /Cannot find path 'C:\\none\.txt' because it does not exist\./);
  });
});

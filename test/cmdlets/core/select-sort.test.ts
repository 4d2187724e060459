// Select-Object, Sort-Object, Group-Object, Measure-Object and Compare-Object. Cases follow PowerShell's
// own Select-Object.Tests.ps1, Sort-Object.Tests.ps1, Group-Object.Tests.ps1, Measure-Object.Tests.ps1
// and Compare-Object.Tests.ps1 (behaviour, not code).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PSHashtable, PSObject } from '../../../src/runtime/values.ts';
import { errorText, text, values } from './helpers.ts';

const employees = `$employees = @(
  [pscustomobject]@{FirstName='joseph'; LastName='smith'; YearsInMS=15}
  [pscustomobject]@{FirstName='paul'; LastName='smith'; YearsInMS=15}
  [pscustomobject]@{FirstName='mary'; LastName='soe'; YearsInMS=5}
  [pscustomobject]@{FirstName='edmund'; LastName='bush'; YearsInMS=9}
)
`;

describe('Select-Object', () => {
  it('returns at once for -First over a huge range (stops upstream)', async () => {
    const started = Date.now();
    assert.deepEqual(await values('1..1000000000 | Select-Object -First 3'), [1, 2, 3]);
    assert.ok(Date.now() - started < 5000);
  });

  it('stops a script-block producer upstream, and does not leak an error', async () => {
    assert.equal(await text('$n = 0; 1..100 | ForEach-Object { $n++; $_ } | Select-Object -First 2 -ErrorVariable e | Out-Null; "$n $($e.Count)"'), '2 0');
  });

  it('handles -First and -Last together without repeating objects', async () => {
    assert.equal(await text(`${employees}($employees | Select-Object YearsInMS, L* -First 2 -Last 3).Count`), '4');
    assert.equal(await text(`${employees}($employees | Select-Object YearsInMS, L* -First 2 -Last 1).LastName -join ','`), 'smith,smith,bush');
  });

  it('selects nothing with -First 0 or -Last 0', async () => {
    assert.equal(await text(`${employees}@($employees | Select-Object -First 0).Count; @($employees | Select-Object -Last 0).Count`), '0\n0');
  });

  it('Skip, SkipLast, Index and SkipIndex choose by position', async () => {
    assert.deepEqual(await values("'1','2','3' | Select-Object -Skip 1"), ['2', '3']);
    assert.deepEqual(await values("'1','2','3' | Select-Object -SkipLast 1"), ['1', '2']);
    assert.deepEqual(await values("'1','2','3' | Select-Object -Skip 1 -SkipLast 1"), ['2']);
    assert.deepEqual(await values("'1','2','3' | Select-Object -Index 2"), ['3']);
    assert.deepEqual(await values('0..10 | Select-Object -SkipIndex 5,6,7,8,11'), [0, 1, 2, 3, 4, 9, 10]);
    assert.deepEqual(await values('1..10 | Select-Object -Last 3 -Skip 1'), [7, 8, 9]);
  });

  it('-Unique is case-sensitive and works on selected objects', async () => {
    assert.equal(await text("('a','b','c','a','a','a' | Select-Object -Unique).Length"), '3');
    assert.deepEqual(await values("'a','A','a' | Select-Object -Unique"), ['a', 'A']);
    assert.equal(await text(`${employees}($employees | Select-Object YearsInMS, L* -Unique).Count`), '3');
  });

  it('makes Selected.<type> objects with missing properties as $null', async () => {
    const [obj] = (await values("'bar' | Select-Object -Property foo, Length")) as PSObject[];
    assert.ok(obj instanceof PSObject);
    assert.deepEqual(obj.typeNames, ['Selected.System.String', 'System.Management.Automation.PSCustomObject', 'System.Object']);
    assert.deepEqual(obj.propertyNames(), ['foo', 'Length']);
    assert.equal(obj.getProperty('foo'), null);
    assert.equal(obj.getProperty('Length'), 3);
  });

  it('expands wildcards, excludes properties and ignores $null input', async () => {
    const [obj] = (await values("[pscustomobject]@{Thing='t'; Param2='p'; Other=1} | Select-Object -ExcludeProperty Param2")) as PSObject[];
    assert.deepEqual(obj.propertyNames(), ['Thing', 'Other']);
    assert.equal(await text(`${employees}($employees | Select-Object *Name | Select-Object -First 1 | Get-Member -MemberType NoteProperty).Name -join ','`), 'FirstName,LastName');
    assert.equal(await text('@($null | Select-Object -Property a, b).Count'), '0');
  });

  it('computes calculated properties with Name/Label/N/L and Expression/E keys', async () => {
    assert.equal(await text("'abc' | Select-Object @{N='Len'; E={ $_.Length * 2 }} | ForEach-Object Len"), '6');
    assert.equal(await text("'abc' | Select-Object @{Label='Up'; Expression={ $_.ToUpper() }} | ForEach-Object Up"), 'ABC');
    assert.equal(await text("[pscustomobject]@{a=1} | Select-Object @{n='b'; e='a'} | ForEach-Object b"), '1');
  });

  it('reports bad calculated properties as PowerShell does', async () => {
    const err = await errorText("'x' | Select-Object @{n='a'; x={1}}");
    assert.match(err, /^Select-Object : The x key is not valid\./);
    assert.match(err, /FullyQualifiedErrorId : DictionaryKeyIllegal,Microsoft\.PowerShell\.Commands\.SelectObjectCommand/);
    assert.match(await errorText("'x' | Select-Object @{n='a'}"), /A mandatory entry for expression is missing\./);
    assert.match(await errorText("'bar' | Select-Object -Property {}"), /EmptyScriptBlockAndNoName,Microsoft\.PowerShell\.Commands\.SelectObjectCommand/);
  });

  it('-ExpandProperty enumerates the value; a missing property is an error', async () => {
    assert.deepEqual(await values('[pscustomobject]@{List=1,2,3} | Select-Object -ExpandProperty List'), [1, 2, 3]);
    const err = await errorText("'x' | Select-Object -ExpandProperty Nope");
    assert.match(err, /Property "Nope" cannot be found\./);
    assert.match(err, /ExpandPropertyNotFound,Microsoft\.PowerShell\.Commands\.SelectObjectCommand/);
  });

  it('reads hashtable entries as properties, and the Count member', async () => {
    assert.equal(await text('@{ Entry = 100 } | Select-Object -ExpandProperty Entry'), '100');
    assert.equal(await text('(@{ a = 10; b = 20; c = 30 } | Select-Object -Property Count).Count'), '3');
  });

  it('treats -InputObject as one object', async () => {
    assert.equal(await text('(Select-Object -InputObject @(1,2,3) -Last 1).Count'), '3');
  });
});

describe('Sort-Object', () => {
  it('sorts numbers and strings, case-insensitively by default, stably', async () => {
    assert.deepEqual(await values('3, 1, 2 | Sort-Object'), [1, 2, 3]);
    assert.deepEqual(await values("'b','A','a','C' | Sort-Object"), ['A', 'a', 'b', 'C']);
    assert.deepEqual(await values("'b','B','a' | Sort-Object -CaseSensitive"), ['a', 'b', 'B']);
  });

  it('sorts by property, descending, and by several keys with their own order', async () => {
    assert.equal(await text(`${employees}($employees | Sort-Object YearsInMS).FirstName -join ','`), 'mary,edmund,joseph,paul');
    assert.equal(await text(`${employees}($employees | Sort-Object YearsInMS -Descending).FirstName -join ','`), 'joseph,paul,edmund,mary');
    assert.equal(
      await text(`${employees}($employees | Sort-Object @{Expression='YearsInMS'; Descending=$true}, @{Expression='FirstName'; Ascending=$true}).FirstName -join ','`),
      'joseph,paul,edmund,mary',
    );
    assert.equal(await text(`${employees}($employees | Sort-Object { $_.FirstName.Length }).FirstName -join ','`), 'paul,mary,joseph,edmund');
  });

  it('-Unique keeps one of equal objects (case-insensitive unless -CaseSensitive)', async () => {
    assert.deepEqual(await values("'b','a','B','a' | Sort-Object -Unique"), ['a', 'b']);
    assert.deepEqual(await values("'b','a','B' | Sort-Object -Unique -CaseSensitive"), ['a', 'b', 'B']);
  });

  it('has the sort alias', async () => {
    assert.deepEqual(await values('2,1 | sort'), [1, 2]);
  });
});

describe('Group-Object', () => {
  it('groups in order of first appearance, case-insensitively, with Count/Name/Group', async () => {
    const groups = (await values("'a','b','A','c','b' | Group-Object")) as PSObject[];
    assert.deepEqual(groups.map((g) => g.getProperty('Name')), ['a', 'b', 'c']);
    assert.deepEqual(groups.map((g) => g.getProperty('Count')), [2, 2, 1]);
    assert.deepEqual(groups[0].getProperty('Group'), ['a', 'A']);
    assert.equal(groups[0].typeName, 'Microsoft.PowerShell.Commands.GroupInfo');
  });

  it('groups by several properties, names joined with a comma', async () => {
    assert.equal(await text(`${employees}($employees | Group-Object LastName, YearsInMS | Select-Object -First 1).Name`), 'smith, 15');
  });

  it('-NoElement drops Group; -CaseSensitive separates case', async () => {
    const [g] = (await values("'a','A' | Group-Object -NoElement")) as PSObject[];
    assert.equal(g.hasProperty('Group'), false);
    assert.equal((await values("'a','A' | Group-Object -CaseSensitive")).length, 2);
  });

  it('-AsHashTable maps each value to its objects', async () => {
    const [table] = (await values("'mail','web','edge' | Group-Object Length -AsHashTable")) as PSHashtable[];
    assert.ok(table instanceof PSHashtable);
    assert.deepEqual(table.get(4), ['mail', 'edge']);
    assert.equal(await text("('mail','web' | Group-Object Length -AsHashTable -AsString)['3']"), 'web');
  });

  it('shows the GroupInfo table as Windows PowerShell does', async () => {
    assert.equal(
      await text("'x','y','x' | Group-Object"),
      'Count Name                      Group\n----- ----                      -----\n    2 x                         {x, x}\n    1 y                         {y}',
    );
  });
});

describe('Measure-Object', () => {
  it('counts and computes statistics only when asked', async () => {
    const [m] = (await values('1..4 | Measure-Object -Sum -Maximum')) as PSObject[];
    assert.equal(m.getProperty('Count'), 4);
    assert.equal(m.getProperty('Sum'), 10);
    assert.equal(m.getProperty('Maximum'), 4);
    assert.equal(m.getProperty('Average'), null);
    assert.equal(m.getProperty('Minimum'), null);
  });

  it('measures properties, by name with wildcards', async () => {
    assert.equal(await text(`${employees}($employees | Measure-Object YearsInMS -Average).Average`), '11');
    assert.equal(await text(`${employees}($employees | Measure-Object Years* -Sum).Property`), 'YearsInMS');
  });

  it('reports non-numeric input and missing properties', async () => {
    assert.match(await errorText("'abc' | Measure-Object -Sum"), /Input object "abc" is not numeric\./);
    const err = await errorText("'abc' | Measure-Object -Property Nope -Sum");
    assert.match(err, /The property "Nope" cannot be found in the input for any objects\./);
    assert.match(err, /GenericMeasurePropertyNotFound,Microsoft\.PowerShell\.Commands\.MeasureObjectCommand/);
  });

  it('compares strings for -Minimum/-Maximum', async () => {
    assert.equal(await text("('pear','apple','fig' | Measure-Object -Minimum -Maximum) | ForEach-Object { \"$($_.Minimum) $($_.Maximum)\" }"), 'apple pear');
  });

  it('counts lines, words and characters (-IgnoreWhiteSpace)', async () => {
    const [m] = (await values('"one two`nthree four five" | Measure-Object -Line -Word -Character -IgnoreWhiteSpace')) as PSObject[];
    assert.equal(m.getProperty('Lines'), 2);
    assert.equal(m.getProperty('Words'), 5);
    assert.equal(m.getProperty('Characters'), 'onetwothreefourfive'.length);
  });

  it('prints the 5.1 list layout', async () => {
    assert.equal(await text('1..3 | Measure-Object'), 'Count    : 3\nAverage  : \nSum      : \nMaximum  : \nMinimum  : \nProperty :');
  });

  it('streams many objects (sum of 1..100000)', async () => {
    const started = Date.now();
    assert.equal(await text('(1..100000 | Measure-Object -Sum).Sum'), '5000050000');
    assert.ok(Date.now() - started < 30000);
  });
});

describe('Compare-Object', () => {
  it('reports differences with SideIndicator, difference side first', async () => {
    assert.equal(
      await text("Compare-Object a,b,c b,c,d | ForEach-Object { $_.InputObject + $_.SideIndicator }"),
      'd=>\na<=',
    );
  });

  it('-IncludeEqual, -ExcludeDifferent and -PassThru', async () => {
    assert.equal(await text('(Compare-Object 1,2,3 2,3,4 -IncludeEqual -ExcludeDifferent).InputObject -join ","'), '2,3');
    const out = (await values("Compare-Object 'a' 'b' -PassThru")) as PSObject[];
    assert.deepEqual(out.map((o) => String(o.baseObject)), ['b', 'a']);
    assert.equal(out[0].getProperty('SideIndicator'), '=>');
  });

  it('compares by -Property and writes those properties', async () => {
    const [d] = (await values("Compare-Object ([pscustomobject]@{N='x';V=1}) ([pscustomobject]@{N='x';V=2}) -Property V | Select-Object -First 1")) as PSObject[];
    assert.deepEqual(d.propertyNames(), ['V', 'SideIndicator']);
    assert.equal(d.getProperty('V'), 2);
  });

  it('is case-insensitive unless -CaseSensitive', async () => {
    assert.equal(await text("@(Compare-Object 'A' 'a').Count"), '0');
    assert.equal(await text("@(Compare-Object 'A' 'a' -CaseSensitive).Count"), '2');
  });
});

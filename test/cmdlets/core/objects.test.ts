// ForEach-Object, Where-Object, Get-Member, Add-Member and New-Object. Cases follow PowerShell's
// ForEach-Object.Tests.ps1, Where-Object.Tests.ps1, Get-Member.Tests.ps1, Add-Member.Tests.ps1 and
// New-Object.Tests.ps1 (behaviour, not code).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PSList } from '../../../src/runtime/dotnet-values.ts';
import { PSObject, SecureString } from '../../../src/runtime/values.ts';
import { errorText, text, values } from './helpers.ts';

describe('ForEach-Object', () => {
  it('runs begin, process and end in order', async () => {
    assert.deepEqual(await values("1..3 | ForEach-Object -Begin { 'b' } -Process { $_ } -End { 'e' }"), ['b', 1, 2, 3, 'e']);
  });

  it('takes the first of two positional blocks as Begin, and the last of three as End', async () => {
    assert.deepEqual(await values("1..2 | ForEach-Object { 'b' } { $_ }"), ['b', 1, 2]);
    assert.deepEqual(await values("1..2 | ForEach-Object { 'b' } { $_ } { 'e' }"), ['b', 1, 2, 'e']);
    assert.deepEqual(await values("1..2 | ForEach-Object { 'b' } { $_ } { $_ * 10 } { 'e' }"), ['b', 1, 10, 2, 20, 'e']);
  });

  it('applies the Begin/End rule to -Process blocks too (as ForEachObjectCommand does)', async () => {
    // -Begin plus two process blocks makes three scripts: without -End, the last one is the End block.
    assert.deepEqual(await values("1,2 | ForEach-Object -Begin { 'b' } -Process { $_ }, { -$_ }"), ['b', 1, 2, 0]);
    assert.deepEqual(await values("1,2 | ForEach-Object -Begin { 'b' } -Process { $_ }, { -$_ } -End { 'e' }"), ['b', 1, -1, 2, -2, 'e']);
    assert.deepEqual(await values('1,2 | ForEach-Object -Process { $_ }, { -$_ }'), [-1, -2]);
  });

  it('runs in the caller’s scope', async () => {
    assert.equal(await text('$sum = 0; 1..4 | ForEach-Object { $sum += $_ }; $sum'), '10');
  });

  it('-MemberName reads properties and calls methods with arguments', async () => {
    assert.deepEqual(await values("'ab','cde' | ForEach-Object Length"), [2, 3]);
    assert.deepEqual(await values("'a.b' | ForEach-Object -MemberName Split -ArgumentList '.'"), ['a', 'b']);
    assert.deepEqual(await values("'abc' | ForEach-Object ToUpper"), ['ABC']);
    assert.deepEqual(await values("@{k='v'} | ForEach-Object k"), ['v']);
  });

  it('writes $null for a property of $null (as PowerShell does) and errors for unknown members', async () => {
    assert.deepEqual(await values('$null | ForEach-Object Length'), [null]);
    assert.match(await errorText("'x' | ForEach-Object NoSuchMember"), /The input name "NoSuchMember" cannot be resolved to a member\./);
  });

  it('has the % and foreach aliases', async () => {
    assert.deepEqual(await values('1,2 | % { $_ + 1 }'), [2, 3]);
    assert.deepEqual(await values('1,2 | foreach { $_ + 1 }'), [2, 3]);
  });
});

describe('Where-Object', () => {
  const objs = "$o = [pscustomobject]@{Name='Contoso';Size=10},[pscustomobject]@{Name='Fabrikam';Size=5},[pscustomobject]@{Name='contoso';Size=0}\n";

  it('filters with a script block', async () => {
    assert.deepEqual(await values('1..10 | Where-Object { $_ % 3 -eq 0 }'), [3, 6, 9]);
  });

  it('supports the simplified syntax with every kind of operator', async () => {
    assert.equal(await text(`${objs}($o | Where-Object Name -eq 'contoso').Count`), '2');
    assert.equal(await text(`${objs}($o | Where-Object Name -ceq 'contoso').Size`), '0');
    assert.equal(await text(`${objs}($o | Where-Object Size -gt 4).Name -join ','`), 'Contoso,Fabrikam');
    assert.equal(await text(`${objs}($o | Where-Object Name -like 'F*').Name`), 'Fabrikam');
    assert.equal(await text(`${objs}($o | Where-Object Name -match '^con').Count`), '2');
    assert.equal(await text(`${objs}($o | Where-Object Name -notmatch '^con').Name`), 'Fabrikam');
    assert.equal(await text(`${objs}($o | Where-Object Size -in 5,10).Count`), '2');
    assert.equal(await text(`${objs}($o | Where-Object -Property Size -Value 5 -EQ).Name`), 'Fabrikam');
    assert.equal(await text(`${objs}@(1,'a' | Where-Object -Property Length -GE 1).Count`), '1');
  });

  it('keeps objects whose property is true when no operator is given, and -Not the others', async () => {
    assert.equal(await text(`${objs}($o | Where-Object Size).Count`), '2');
    assert.equal(await text(`${objs}($o | Where-Object -Not Size).Name`), 'contoso');
  });

  it('-contains and -is', async () => {
    assert.deepEqual(await values("[pscustomobject]@{L=1,2},[pscustomobject]@{L=3} | Where-Object L -contains 2 | ForEach-Object { $_.L.Count }"), [2]);
    assert.equal(await text("([pscustomobject]@{V=1},[pscustomobject]@{V='x'} | Where-Object V -is ([string])).V"), 'x');
  });

  it('has the ? and where aliases', async () => {
    assert.deepEqual(await values('1,2,3 | ? { $_ -gt 1 } | where { $_ -lt 3 }'), [2]);
  });
});

describe('Get-Member', () => {
  it('lists note properties and the object methods with PowerShell definitions', async () => {
    assert.equal(
      await text("[pscustomobject]@{Name='contoso.com'; Port=25} | Get-Member"),
      [
        '   TypeName: System.Management.Automation.PSCustomObject',
        '',
        'Name        MemberType   Definition',
        '----        ----------   ----------',
        'Equals      Method       bool Equals(System.Object obj)',
        'GetHashCode Method       int GetHashCode()',
        'GetType     Method       type GetType()',
        'ToString    Method       string ToString()',
        'Name        NoteProperty string Name=contoso.com',
        'Port        NoteProperty int Port=25',
      ].join('\n'),
    );
  });

  it('shows one group per type of the piped objects', async () => {
    const defs = (await values("'a', 1, 'b' | Get-Member")) as PSObject[];
    assert.deepEqual([...new Set(defs.map((d) => d.getProperty('TypeName')))], ['System.String', 'System.Int32']);
  });

  it('filters by -Name with wildcards and by -MemberType', async () => {
    assert.equal(await text("('x' | Get-Member -Name To*).Name -join ','"), 'ToCharArray,ToLower,ToString,ToUpper');
    assert.equal(await text("('x' | Get-Member -MemberType Property).Name"), 'Length');
  });

  it('fails without input', async () => {
    const err = await errorText('Get-Member');
    assert.match(err, /You must specify an object for the Get-Member cmdlet\./);
    assert.match(err, /NoObjectInGetMember,Microsoft\.PowerShell\.Commands\.GetMemberCommand/);
  });

  it('-Static lists static members of the type', async () => {
    assert.match(await text('[string] | Get-Member -Static | Select-Object -ExpandProperty Name'), /\bJoin\b/);
  });
});

describe('Add-Member', () => {
  it('adds note properties in every form', async () => {
    assert.equal(await text("$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyName a -NotePropertyValue 1; $o.a"), '1');
    assert.equal(await text("$o = [pscustomobject]@{}; $o | Add-Member NoteProperty b 2; $o.b"), '2');
    assert.equal(await text("$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyMembers @{c=3; d=4}; $o.c + $o.d"), '7');
    assert.equal(await text("$o = [pscustomobject]@{}; Add-Member -InputObject $o -MemberType NoteProperty -Name e -Value 5; $o.e"), '5');
  });

  it('adds alias and script properties, and script methods with $this', async () => {
    assert.equal(await text("$o = [pscustomobject]@{Port=25} | Add-Member AliasProperty P Port -PassThru; $o.P"), '25');
    assert.equal(
      await text("$o = [pscustomobject]@{Port=25} | Add-Member ScriptProperty Double { $this.Port * 2 } -PassThru; $o.Double"),
      '50',
    );
    assert.equal(
      await text("$o = [pscustomobject]@{Port=25} | Add-Member ScriptMethod Plus { param($n) $this.Port + $n } -PassThru; $o.Plus(5)"),
      '30',
    );
  });

  it('refuses to replace a member without -Force', async () => {
    const err = await errorText("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName a -NotePropertyValue 2");
    assert.match(err, /Cannot add a member with the name "a" because a member with that name already exists\./);
    assert.match(err, /MemberAlreadyExists,Microsoft\.PowerShell\.Commands\.AddMemberCommand/);
    assert.equal(await text("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName a -NotePropertyValue 2 -Force; $o.a"), '2');
  });

  it('writes the object only with -PassThru and adds -TypeName first', async () => {
    assert.deepEqual(await values("[pscustomobject]@{} | Add-Member -NotePropertyName a -NotePropertyValue 1"), []);
    const [o] = (await values("[pscustomobject]@{} | Add-Member -TypeName Contoso.Server -PassThru")) as PSObject[];
    assert.equal(o.typeNames[0], 'Contoso.Server');
  });

  it('shows added members as NoteProperty in Get-Member', async () => {
    assert.equal(await text("([pscustomobject]@{} | Add-Member NoteProperty x 1 -PassThru | Get-Member x).MemberType"), 'NoteProperty');
  });
});

describe('New-Object', () => {
  it('makes custom objects from -Property', async () => {
    const [o] = (await values("New-Object -TypeName PSObject -Property ([ordered]@{Name='EDGE01'; Role='Edge'})")) as PSObject[];
    assert.deepEqual(o.propertyNames(), ['Name', 'Role']);
    assert.equal(o.getProperty('Role'), 'Edge');
  });

  it('makes ArrayLists and generic lists that stay collections', async () => {
    const [list] = await values('New-Object System.Collections.ArrayList');
    assert.ok(list instanceof PSList);
    assert.equal(await text("$l = New-Object 'System.Collections.Generic.List[string]'; $l.Add('a'); $l.Add('b'); $l.Count"), '2');
  });

  it('makes credentials from a user name and a secure string', async () => {
    const [cred] = (await values("New-Object System.Management.Automation.PSCredential ('admin', (ConvertTo-SecureString 'pw' -AsPlainText -Force))")) as PSObject[];
    assert.equal(cred.getProperty('UserName'), 'admin');
    assert.ok(cred.getProperty('Password') instanceof SecureString);
    assert.equal(await text("([pscredential]::new('a', (ConvertTo-SecureString 'pw' -AsPlainText -Force))).GetNetworkCredential().Password"), 'pw');
  });

  it('reports unknown types', async () => {
    const err = await errorText('New-Object Foo.Bar');
    assert.match(err, /Cannot find type \[Foo\.Bar\]: verify that the assembly containing this type is loaded\./);
    assert.match(err, /TypeNotFound,Microsoft\.PowerShell\.Commands\.NewObjectCommand/);
  });
});

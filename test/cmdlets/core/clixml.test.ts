// Export-Clixml / Import-Clixml: 5.1's CLIXML text for a custom object, round trips of hashtables,
// custom objects, arrays, dates and awkward strings, -Depth, repeated objects as <Ref>, and
// SecureStrings encrypted with the state root's 0600 key (unreadable with another state root's key).
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createShell } from '../../helpers/run.ts';
import { PSHashtable, PSObject, SecureString } from '../../../src/runtime/values.ts';
import { secureStringKeyPath } from '../../../cmdlets/core/clixml/secure-string-key.ts';

describe('Export-Clixml / Import-Clixml', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('writes a custom object as 5.1 does', async () => {
    const { err } = await shell.run("[pscustomobject]@{ Name = 'mail1'; Port = 25; Edge = $true; Note = $null } | Export-Clixml c:\\o.xml");
    assert.equal(err, '');
    const [text] = await shell.values("Get-Content c:\\o.xml -Raw");
    assert.equal(
      text,
      [
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">',
        '  <Obj RefId="0">',
        '    <TN RefId="0">',
        '      <T>System.Management.Automation.PSCustomObject</T>',
        '      <T>System.Object</T>',
        '    </TN>',
        '    <ToString>@{Name=mail1; Port=25; Edge=True; Note=}</ToString>',
        '    <MS>',
        '      <S N="Name">mail1</S>',
        '      <I32 N="Port">25</I32>',
        '      <B N="Edge">true</B>',
        '      <Nil N="Note" />',
        '    </MS>',
        '  </Obj>',
        '</Objs>',
        '',
      ].join('\n'),
    );
  });

  it('round-trips hashtables, custom objects, arrays and typed values', async () => {
    await shell.run(
      "$in = @{ Name = 'a<b>&\"c\"'; Lines = \"one`r`ntwo\"; Ports = @(25, 587); When = [datetime]'2024-03-01T10:20:30Z'; Big = 5000000000; Ratio = 0.5; Span = New-TimeSpan -Minutes 90 }\n" +
        '$in | Export-Clixml c:\\h.xml',
    );
    const [table] = (await shell.values('Import-Clixml c:\\h.xml')) as PSHashtable[];
    assert.ok(table instanceof PSHashtable);
    assert.equal(table.get('Name'), 'a<b>&"c"');
    assert.equal(table.get('Lines'), 'one\r\ntwo');
    assert.deepEqual(table.get('Ports'), [25, 587]);
    assert.equal((table.get('When') as Date).toISOString(), '2024-03-01T10:20:30.000Z');
    assert.equal(table.get('Big'), 5000000000);
    assert.equal(table.get('Ratio'), 0.5);
    assert.deepEqual(await shell.values('(Import-Clixml c:\\h.xml).Span.TotalMinutes'), [90]);
    const text = readFileSync(join(shell.stateRoot, 'drives', 'C', 'h.xml'), 'utf8');
    assert.match(text, /<S N="Key">Lines<\/S>\s*<S N="Value">one_x000D__x000A_two<\/S>/);
    assert.match(text, /<I64 N="Value">5000000000<\/I64>/);
    assert.match(text, /<TS N="Value">PT1H30M<\/TS>/);

    await shell.run("'x', 2 | Export-Clixml c:\\a.xml; Export-Clixml c:\\b.xml -InputObject @('x', 2)");
    assert.deepEqual(await shell.values('Import-Clixml c:\\a.xml'), ['x', 2]);
    assert.deepEqual(await shell.values('(Import-Clixml c:\\b.xml).Count'), [2]);
    const [obj] = (await shell.values("[pscustomobject]@{ A = 1 } | Export-Clixml c:\\p.xml; Import-Clixml c:\\p.xml")) as PSObject[];
    assert.deepEqual(obj.typeNames, ['Deserialized.System.Management.Automation.PSCustomObject', 'Deserialized.System.Object']);
    assert.equal(obj.getProperty('A'), 1);
  });

  it('writes deeper objects as strings and repeated objects as references', async () => {
    await shell.run("$inner = [pscustomobject]@{ Leaf = [pscustomobject]@{ X = 1 } }; [pscustomobject]@{ A = $inner; B = $inner } | Export-Clixml c:\\d.xml -Depth 1");
    const text = readFileSync(join(shell.stateRoot, 'drives', 'C', 'd.xml'), 'utf8');
    assert.match(text, /<S N="A">@\{Leaf=@\{X=1\}\}<\/S>/);
    await shell.run("[pscustomobject]@{ A = $inner; B = $inner } | Export-Clixml c:\\r.xml");
    const refs = readFileSync(join(shell.stateRoot, 'drives', 'C', 'r.xml'), 'utf8');
    assert.match(refs, /<Ref N="B" RefId="1" \/>/);
    assert.match(refs, /<TNRef RefId="0" \/>/);
    assert.deepEqual(await shell.values('(Import-Clixml c:\\r.xml).B.Leaf'), ['@{X=1}']);
  });

  it('encrypts a credential’s password with the state root’s key and reads it back', async () => {
    await shell.run("$c = New-Object System.Management.Automation.PSCredential 'CONTOSO\\admin', (ConvertTo-SecureString 'Pa55-word!' -AsPlainText -Force); $c | Export-Clixml c:\\cred.xml");
    const text = readFileSync(join(shell.stateRoot, 'drives', 'C', 'cred.xml'), 'utf8');
    assert.doesNotMatch(text, /Pa55-word!/);
    assert.match(text, /<SS N="Password">01[0-9a-f]+<\/SS>/);
    assert.equal(statSync(secureStringKeyPath(shell.stateRoot)).mode & 0o777, 0o600);
    const [cred] = (await shell.values('Import-Clixml c:\\cred.xml')) as PSObject[];
    assert.equal(cred.typeName, 'System.Management.Automation.PSCredential');
    assert.equal(cred.getProperty('UserName'), 'CONTOSO\\admin');
    assert.equal((cred.getProperty('Password') as SecureString).reveal(), 'Pa55-word!');

    const other = createShell();
    try {
      await other.run(`Copy-Item -LiteralPath '${join(shell.stateRoot, 'drives', 'C', 'cred.xml')}' -Destination c:\\cred.xml`);
      const { err } = await other.run('Import-Clixml c:\\cred.xml');
      assert.match(err, /Key not valid for use in specified state\./);
    } finally {
      await other.dispose();
    }
  });

  it('reports a file that is not CLIXML', async () => {
    await shell.run("Set-Content c:\\bad.xml '<Objs><S>x</Objs>'");
    const { err } = await shell.run('Import-Clixml c:\\bad.xml');
    assert.match(err, /The file 'C:\\bad\.xml' is not CLIXML/);
  });
});

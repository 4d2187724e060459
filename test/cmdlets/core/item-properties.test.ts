// Get-ItemProperty / Set-ItemProperty on the FileSystem provider: the item itself, selected
// properties (wildcards) with the PS* properties, 5.1's missing-property error, IsReadOnly and the
// ReadOnly attribute through the write bits, LastWriteTime, -PassThru, -WhatIf and piped items.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createShell, trimBlankLines } from '../../helpers/run.ts';
import type { PSObject } from '../../../src/runtime/values.ts';

describe('Get-ItemProperty / Set-ItemProperty', () => {
  const shell = createShell();
  const native = (name: string) => join(shell.stateRoot, 'drives', 'C', 'ip', name);
  before(async () => {
    await shell.run("New-Item c:\\ip -ItemType Directory | Out-Null; Set-Content c:\\ip\\a.txt 'abc'; Set-Content c:\\ip\\b.txt 'x'");
  });
  after(() => shell.dispose());

  it('writes the item without -Name and a property bag with -Name', async () => {
    const [item] = (await shell.values('Get-ItemProperty c:\\ip\\a.txt')) as PSObject[];
    assert.equal(item.typeNames[0], 'System.IO.FileInfo');
    const { out, err } = await shell.run('Get-ItemProperty c:\\ip\\a.txt -Name Length');
    assert.equal(err, '');
    assert.equal(
      trimBlankLines(out),
      [
        'Length       : 4',
        'PSPath       : Microsoft.PowerShell.Core\\FileSystem::C:\\ip\\a.txt',
        'PSParentPath : Microsoft.PowerShell.Core\\FileSystem::C:\\ip',
        'PSChildName  : a.txt',
        'PSDrive      : C',
        'PSProvider   : Microsoft.PowerShell.Core\\FileSystem',
      ].join('\n'),
    );
    const [times] = (await shell.values('Get-ItemProperty c:\\ip\\a.txt -Name LastWrite*')) as PSObject[];
    assert.deepEqual(times.propertyNames().slice(0, 2), ['LastWriteTime', 'LastWriteTimeUtc']);
  });

  it('a property the item lacks is 5.1’s error', async () => {
    const { err } = await shell.run('Get-ItemProperty c:\\ip\\a.txt -Name Colour');
    assert.match(err, /Property Colour does not exist at path C:\\ip\\a\.txt\./);
    assert.match(err, /FullyQualifiedErrorId : System\.Management\.Automation\.PSArgumentException,Microsoft\.PowerShell\.Commands\.GetItemPr/);
  });

  it('sets IsReadOnly and the ReadOnly attribute through the write permission', async () => {
    await shell.run('Set-ItemProperty c:\\ip\\a.txt -Name IsReadOnly -Value $true');
    assert.equal(statSync(native('a.txt')).mode & 0o222, 0);
    assert.deepEqual(await shell.values('(Get-ItemProperty c:\\ip\\a.txt -Name Attributes).Attributes.ToString()'), ['ReadOnly, Archive']);
    await shell.run("Set-ItemProperty c:\\ip\\a.txt Attributes 'Archive'");
    assert.notEqual(statSync(native('a.txt')).mode & 0o200, 0);
    const { err } = await shell.run("Set-ItemProperty c:\\ip\\a.txt Attributes 'Hidden'");
    assert.match(err, /The attributes Hidden cannot be set on 'C:\\ip\\a\.txt' here/);
  });

  it('sets LastWriteTime, writes -PassThru, and changes nothing with -WhatIf', async () => {
    const [passed] = (await shell.values("Set-ItemProperty c:\\ip\\b.txt LastWriteTime ([datetime]'2020-01-02T03:04:05Z') -PassThru")) as PSObject[];
    assert.equal((passed.getProperty('LastWriteTime') as Date).toISOString(), '2020-01-02T03:04:05.000Z');
    assert.equal(statSync(native('b.txt')).mtime.toISOString(), '2020-01-02T03:04:05.000Z');
    const { out } = await shell.run('Set-ItemProperty c:\\ip\\b.txt IsReadOnly $true -WhatIf');
    assert.match(out, /What if: Performing the operation "Set Property" on target "Item: C:\\ip\\b\.txt Property: IsReadOnly Value: True"\./);
    assert.notEqual(statSync(native('b.txt')).mode & 0o200, 0);
    const { err } = await shell.run('Set-ItemProperty c:\\ip\\b.txt -Name Length -Value 1');
    assert.match(err, /The property Length cannot be set on 'C:\\ip\\b\.txt'; set one of IsReadOnly/);
  });

  it('takes piped items and -InputObject hashtables', async () => {
    await shell.run('Get-ChildItem c:\\ip\\*.txt | Set-ItemProperty -Name IsReadOnly -Value $true');
    assert.equal(statSync(native('a.txt')).mode & 0o222, 0);
    assert.equal(statSync(native('b.txt')).mode & 0o222, 0);
    await shell.run('Set-ItemProperty c:\\ip\\*.txt -InputObject @{ IsReadOnly = $false }');
    assert.deepEqual(await shell.values('Get-ChildItem c:\\ip | ForEach-Object IsReadOnly'), [false, false]);
  });
});

// New-Guid, Get-Culture and Get-Host: the objects and their 5.1 views.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createShell, trimBlankLines } from '../../helpers/run.ts';
import { PSGuid } from '../../../src/runtime/dotnet-values.ts';

describe('New-Guid, Get-Culture, Get-Host', () => {
  const shell = createShell();
  after(() => shell.dispose());

  it('New-Guid writes a different System.Guid each time', async () => {
    const [a, b] = await shell.values('New-Guid; New-Guid');
    assert.ok(a instanceof PSGuid && b instanceof PSGuid);
    assert.notEqual(String(a), String(b));
    assert.deepEqual(await shell.values('(New-Guid).GetType().FullName'), ['System.Guid']);
  });

  it('a Guid shows as the Guid table and has the Guid property of types.ps1xml', async () => {
    const g = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
    assert.equal(trimBlankLines((await shell.run(`[guid]'${g}'`)).out), `Guid\n----\n${g}`);
    assert.deepEqual(await shell.values(`([guid]'${g}').Guid; "$([guid]'${g}')"`), [g, g]);
  });

  it('Get-Culture is en-US, LCID 1033, in the LCID/Name/DisplayName table', async () => {
    assert.deepEqual(await shell.values('$c = Get-Culture; $c.LCID; $c.Name; $c.DisplayName; "$c"'), [1033, 'en-US', 'English (United States)', 'en-US']);
    const r = await shell.run('Get-Culture');
    assert.equal(trimBlankLines(r.out).split('\n')[0], 'LCID             Name             DisplayName');
  });

  it('Get-Host is the ConsoleHost with the session version, shown as a list', async () => {
    assert.deepEqual(await shell.values('$h = Get-Host; $h.Name; $h.Version.ToString(); "$($h.CurrentCulture)"'), ['ConsoleHost', '5.1.0', 'en-US']);
    const lines = trimBlankLines((await shell.run('Get-Host')).out).split('\n');
    assert.equal(lines[0], 'Name             : ConsoleHost');
    assert.match(lines[2], /^InstanceId {7}: [0-9a-f-]{36}$/);
    assert.equal(lines[3], 'UI               : System.Management.Automation.Internal.Host.InternalHostUserInterface');
  });

  it('$Host is the same host object, shown as the same list, in a fresh shell', async () => {
    const fresh = createShell();
    try {
      const lines = trimBlankLines((await fresh.run('$Host')).out).split('\n');
      assert.equal(lines[0], 'Name             : ConsoleHost');
      assert.deepEqual(await fresh.values('$Host.InstanceId -eq (Get-Host).InstanceId; $Host.Version.Major; $Host.CurrentUICulture.Name'), [true, 5, 'en-US']);
    } finally {
      fresh.dispose();
    }
  });
});

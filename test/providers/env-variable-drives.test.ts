// The Env: and Variable: drives and the provider column of Get-PSDrive: environment variables and
// variables as items (Get-ChildItem, Get-Item, Test-Path, Remove-Item, Set-Location), and FileSystem
// cmdlets refusing a relative path while the location is on another provider's drive.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { PSObject } from '../../src/runtime/values.ts';
import { createShell, trimBlankLines } from '../helpers/run.ts';

const shell = createShell();
after(() => shell.dispose());

async function text(code: string): Promise<string> {
  const { out, err } = await shell.run(code);
  assert.equal(err, '', err);
  return out;
}

describe('Get-PSDrive and providers', () => {
  it('names each drive’s provider in the Provider column, drives sorted by name', async () => {
    const rows = trimBlankLines(await text('Get-PSDrive | Format-Table Name, Provider -AutoSize')).split('\n').slice(2);
    const byName = new Map(rows.map((r) => r.split(/\s+/) as [string, string]));
    assert.equal(byName.get('Cert'), 'Microsoft.PowerShell.Security\\Certificate');
    assert.equal(byName.get('Env'), 'Microsoft.PowerShell.Core\\Environment');
    assert.equal(byName.get('Variable'), 'Microsoft.PowerShell.Core\\Variable');
    assert.equal(byName.get('C'), 'Microsoft.PowerShell.Core\\FileSystem');
    const table = await text('Get-PSDrive Cert, Env');
    assert.match(table, /^Cert +Certificate +\\ *$/m);
    assert.match(table, /^Env +Environment *$/m);
    assert.deepEqual(await shell.values('Get-PSDrive -PSProvider Environment | ForEach-Object Name'), ['Env']);
    const names = (await shell.values('Get-PSDrive | ForEach-Object Name')) as string[];
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });
});

describe('Env: drive', () => {
  it('lists, tests, reads and removes environment variables', async () => {
    process.env.EMSH_PROVIDER_TEST = 'one';
    assert.equal(await text('Test-Path Env:EMSH_PROVIDER_TEST'), 'True\n');
    assert.equal(await text('Test-Path Env:\\EMSH_NOT_THERE'), 'False\n');
    assert.equal(trimBlankLines(await text('Get-ChildItem Env:EMSH_PROVIDER_T*')), 'Name                           Value\n----                           -----\nEMSH_PROVIDER_TEST             one');
    const [item] = (await shell.values('Get-Item Env:EMSH_PROVIDER_TEST')) as PSObject[];
    assert.equal(item.getProperty('Value'), 'one');
    assert.equal(item.getProperty('PSPath'), 'Microsoft.PowerShell.Core\\Environment::EMSH_PROVIDER_TEST');
    assert.equal(await text('Remove-Item Env:EMSH_PROVIDER_TEST -WhatIf'), 'What if: Performing the operation "Remove Item" on target "Item: EMSH_PROVIDER_TEST".\n');
    await text('Remove-Item Env:EMSH_PROVIDER_TEST');
    assert.equal(process.env.EMSH_PROVIDER_TEST, undefined);
    assert.equal(await text('$null -eq $env:EMSH_PROVIDER_TEST'), 'True\n');
  });

  it('Set-Location Env: makes relative names environment variables; file cmdlets then refuse relative paths', async () => {
    process.env.EMSH_PROVIDER_TEST = 'two';
    await text('Set-Location Env:');
    assert.equal(await text('(Get-Location).Path'), 'Env:\\\n');
    assert.equal(await text('(Get-Item EMSH_PROVIDER_TEST).Value'), 'two\n');
    const { err } = await shell.run("Set-Content notes.txt 'x'");
    assert.match(err, /Cannot open file because the current provider \(Microsoft\.PowerShell\.Core\\Environment\) cannot open a file\./);
    await text('Set-Location C:\\');
    assert.equal(await text('(Get-Location).Path'), 'C:\\\n');
    delete process.env.EMSH_PROVIDER_TEST;
  });
});

describe('Variable: drive', () => {
  it('gets, lists and removes variables as PSVariable items', async () => {
    assert.equal(trimBlankLines(await text('Get-Item Variable:PSVersionTable')).split('\n')[0], 'Name                           Value');
    assert.equal(await text('Test-Path Variable:PSVersionTable'), 'True\n');
    await text('$providerDemo = 42');
    assert.deepEqual(await shell.values('Get-ChildItem Variable:providerD* | ForEach-Object Value'), [42]);
    await text('Remove-Item Variable:providerDemo');
    assert.equal(await text('Test-Path Variable:providerDemo'), 'False\n');
    const { err } = await shell.run('Get-Item Variable:NoSuchVariable');
    assert.match(err, /Cannot find path 'Variable:\\NoSuchVariable' because it does not exist\./);
  });
});

// Get-Module / Import-Module / Remove-Module: emsh's modules (the cmdlet declarations' module names),
// script modules from .psm1/.ps1 paths (functions exported to the global scope), 5.1's errors and view.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { trimBlankLines, withShell } from './helpers.ts';

describe('module cmdlets', () => {
  it('Get-Module lists the imported modules in the ModuleType/Version/Name/ExportedCommands table', () =>
    withShell(async (shell) => {
      const lines = trimBlankLines((await shell.run('Get-Module')).out).split('\n');
      assert.equal(lines[0], 'ModuleType Version    Name                                ExportedCommands');
      assert.match(lines[2], /^Manifest {3}3\.1\.0\.0 {4}Microsoft\.PowerShell\.Management {5}\{Add-Content, /);
      assert.equal(lines.length, 4);
    }));

  it('-ListAvailable lists every module of the cmdlet declarations, with their cmdlets', () =>
    withShell(async (shell) => {
      const names = (await shell.values('(Get-Module -ListAvailable).Name')) as string[];
      for (const n of ['Microsoft.PowerShell.Utility', 'Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Security', 'Microsoft.Exchange.Management.PowerShell.Admin']) {
        assert.ok(names.includes(n), n);
      }
      assert.deepEqual(await shell.values("(Get-Module -ListAvailable Microsoft.PowerShell.U*).ExportedCommands.ContainsKey('Get-Date')"), [true]);
      assert.deepEqual(await shell.values("(Get-Module -ListAvailable *Exchange*).ModuleType.ToString()"), ['Binary']);
      assert.deepEqual(await shell.values('Get-Module -Name NotThere'), []);
    }));

  it('Import-Module of a known name writes nothing and marks it imported; an unknown name is 5.1\'s error', () =>
    withShell(async (shell) => {
      assert.deepEqual(await shell.values('Import-Module Microsoft.PowerShell.Security'), []);
      assert.deepEqual(await shell.values('(Get-Module Microsoft.PowerShell.Security).Version.ToString()'), ['3.0.0.0']);
      assert.deepEqual(await shell.values('@(Import-Module Microsoft.PowerShell.Security -PassThru).Count'), [0]);
      assert.deepEqual(await shell.values('(Import-Module Microsoft.PowerShell.Security -PassThru -Force).Name'), ['Microsoft.PowerShell.Security']);
      const r = await shell.run('Import-Module ActiveDirectory');
      assert.match(r.err, /^Import-Module : The specified module 'ActiveDirectory' was not loaded because no valid module file was found in any module directory\./);
      assert.match(r.err, /ResourceUnavailable: \(ActiveDirectory:String\) \[Import-Module\], FileNotFoundException/);
      assert.match(r.err, /Modules_ModuleNotFound,Microsoft\.PowerShell\.Commands\.ImportModuleCommand/);
    }));

  it('imports a .psm1: functions become global, module variables stay behind, $PSScriptRoot is its folder', () =>
    withShell(async (shell) => {
      const file = join(shell.stateRoot, 'Tools.psm1');
      writeFileSync(file, '$moduleOnly = 5\nfunction Get-Root { $PSScriptRoot }\nfunction Get-Double($n) { $n * 2 }\n$rootAtImport = $PSScriptRoot\n');
      const imported = await shell.values(`Import-Module '${file}' -PassThru | ForEach-Object { $_.Name; $_.ModuleType.ToString(); @($_.ExportedCommands.Keys) -join ',' }`);
      assert.deepEqual(imported, ['Tools', 'Script', 'Get-Double,Get-Root']);
      assert.deepEqual(await shell.values('Get-Double 21; $null -eq $moduleOnly'), [42, true]);
      assert.deepEqual(await shell.values('(Get-Module Tools).Path'), [file]);
    }));

  it('imports a .ps1 the same way; a missing path is the module-not-found error', () =>
    withShell(async (shell) => {
      const file = join(shell.stateRoot, 'helpers.ps1');
      writeFileSync(file, 'function Use-Helper { "helped" }');
      assert.deepEqual(await shell.values(`Import-Module '${file}'; Use-Helper`), ['helped']);
      const r = await shell.run(`Import-Module '${join(shell.stateRoot, 'missing.psm1')}'`);
      assert.match(r.err, /was not loaded because no valid module file was found in any module directory/);
    }));

  it('Remove-Module removes a script module\'s functions; an unknown name is an error', () =>
    withShell(async (shell) => {
      const file = join(shell.stateRoot, 'Gone.psm1');
      writeFileSync(file, 'function Get-Gone { 1 }');
      await shell.run(`Import-Module '${file}'`);
      assert.deepEqual(await shell.values('Remove-Module Gone; [bool](Get-Command Get-Gone -ErrorAction SilentlyContinue); (Get-Module Gone).Count'), [false, 0]);
      const r = await shell.run('Remove-Module Gone');
      assert.match(r.err, /No modules were removed\. Verify that the specification of modules to remove is correct and those modules exist in the runspace\./);
      assert.match(r.err, /Modules_NoModulesRemoved,Microsoft\.PowerShell\.Commands\.RemoveModuleCommand/);
    }));
});

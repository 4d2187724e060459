// Get-Module, Import-Module and Remove-Module. emsh's own modules are the `module` names of the cmdlet
// declarations; importing one marks it imported (its cmdlets are always available). A .psm1 or .ps1
// path is run simply: in a new script scope under the global scope, its functions then exported to the
// global scope (its variables stay behind, and the functions do not see them: no module session state).
import { basename, dirname, extname } from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { registerView } from '../../src/format/views.ts';
import { moduleVersion } from '../../src/runtime/command-info.ts';
import { PSVersion } from '../../src/runtime/dotnet-values.ts';
import { invokeScriptBlock } from '../../src/runtime/evaluator/invoke-block.ts';
import { loadScriptFile } from '../../src/runtime/evaluator/command-resolution.ts';
import { preloadCommands } from '../../src/runtime/evaluator/preload-commands.ts';
import { Scope, type FunctionDefinition } from '../../src/runtime/scope.ts';
import { EnumType, PSHashtable, PSObject } from '../../src/runtime/values.ts';
import { hasWildcardCharacters, wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { provider } from './support/paths.ts';
import { callerFrame } from './support/script-invoke.ts';

const module = 'Microsoft.PowerShell.Core';
const MODULE_INFO = 'System.Management.Automation.PSModuleInfo';
const IMPORTED = 'modules.imported';
const ModuleType = new EnumType('System.Management.Automation.ModuleType', { Script: 0, Binary: 1, Manifest: 2, Cim: 3, Workflow: 4 });
/** Windows PowerShell 5.1 ships these as manifest modules; the rest of emsh's are binary (cmdlets in a DLL). */
const MANIFEST_MODULES = new Set(['microsoft.powershell.management', 'microsoft.powershell.utility', 'microsoft.powershell.security', 'microsoft.powershell.diagnostics', 'pki', 'nettcpip']);
/** What a new 5.1 console has imported. */
const INITIALLY_IMPORTED = ['Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Utility'];
const SYSTEM_MODULES = 'C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules';

registerView(MODULE_INFO, {
  kind: 'table',
  columns: [
    { label: 'ModuleType', expression: 'ModuleType', width: 10 },
    { label: 'Version', expression: 'Version', width: 10 },
    { label: 'Name', expression: 'Name', width: 35 },
    { label: 'ExportedCommands', expression: (m: unknown) => [...((m as PSObject).getProperty('ExportedCommands') as PSHashtable).keys()] },
  ],
});

interface ModuleRecord {
  name: string;
  type: 'Script' | 'Binary' | 'Manifest';
  version: PSVersion;
  path: string;
  commands: string[];
  /** A script module's functions, as exported to the global scope (removed again by Remove-Module). */
  functions?: FunctionDefinition[];
}

function imported(ctx: CmdletContext): ModuleRecord[] {
  let list = ctx.session.services.get(IMPORTED) as ModuleRecord[] | undefined;
  if (!list) {
    list = [];
    for (const name of INITIALLY_IMPORTED) {
      const found = available(ctx).find((m) => m.name === name);
      if (found) list.push(found);
    }
    ctx.session.services.set(IMPORTED, list);
  }
  return list;
}

/** emsh's modules: every module a cmdlet declares, with its cmdlets (read from the manifest, nothing loaded). */
function available(ctx: CmdletContext): ModuleRecord[] {
  const byName = new Map<string, string[]>();
  for (const cmdlet of ctx.session.allCmdlets()) {
    if (!cmdlet.module) continue;
    const names = byName.get(cmdlet.module) ?? [];
    names.push(cmdlet.name);
    byName.set(cmdlet.module, names);
  }
  return [...byName]
    .map(([name, commands]): ModuleRecord => ({
      name,
      type: MANIFEST_MODULES.has(name.toLowerCase()) ? 'Manifest' : 'Binary',
      version: PSVersion.parse(moduleVersion(name)) ?? new PSVersion(1, 0, 0, 0),
      path: `${SYSTEM_MODULES}\\${name}\\${name}.${MANIFEST_MODULES.has(name.toLowerCase()) ? 'psd1' : 'dll'}`,
      commands: commands.sort((a, b) => a.localeCompare(b)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function moduleInfo(m: ModuleRecord): PSObject {
  const info = new PSObject([MODULE_INFO, 'System.Object']);
  const commands = new PSHashtable();
  for (const c of m.commands) commands.set(c, c);
  info.setProperty('Name', m.name);
  info.setProperty('Path', m.path);
  info.setProperty('Description', '');
  info.setProperty('ModuleType', ModuleType.value(ModuleType.lookup(m.type)!.value));
  info.setProperty('Version', m.version);
  info.setProperty('ModuleBase', m.path.replace(/[\\/][^\\/]*$/, ''));
  info.setProperty('ExportedCommands', commands);
  info.setProperty('ExportedCmdlets', m.type === 'Script' ? [] : [...m.commands]);
  info.setProperty('ExportedFunctions', m.type === 'Script' ? [...m.commands] : []);
  info.defineMethod({ name: 'ToString', invoke: () => m.name, definition: 'string ToString()' });
  return info;
}

function selected(modules: ModuleRecord[], patterns: string[] | undefined): ModuleRecord[] {
  if (!patterns) return modules;
  return modules.filter((m) =>
    patterns.some((p) => (hasWildcardCharacters(p) ? wildcardToRegExp(p).test(m.name) : m.name.toLowerCase() === p.toLowerCase())),
  );
}

export const getModule = defineCmdlet({
  name: 'Get-Module',
  synopsis: 'Gets the modules that have been imported or that can be imported into the current session.',
  description:
    'Lists the imported modules (Microsoft.PowerShell.Management and Microsoft.PowerShell.Utility in a new session, then those ' +
    'added with Import-Module), or with -ListAvailable every module emsh has: the modules its cmdlets belong to. -Name filters ' +
    'by name (wildcards allowed); a name that matches nothing writes nothing.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetModuleCommand',
  aliases: ['gmo'],
  defaultParameterSet: 'Loaded',
  outputType: [MODULE_INFO],
  parameters: {
    Name: { type: 'string[]', position: 0, valueFromPipeline: true, description: 'The module names (wildcards allowed).' },
    ListAvailable: { type: 'switch', sets: ['Available'], description: 'Lists the modules that can be imported.' },
    All: { type: 'switch', description: 'Accepted for compatibility (emsh has no nested modules).' },
    Refresh: { type: 'switch', sets: ['Available'], description: 'Accepted for compatibility.' },
  },
  examples: [
    {
      title: 'The modules of a new session',
      code: '(Get-Module).Name',
      output: 'Microsoft.PowerShell.Management\nMicrosoft.PowerShell.Utility',
    },
    { title: 'Is a module available?', code: "[bool](Get-Module -ListAvailable -Name Microsoft.PowerShell.Security)", output: 'True' },
  ],
  process(p, ctx) {
    const modules = p.ListAvailable ? available(ctx) : imported(ctx);
    for (const m of selected(modules, p.Name)) ctx.write(moduleInfo(m), false);
  },
});

function moduleNotFound(ctx: CmdletContext, name: string): void {
  ctx.writeError({
    message: `The specified module '${name}' was not loaded because no valid module file was found in any module directory.`,
    errorId: 'Modules_ModuleNotFound',
    category: 'ResourceUnavailable',
    targetObject: name,
    exceptionType: 'System.IO.FileNotFoundException',
  });
}

function isScriptPath(name: string): boolean {
  return /\.(psm1|ps1)$/i.test(name) || /[\\/]/.test(name);
}

/** Runs a .psm1/.ps1 file in a new script scope and exports its functions to the global scope. */
async function importScript(ctx: CmdletContext, name: string): Promise<ModuleRecord | undefined> {
  let native: string;
  try {
    native = provider(ctx).resolve(name).native;
  } catch {
    moduleNotFound(ctx, name);
    return undefined;
  }
  if (!/\.(psm1|ps1)$/i.test(native)) native = `${native}${extname(native) ? '' : '.psm1'}`;
  let block;
  try {
    block = loadScriptFile(native);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      moduleNotFound(ctx, name);
      return undefined;
    }
    throw e;
  }
  await preloadCommands(ctx.session, block.ast);
  const global = ctx.session.globalScope;
  const moduleScope = new Scope(global, true);
  moduleScope.setLocal('PSScriptRoot', dirname(native));
  moduleScope.setLocal('PSCommandPath', native);
  await invokeScriptBlock({ ...callerFrame(ctx), scope: moduleScope }, block, { out: (v) => ctx.write(v, false) });
  const functions = [...moduleScope.functions.values()];
  for (const fn of functions) global.functions.set(fn.name.toLowerCase(), fn);
  return {
    name: basename(native).replace(/\.(psm1|ps1)$/i, ''),
    type: 'Script',
    version: new PSVersion(0, 0),
    path: native,
    commands: functions.map((f) => f.name).sort((a, b) => a.localeCompare(b)),
    functions,
  };
}

export const importModule = defineCmdlet({
  name: 'Import-Module',
  synopsis: 'Adds modules to the current session.',
  description:
    "Imports one of emsh's modules by name (its cmdlets are always available, so this only marks it imported), or a script " +
    'module from a .psm1 or .ps1 path: the file runs in a new scope and the functions it defines become global commands. ' +
    'A name that is neither is an error. Importing a module again does nothing unless -Force is given.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ImportModuleCommand',
  aliases: ['ipmo'],
  defaultParameterSet: 'Name',
  outputType: [MODULE_INFO],
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, description: 'Module names, or paths of .psm1/.ps1 files.' },
    Global: { type: 'switch', description: 'Accepted for compatibility (modules are always imported into the global scope).' },
    Prefix: { type: 'string', description: 'Accepted for compatibility; nouns are not prefixed.' },
    Function: { type: 'string[]', description: 'Accepted for compatibility; every function is imported.' },
    Cmdlet: { type: 'string[]', description: 'Accepted for compatibility; every cmdlet is imported.' },
    Force: { type: 'switch', description: 'Imports the module again even if it is already imported.' },
    PassThru: { type: 'switch', description: 'Writes a PSModuleInfo object for each module imported.' },
    DisableNameChecking: { type: 'switch', description: 'Accepted for compatibility (emsh does not warn about unapproved verbs).' },
    NoClobber: { type: 'switch', description: 'Accepted for compatibility.' },
    ArgumentList: { type: 'object[]', aliases: ['Args'], description: 'Accepted for compatibility; not passed to the module.' },
    MinimumVersion: { type: 'string', aliases: ['Version'], description: 'Accepted for compatibility.' },
    RequiredVersion: { type: 'string', description: 'Accepted for compatibility.' },
    Scope: { type: 'string', validateSet: ['Local', 'Global'], description: 'Accepted for compatibility.' },
  },
  examples: [
    { title: "Import one of emsh's modules (no output)", code: 'Import-Module Microsoft.PowerShell.Security\n(Get-Module).Name', output: 'Microsoft.PowerShell.Management\nMicrosoft.PowerShell.Security\nMicrosoft.PowerShell.Utility' },
    {
      title: 'Import a script module',
      setup: "Set-Content -Path C:\\Greeting.psm1 -Value 'function Get-Greeting { \"Hello, $args\" }'",
      code: 'Import-Module C:\\Greeting.psm1\nGet-Greeting world',
      output: 'Hello, world',
    },
  ],
  async process(p, ctx) {
    const list = imported(ctx);
    for (const name of p.Name ?? []) {
      const known = isScriptPath(name) ? undefined : selected(available(ctx), [name]);
      if (known && known.length === 0) {
        moduleNotFound(ctx, name);
        continue;
      }
      const records = known ?? [await importScript(ctx, name)].filter((r): r is ModuleRecord => r !== undefined);
      for (const record of records) {
        const at = list.findIndex((m) => m.name.toLowerCase() === record.name.toLowerCase());
        if (at >= 0 && !known) list.splice(at, 1, record);
        else if (at >= 0 && !p.Force) continue;
        else if (at < 0) {
          list.push(record);
          list.sort((a, b) => a.name.localeCompare(b.name));
        }
        if (p.PassThru) ctx.write(moduleInfo(record), false);
      }
    }
  },
});

export const removeModule = defineCmdlet({
  name: 'Remove-Module',
  synopsis: 'Removes modules from the current session.',
  description:
    "Removes imported modules. A script module's functions are removed from the global scope; emsh's own modules are only " +
    'marked as not imported (their cmdlets stay available). A name that matches no imported module is an error.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.RemoveModuleCommand',
  aliases: ['rmo'],
  supportsShouldProcess: true,
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, description: 'The module names (wildcards allowed).' },
    Force: { type: 'switch', description: 'Accepted for compatibility.' },
  },
  examples: [
    {
      title: 'Remove a script module and its functions',
      setup: "Set-Content -Path C:\\Tools.psm1 -Value 'function Get-Answer { 42 }'\nImport-Module C:\\Tools.psm1",
      code: "Remove-Module Tools\n[bool](Get-Command Get-Answer -ErrorAction SilentlyContinue)",
      output: 'False',
    },
  ],
  async process(p, ctx) {
    const list = imported(ctx);
    const targets = selected(list, p.Name);
    if (targets.length === 0) {
      ctx.writeError({
        message: 'No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.',
        errorId: 'Modules_NoModulesRemoved',
        category: 'ResourceUnavailable',
        targetObject: (p.Name ?? []).join(', '),
        exceptionType: 'System.InvalidOperationException',
      });
      return;
    }
    for (const m of targets) {
      if (!(await ctx.shouldProcess(m.name, 'Remove-Module'))) continue;
      list.splice(list.indexOf(m), 1);
      const global = ctx.session.globalScope;
      for (const fn of m.functions ?? []) if (global.functions.get(fn.name.toLowerCase()) === fn) global.functions.delete(fn.name.toLowerCase());
    }
  },
});

// Get-PSDrive, New-PSDrive and Remove-PSDrive. FileSystem drives: C: (a folder under the state root),
// the native / drive, and drives mapped with New-PSDrive for this session; and the drives of the other
// providers: Cert: (Certificate), Env: (Environment), Variable: (Variable).
import { statfsSync } from 'node:fs';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { registerView } from '../../src/format/views.ts';
import { isFileSystemDrive, providerOf, type PSDrive } from '../../src/providers/drives.ts';
import { findProviderName, providerFullName } from '../../src/providers/provider-info.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { provider, reportPathError } from './support/paths.ts';

const module = 'Microsoft.PowerShell.Management';
export const PS_DRIVE_INFO = 'System.Management.Automation.PSDriveInfo';

const gb = (bytes: unknown) => (typeof bytes === 'number' ? (bytes / 1024 ** 3).toFixed(2) : '');

registerView(PS_DRIVE_INFO, {
  kind: 'table',
  columns: [
    { label: 'Name', expression: 'Name', width: 10 },
    { label: 'Used (GB)', expression: (d: unknown) => gb((d as PSObject).getProperty('Used')), width: 13, alignment: 'right' },
    { label: 'Free (GB)', expression: (d: unknown) => gb((d as PSObject).getProperty('Free')), width: 13, alignment: 'right' },
    { label: 'Provider', expression: (d: unknown) => String((d as PSObject).getProperty('Provider') ?? '').replace(/^.*\\/, ''), width: 13 },
    { label: 'Root', expression: 'Root', width: 50 },
    { label: 'CurrentLocation', expression: 'CurrentLocation', alignment: 'right' },
  ],
});

function space(root: string): { used?: number; free?: number } {
  try {
    const s = statfsSync(root);
    return { used: (s.blocks - s.bfree) * s.bsize, free: s.bavail * s.bsize };
  } catch {
    return {};
  }
}

export function driveInfo(d: PSDrive): PSObject {
  const info = new PSObject([PS_DRIVE_INFO, 'System.Object']);
  const fileSystem = isFileSystemDrive(d);
  if (fileSystem) d.ensureRoot?.();
  const { used, free } = fileSystem && (d.native || isDirectory(d.nativeRoot)) ? space(d.nativeRoot) : {};
  info.setProperty('Used', used ?? null);
  info.setProperty('Free', free ?? null);
  info.setProperty('CurrentLocation', d.current.join(d.native ? '/' : '\\'));
  info.setProperty('Name', d.name);
  info.setProperty('Provider', providerFullName(providerOf(d)));
  info.setProperty('Root', d.displayRoot);
  info.setProperty('Description', d.description);
  info.setProperty('DisplayRoot', fileSystem ? d.nativeRoot : null);
  info.defineMethod({ name: 'ToString', invoke: () => d.name, definition: 'string ToString()' });
  return info;
}

function driveNotFound(ctx: CmdletContext, name: string, errorId = 'GetDriveNoMatchingDrive'): void {
  ctx.writeError({
    message: `Cannot find drive. A drive with the name '${name}' does not exist.`,
    errorId,
    category: 'ObjectNotFound',
    targetObject: name,
    exceptionType: 'System.Management.Automation.DriveNotFoundException',
  });
}

export const getPSDrive = defineCmdlet({
  name: 'Get-PSDrive',
  synopsis: 'Gets drives in the current session.',
  description:
    'Lists the drives of the session: C: (a folder under the state root), the native / drive, drives added with New-PSDrive, ' +
    'and the drives of the other providers: Cert: (the server certificate store), Env: (environment variables) and Variable:. ' +
    'The Provider column names the provider of each drive.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetPSDriveCommand',
  aliases: ['gdr'],
  defaultParameterSet: 'Name',
  parameters: {
    Name: { type: 'string[]', position: 0, valueFromPipelineByPropertyName: true, sets: ['Name'], description: 'The drive names (wildcards allowed).' },
    LiteralName: { type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, sets: ['LiteralName'], description: 'The drive names, taken literally.' },
    PSProvider: { type: 'string[]', valueFromPipelineByPropertyName: true, description: 'Only drives of these providers (FileSystem, Certificate, Environment, Variable).' },
    Scope: { type: 'string', valueFromPipelineByPropertyName: true, description: 'Accepted for compatibility: drives belong to the session.' },
  },
  examples: [
    { title: 'Where drive C: lives', code: '(Get-PSDrive C).Root -like "*drives*C"', output: 'True' },
    { title: 'The certificate drive', code: 'Get-PSDrive -PSProvider Certificate | ForEach-Object { "$($_.Name) $($_.Provider)" }', output: 'Cert Microsoft.PowerShell.Security\\Certificate' },
  ],
  process(p, ctx) {
    const wanted = p.PSProvider?.map(findProviderName);
    const all = provider(ctx)
      .drives.all()
      .filter((d) => !wanted || wanted.includes(providerOf(d)))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    const names = p.Name ?? p.LiteralName;
    if (!names) {
      for (const d of all) ctx.write(driveInfo(d), false);
      return;
    }
    for (const n of names) {
      const literal = !!p.LiteralName;
      const re = literal ? undefined : wildcardToRegExp(n.replace(/:$/, ''));
      const hits = all.filter((d) => (re ? re.test(d.name) : d.name.toLowerCase() === n.replace(/:$/, '').toLowerCase()));
      if (hits.length === 0 && (literal || !/[*?[]/.test(n))) driveNotFound(ctx, n);
      for (const d of hits) ctx.write(driveInfo(d), false);
    }
  },
});

export const newPSDrive = defineCmdlet({
  name: 'New-PSDrive',
  synopsis: 'Creates temporary and persistent drives that are associated with a location in an item data store.',
  description:
    'Maps a drive name to a folder for this session: `New-PSDrive -Name Certs -PSProvider FileSystem -Root C:\\certificates` ' +
    'makes Certs:\\x mean C:\\certificates\\x. The root may be a drive path or a native folder and must exist.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.NewPSDriveCommand',
  aliases: ['ndr', 'mount'],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: { type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The drive name (without the colon).' },
    PSProvider: { type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The provider: FileSystem.' },
    Root: { type: 'string', position: 2, mandatory: true, allowEmptyString: true, valueFromPipelineByPropertyName: true, description: 'The folder the drive maps to.' },
    Description: { type: 'string', valueFromPipelineByPropertyName: true, description: 'A description of the drive.' },
    Scope: { type: 'string', valueFromPipelineByPropertyName: true, description: 'Accepted for compatibility: drives belong to the session.' },
    Persist: { type: 'switch', valueFromPipelineByPropertyName: true, description: 'Accepted for compatibility: drives last for the session.' },
  },
  examples: [
    {
      title: 'A drive for the certificate folder',
      code: "New-Item -ItemType Directory C:\\certificates | Out-Null\nNew-PSDrive -Name Certs -PSProvider FileSystem -Root C:\\certificates | Out-Null\nSet-Content Certs:\\a.txt 'x'\nTest-Path C:\\certificates\\a.txt",
      output: 'True',
    },
  ],
  async process(p, ctx) {
    const fs = provider(ctx);
    const name = p.Name!;
    if (!/^(Microsoft\.PowerShell\.Core\\)?FileSystem$/i.test(p.PSProvider!)) {
      ctx.writeError({ message: `Cannot find a provider with the name '${p.PSProvider}'.`, errorId: 'ProviderNotFound', category: 'ObjectNotFound', targetObject: p.PSProvider, exceptionType: 'System.Management.Automation.ProviderNotFoundException' });
      return;
    }
    if (fs.drives.get(name)) {
      ctx.writeError({ message: `A drive with the name '${name}' already exists.`, errorId: 'DriveAlreadyExists', category: 'ResourceExists', targetObject: name, exceptionType: 'System.Management.Automation.SessionStateException' });
      return;
    }
    if (/[:\\/]/.test(name)) {
      ctx.writeError({ message: `The drive name "${name}" is not valid.`, errorId: 'DriveNameIllegalCharacters', category: 'InvalidArgument', targetObject: name, exceptionType: 'System.Management.Automation.PSArgumentException' });
      return;
    }
    let root;
    try {
      root = fs.resolve(p.Root === '' ? '.' : p.Root!);
    } catch (e) {
      reportPathError(ctx, e, p.Root);
      return;
    }
    if (!isDirectory(root.native)) {
      ctx.writeError({
        message: `The specified drive root "${root.psPath}" either does not exist, or it is not a folder.`,
        errorId: 'DriveRootError',
        category: 'ReadError',
        targetObject: p.Root,
        exceptionType: 'System.IO.IOException',
      });
      return;
    }
    if (!(await ctx.shouldProcess(`Name: ${name} Provider: Microsoft.PowerShell.Core\\FileSystem Root: ${root.psPath}`, 'New drive'))) return;
    const drive: PSDrive = { name, nativeRoot: root.native, displayRoot: root.psPath, description: p.Description ?? '', native: false, builtin: false, current: [] };
    fs.drives.add(drive);
    ctx.write(driveInfo(drive), false);
  },
});

export const removePSDrive = defineCmdlet({
  name: 'Remove-PSDrive',
  synopsis: 'Deletes temporary PowerShell drives and disconnects mapped network drives.',
  description: 'Removes drives from the session (not the folders they map to). The drive of the current location cannot be removed.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.RemovePSDriveCommand',
  aliases: ['rdr'],
  defaultParameterSet: 'Name',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: { type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, sets: ['Name'], description: 'The drives to remove (wildcards allowed).' },
    LiteralName: { type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, sets: ['LiteralName'], description: 'The drives, taken literally.' },
    PSProvider: { type: 'string[]', valueFromPipelineByPropertyName: true, description: 'Only drives of these providers.' },
    Scope: { type: 'string', valueFromPipelineByPropertyName: true, description: 'Accepted for compatibility.' },
    Force: { type: 'switch', description: 'Removes the drive even when it is the current one.' },
  },
  examples: [
    {
      title: 'Remove a mapped drive',
      code: 'New-PSDrive -Name Temp -PSProvider FileSystem -Root C:\\ | Out-Null\nRemove-PSDrive Temp\nTest-Path Temp:\\',
      output: 'False',
    },
  ],
  async process(p, ctx) {
    const fs = provider(ctx);
    for (const n of p.Name ?? p.LiteralName ?? []) {
      const re = p.LiteralName ? undefined : wildcardToRegExp(n.replace(/:$/, ''));
      const hits = fs.drives.all().filter((d) => (re ? re.test(d.name) : d.name.toLowerCase() === n.toLowerCase()));
      if (hits.length === 0) {
        driveNotFound(ctx, n, 'DriveNotFound');
        continue;
      }
      for (const d of hits) {
        if (d === fs.drives.currentDrive && !p.Force) {
          ctx.writeError({ message: `Cannot remove drive '${d.name}' because it is in use.`, errorId: 'InvalidOperation', category: 'InvalidOperation', targetObject: d.name, exceptionType: 'System.Management.Automation.PSInvalidOperationException' });
          continue;
        }
        if (!(await ctx.shouldProcess(`Name: ${d.name} Provider: ${providerFullName(providerOf(d))} Root: ${d.displayRoot}`, 'Remove Drive'))) continue;
        fs.drives.remove(d.name);
      }
    }
  },
});

export const driveCmdlets = [getPSDrive, newPSDrive, removePSDrive];

// New-Item, Remove-Item, Copy-Item, Move-Item and Rename-Item on the FileSystem drives, with
// PowerShell's errors (`The file 'C:\x' already exists.`, `An item with the specified name ... already
// exists.`, PathNotFound) and ShouldProcess (-WhatIf / -Confirm) texts. Remove-Item also removes
// certificates (Cert:\LocalMachine\Root, My), environment variables and variables.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { ResolvedPath } from '../../src/providers/filesystem.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import { fileSystemItem } from '../../src/providers/file-items.ts';
import { PSException } from '../../src/runtime/errors.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { baseValue, enumerate } from '../../src/runtime/values.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import type { ItemPath } from '../../src/providers/provider-items.ts';
import { provider, providerContext, reportPathError, resolveExisting, resolveLocations, whenProvidersReady } from './support/paths.ts';
import './filesystem-views.ts';

const module = 'Microsoft.PowerShell.Management';

const pathParams = {
  Path: { type: 'string[]' as const, position: 0, mandatory: true, valueFromPipelineByPropertyName: true, sets: ['Path'], description: 'The items (wildcards allowed).' },
  LiteralPath: {
    type: 'string[]' as const,
    mandatory: true,
    aliases: ['PSPath', 'LP'],
    valueFromPipelineByPropertyName: true,
    sets: ['LiteralPath'],
    description: 'The items, taken literally.',
  },
};

function ioFailure(ctx: CmdletContext, message: string, errorId: string, target: string, category: 'WriteError' | 'ResourceExists' | 'InvalidArgument' = 'WriteError'): void {
  ctx.writeError({ message, errorId, category, targetObject: target, exceptionType: category === 'InvalidArgument' ? 'System.ArgumentException' : 'System.IO.IOException' });
}

function leaf(p: ResolvedPath | ItemPath): string {
  return p.segments[p.segments.length - 1] ?? '';
}

type PathFilters = { Path?: string[]; LiteralPath?: string[]; Include?: string[]; Exclude?: string[]; Filter?: string };

function nameFilter(p: PathFilters): (name: string) => boolean {
  const inc = (p.Filter ? [p.Filter, ...(p.Include ?? [])] : p.Include)?.map((x) => wildcardToRegExp(x));
  const exc = p.Exclude?.map((x) => wildcardToRegExp(x));
  return (name) => (!inc || inc.some((r) => r.test(name))) && (!exc || !exc.some((r) => r.test(name)));
}

function selectPaths(ctx: CmdletContext, p: PathFilters): ResolvedPath[] {
  const literal = (p.LiteralPath !== undefined && p.Path === undefined);
  const keep = nameFilter(p);
  return resolveExisting(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal).filter((i) => keep(leaf(i)));
}

/** Remove-Item on Cert:, Env: or Variable: (the provider says what it can remove). */
async function removeProviderItem(ctx: CmdletContext, target: ItemPath): Promise<void> {
  if (target.segments.length === 0) {
    ctx.writeError({ message: `Cannot remove the item at '${target.psPath}' because it is the root of the drive.`, errorId: 'RemoveItemDriveRoot', category: 'InvalidOperation', targetObject: target.psPath, exceptionType: 'System.Management.Automation.PSInvalidOperationException' });
    return;
  }
  const removal = target.provider.removal?.(providerContext(ctx), target.segments);
  if (!removal) {
    ctx.writeError({ message: 'Provider operation stopped because the provider does not support this operation.', errorId: 'NotSupported', category: 'NotImplemented', targetObject: target.psPath, exceptionType: 'System.Management.Automation.PSNotSupportedException' });
    return;
  }
  if (!(await ctx.shouldProcess(removal.target, removal.action))) return;
  try {
    removal.remove();
  } catch (e) {
    reportPathError(ctx, e, target.psPath, 'RemoveItemError');
  }
}

function itemTypeOf(value: string | undefined): 'File' | 'Directory' | undefined {
  const t = (value ?? 'File').toLowerCase();
  if (t === 'file') return 'File';
  if (t === 'directory' || t === 'container' || t === 'folder') return 'Directory';
  return undefined;
}

export const newItem = defineCmdlet({
  name: 'New-Item',
  synopsis: 'Creates a new item.',
  description:
    'Creates a file (the default, with -Value as its content) or a folder (-ItemType Directory). Folders are created with ' +
    'their missing parents; a file needs its folder to exist unless -Force is given. An existing item is an error unless ' +
    '-Force is given (a file is then replaced; a folder is returned as it is).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.NewItemCommand',
  aliases: ['ni'],
  defaultParameterSet: 'pathSet',
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'string[]', position: 0, mandatory: true, mandatoryInSets: ['pathSet'], valueFromPipelineByPropertyName: true, description: 'Where to create the item.' },
    Name: { type: 'string', mandatory: true, sets: ['nameSet'], valueFromPipelineByPropertyName: true, allowEmptyString: true, description: 'The name of the new item (in -Path, or the current location).' },
    ItemType: { type: 'string', aliases: ['Type'], valueFromPipelineByPropertyName: true, description: 'File (default) or Directory.' },
    Value: { type: 'object', valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'The content of a new file.' },
    Force: { type: 'switch', description: 'Replaces an existing file, returns an existing folder, and creates missing parent folders.' },
  },
  examples: [
    { title: 'Create a folder', code: 'New-Item -ItemType Directory -Path C:\\certificates | ForEach-Object FullName', output: 'C:\\certificates' },
    { title: 'Create a file with content', code: "New-Item C:\\notes.txt -Value 'Edge server notes' | Out-Null\nGet-Content C:\\notes.txt", output: 'Edge server notes' },
  ],
  async process(p, ctx) {
    const fs = provider(ctx);
    const type = itemTypeOf(p.ItemType);
    if (!type) {
      ctx.writeError({
        message: `The type is not a known type for the file system. Only "file","directory" or "symboliclink" can be specified.`,
        errorId: 'NewItemInvalidItemType',
        category: 'InvalidArgument',
        targetObject: p.ItemType,
        exceptionType: 'System.ArgumentException',
      });
      return;
    }
    const bases = p.Path ?? ['.'];
    for (const base of bases) {
      let target: ResolvedPath;
      try {
        target = fs.resolve(ctx.parameterSetName === 'nameSet' || p.Name !== undefined ? `${base}\\${p.Name ?? ''}` : base);
      } catch (e) {
        reportPathError(ctx, e, base);
        continue;
      }
      const action = type === 'File' ? 'Create File' : 'Create Directory';
      if (!(await ctx.shouldProcess(`Destination: ${target.psPath}`, action))) continue;
      try {
        if (type === 'Directory') {
          if (existsSync(target.native)) {
            if (!p.Force || !isDirectory(target.native)) {
              ioFailure(ctx, `An item with the specified name ${target.psPath} already exists.`, 'DirectoryExist', target.psPath, 'ResourceExists');
              continue;
            }
          } else mkdirSync(target.native, { recursive: true });
        } else {
          if (existsSync(target.native)) {
            if (!p.Force || isDirectory(target.native)) {
              ioFailure(ctx, `The file '${target.psPath}' already exists.`, 'NewItemIOError', target.psPath);
              continue;
            }
          }
          const parent = path.dirname(target.native);
          if (!existsSync(parent)) {
            if (!p.Force) {
              ctx.writeError({
                message: `Could not find a part of the path '${target.psPath}'.`,
                errorId: 'NewItemIOError',
                category: 'WriteError',
                targetObject: target.psPath,
                exceptionType: 'System.IO.DirectoryNotFoundException',
              });
              continue;
            }
            mkdirSync(parent, { recursive: true });
          }
          const v = baseValue(p.Value);
          writeFileSync(target.native, v === undefined || v === null ? '' : [...enumerate(v)].map(toPSString).join(' '));
        }
        ctx.write(fileSystemItem(fs.resolve(target.psPath), fs), false);
      } catch (e) {
        reportPathError(ctx, e, target.psPath, 'NewItemIOError');
      }
    }
  },
});

export const removeItem = defineCmdlet({
  name: 'Remove-Item',
  synopsis: 'Deletes the specified items.',
  description:
    'Deletes files and folders (wildcards allowed). A folder that is not empty is deleted only with -Recurse (otherwise you ' +
    'are asked to confirm). -WhatIf shows what would be deleted. On Cert: it removes a trusted root ' +
    '(`Cert:\\LocalMachine\\Root\\<thumbprint>`) or a certificate of the server (`Cert:\\LocalMachine\\My\\<thumbprint>`, ' +
    'with its key when nothing else uses it); on Env: and Variable: an environment variable or a variable.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.RemoveItemCommand',
  aliases: ['rm', 'del', 'erase', 'rd', 'ri', 'rmdir'],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: {
    ...pathParams,
    Filter: { type: 'string', description: 'A wildcard pattern the names must match.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of names to delete.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of names to keep.' },
    Recurse: { type: 'switch', description: 'Deletes the contents of folders too.' },
    Force: { type: 'switch', description: 'Deletes hidden and read-only items too.' },
  },
  examples: [
    { title: 'Delete a file', code: "Set-Content C:\\old.req 'x'\nRemove-Item C:\\old.req\nTest-Path C:\\old.req", output: 'False' },
    { title: 'See what would be deleted', code: "Set-Content C:\\old.req 'x'\nRemove-Item C:\\old.req -WhatIf", output: 'What if: Performing the operation "Remove File" on target "C:\\old.req".' },
    {
      title: 'Stop trusting a root certificate',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null\nNew-LabCertificateAuthority -Name ContosoRoot | Out-Null',
      code: '$root = Get-ChildItem Cert:\\LocalMachine\\Root | Select-Object -First 1\nRemove-Item "Cert:\\LocalMachine\\Root\\$($root.Thumbprint)"\nTest-Path "Cert:\\LocalMachine\\Root\\$($root.Thumbprint)"',
      output: 'False',
    },
  ],
  async process(p, ctx) {
    await whenProvidersReady(ctx, [...(p.Path ?? []), ...(p.LiteralPath ?? [])], () => undefined);
    const literal = (p.LiteralPath !== undefined && p.Path === undefined);
    const keep = nameFilter(p);
    for (const location of resolveLocations(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal)) {
      if (!keep(leaf(location.path))) continue;
      if (location.kind === 'item') {
        await removeProviderItem(ctx, location.path);
        continue;
      }
      const item = location.path;
      const dir = isDirectory(item.native);
      if (!(await ctx.shouldProcess(item.psPath, dir ? 'Remove Directory' : 'Remove File'))) continue;
      try {
        if (dir && !p.Recurse && readdirSync(item.native).length > 0) {
          let go = false;
          try {
            go = await ctx.shouldContinue(
              `The item at ${item.psPath} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`,
              'Confirm',
            );
          } catch (e) {
            if (!(e instanceof PSException)) throw e;
            ctx.writeError({
              message: `Cannot remove the item at '${item.psPath}' because it has children and the Recurse parameter was not specified.`,
              errorId: 'DirectoryNotEmpty',
              category: 'WriteError',
              targetObject: item.psPath,
              exceptionType: 'System.IO.IOException',
            });
            continue;
          }
          if (!go) continue;
        }
        rmSync(item.native, { recursive: dir, force: true });
      } catch (e) {
        reportPathError(ctx, e, item.psPath, 'RemoveFileSystemItemIOError');
      }
    }
  },
});

function destinationFor(ctx: CmdletContext, source: ResolvedPath, destination: string): ResolvedPath | undefined {
  const fs = provider(ctx);
  try {
    const d = fs.resolve(destination);
    return isDirectory(d.native) && d.native !== source.native ? fs.at(d.drive, [...d.segments, leaf(source)]) : d;
  } catch (e) {
    reportPathError(ctx, e, destination);
    return undefined;
  }
}

export const copyItem = defineCmdlet({
  name: 'Copy-Item',
  synopsis: 'Copies an item from one location to another.',
  description:
    'Copies files, and folders with -Recurse (without it only the folder itself is created). Copying to an existing folder ' +
    'puts the copy inside it; an existing file is replaced.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.CopyItemCommand',
  aliases: ['copy', 'cp', 'cpi'],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: {
    ...pathParams,
    Destination: { type: 'string', position: 1, valueFromPipelineByPropertyName: true, description: 'Where to copy to (the current location by default).' },
    Container: { type: 'switch', description: 'Keeps the folder structure (always the case here).' },
    Force: { type: 'switch', description: 'Replaces read-only files and creates missing folders.' },
    Filter: { type: 'string', description: 'A wildcard pattern the names must match.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of names to copy.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of names to skip.' },
    Recurse: { type: 'switch', description: 'Copies the contents of folders.' },
    PassThru: { type: 'switch', description: 'Writes the copies.' },
  },
  examples: [
    { title: 'Copy a file', code: "Set-Content C:\\a.txt 'x'\nCopy-Item C:\\a.txt C:\\b.txt\nGet-Content C:\\b.txt", output: 'x' },
  ],
  async process(p, ctx) {
    const fs = provider(ctx);
    for (const item of selectPaths(ctx, p)) {
      const dest = destinationFor(ctx, item, p.Destination ?? '.');
      if (!dest) continue;
      const dir = isDirectory(item.native);
      if (!(await ctx.shouldProcess(`Item: ${item.psPath} Destination: ${dest.psPath}`, dir ? 'Copy Directory' : 'Copy File'))) continue;
      try {
        if (dir) {
          if (p.Recurse) cpSync(item.native, dest.native, { recursive: true, force: true });
          else mkdirSync(dest.native, { recursive: true });
        } else {
          if (p.Force) mkdirSync(path.dirname(dest.native), { recursive: true });
          cpSync(item.native, dest.native, { force: true });
        }
        if (p.PassThru) ctx.write(fileSystemItem(fs.resolve(dest.psPath), fs), false);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          ctx.writeError({
            message: `Could not find a part of the path '${dest.psPath}'.`,
            errorId: 'CopyFileInfoItemIOError',
            category: 'WriteError',
            targetObject: item.psPath,
            exceptionType: 'System.IO.DirectoryNotFoundException',
          });
        } else reportPathError(ctx, e, item.psPath, 'CopyFileInfoItemIOError');
      }
    }
  },
});

export const moveItem = defineCmdlet({
  name: 'Move-Item',
  synopsis: 'Moves an item from one location to another.',
  description: 'Moves files and folders. Moving to an existing folder puts the item inside it; an existing file is replaced only with -Force.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.MoveItemCommand',
  aliases: ['move', 'mv', 'mi'],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: {
    ...pathParams,
    Destination: { type: 'string', position: 1, valueFromPipelineByPropertyName: true, description: 'Where to move to (the current location by default).' },
    Force: { type: 'switch', description: 'Replaces an existing file.' },
    Filter: { type: 'string', description: 'A wildcard pattern the names must match.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of names to move.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of names to skip.' },
    PassThru: { type: 'switch', description: 'Writes the moved items.' },
  },
  examples: [{ title: 'Move a file', code: "Set-Content C:\\a.txt 'x'\nMove-Item C:\\a.txt C:\\b.txt\nTest-Path C:\\a.txt, C:\\b.txt", output: 'False\nTrue' }],
  async process(p, ctx) {
    const fs = provider(ctx);
    for (const item of selectPaths(ctx, p)) {
      const dest = destinationFor(ctx, item, p.Destination ?? '.');
      if (!dest) continue;
      const dir = isDirectory(item.native);
      if (!(await ctx.shouldProcess(`Item: ${item.psPath} Destination: ${dest.psPath}`, dir ? 'Move Directory' : 'Move File'))) continue;
      try {
        if (existsSync(dest.native)) {
          if (!p.Force || statSync(dest.native).isDirectory()) {
            ioFailure(ctx, 'Cannot create a file when that file already exists.', 'MoveFileInfoItemIOError', item.psPath);
            continue;
          }
          rmSync(dest.native, { force: true });
        }
        renameSync(item.native, dest.native);
        if (p.PassThru) ctx.write(fileSystemItem(fs.resolve(dest.psPath), fs), false);
      } catch (e) {
        reportPathError(ctx, e, item.psPath, 'MoveFileInfoItemIOError');
      }
    }
  },
});

export const renameItem = defineCmdlet({
  name: 'Rename-Item',
  synopsis: 'Renames an item in a PowerShell provider namespace.',
  description: 'Gives a file or folder a new name in the same folder. -NewName is a name, not a path.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.RenameItemCommand',
  aliases: ['ren', 'rni'],
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, sets: ['ByPath'], description: 'The item to rename.' },
    LiteralPath: { type: 'string', mandatory: true, aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, sets: ['ByLiteralPath'], description: 'The item, taken literally.' },
    NewName: { type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, description: 'The new name.' },
    Force: { type: 'switch', description: 'Renames hidden and read-only items too.' },
    PassThru: { type: 'switch', description: 'Writes the renamed item.' },
  },
  examples: [{ title: 'Rename a file', code: "Set-Content C:\\request.txt 'x'\nRename-Item C:\\request.txt request.req -PassThru | ForEach-Object Name", output: 'request.req' }],
  async process(p, ctx) {
    const fs = provider(ctx);
    const literal = (p.LiteralPath !== undefined && p.Path === undefined);
    const items = resolveExisting(ctx, [(literal ? p.LiteralPath : p.Path)!], literal);
    for (const item of items) {
      const newName = p.NewName!;
      if (/[\\/]/.test(newName)) {
        ioFailure(ctx, 'Cannot rename the specified target, because it represents a path or device name.', 'RenameItemArgumentError', item.psPath, 'InvalidArgument');
        continue;
      }
      const dest = fs.at(item.drive, [...item.segments.slice(0, -1), newName]);
      if (!(await ctx.shouldProcess(`Item: ${item.psPath} Destination: ${dest.psPath}`, isDirectory(item.native) ? 'Rename Directory' : 'Rename File'))) continue;
      try {
        if (existsSync(dest.native) && dest.native.toLowerCase() !== item.native.toLowerCase()) {
          ioFailure(ctx, 'Cannot create a file when that file already exists.', 'RenameItemIOError', item.psPath);
          continue;
        }
        renameSync(item.native, dest.native);
        if (p.PassThru) ctx.write(fileSystemItem(fs.at(dest.drive, dest.segments), fs), false);
      } catch (e) {
        reportPathError(ctx, e, item.psPath, 'RenameItemIOError');
      }
    }
  },
});

export const mkdir = defineCmdlet({
  name: 'mkdir',
  synopsis: 'Creates a new directory.',
  description:
    'Creates folders (with their missing parents), as `New-Item -ItemType Directory` does; an existing folder is an error unless ' +
    '-Force is given. In Windows PowerShell this is a function; md is its alias.',
  module,
  commandId: 'mkdir',
  aliases: ['md'],
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'string[]', position: 0, valueFromPipelineByPropertyName: true, description: 'The folders to create.' },
    Name: { type: 'string', valueFromPipelineByPropertyName: true, description: 'The name of the folder to create in -Path.' },
    Force: { type: 'switch', description: 'Returns an existing folder instead of failing.' },
  },
  examples: [{ title: 'Create a folder tree', code: 'mkdir C:\\certificates\\edge | Out-Null\nTest-Path C:\\certificates\\edge', output: 'True' }],
  process(p, ctx) {
    return newItem.process!({ ...p, ItemType: 'Directory', Value: undefined } as never, ctx);
  },
});

export const itemCmdlets = [newItem, removeItem, copyItem, moveItem, renameItem, mkdir];

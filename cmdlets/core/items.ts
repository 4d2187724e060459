// New-Item, Remove-Item and mkdir on the FileSystem drives (Copy-, Move-, Rename-Item: item-transfer.ts), with
// PowerShell's errors (`The file 'C:\x' already exists.`, `An item with the specified name ... already
// exists.`, PathNotFound) and ShouldProcess (-WhatIf / -Confirm) texts. Remove-Item also removes
// certificates (Cert:\LocalMachine\Root, My), environment variables and variables.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { ResolvedPath } from '../../src/providers/filesystem.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import { fileSystemItem } from '../../src/providers/file-items.ts';
import { PSException } from '../../src/runtime/errors.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { baseValue, enumerate } from '../../src/runtime/values.ts';
import type { ItemPath } from '../../src/providers/provider-items.ts';
import { provider, providerContext, reportPathError, resolveLocations, whenProvidersReady } from './support/paths.ts';
import { ioFailure, leaf, MANAGEMENT_MODULE as module, nameFilter, pathParams } from './support/item-selection.ts';
import { copyItem, moveItem, renameItem } from './item-transfer.ts';
import './filesystem-views.ts';

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

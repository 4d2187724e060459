// Copy-Item, Move-Item and Rename-Item on the FileSystem drives, with PowerShell's errors and
// ShouldProcess (-WhatIf / -Confirm) texts.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { ResolvedPath } from '../../src/providers/filesystem.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import { fileSystemItem } from '../../src/providers/file-items.ts';
import { provider, reportPathError, resolveExisting } from './support/paths.ts';
import { ioFailure, leaf, MANAGEMENT_MODULE as module, pathParams, selectPaths } from './support/item-selection.ts';
import './filesystem-views.ts';

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

// Get-Location, Set-Location, Push-Location and Pop-Location over the session's drives (C: under the
// state root, the native / drive, New-PSDrive drives). Locations are PathInfo objects (`Path` table).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { registerView } from '../../src/format/views.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import type { ResolvedPath } from '../../src/providers/filesystem.ts';
import { PATH_INFO, pathInfo } from '../../src/providers/path-info.ts';
import { pathNotFound } from '../../src/providers/path-errors.ts';
import { provider, reportPathError } from './support/paths.ts';

const module = 'Microsoft.PowerShell.Management';
registerView(PATH_INFO, { kind: 'table', columns: ['Path'] });

function stack(ctx: CmdletContext, name: string | undefined, create: boolean): ResolvedPath[] | undefined {
  const stacks = provider(ctx).stacks;
  const key = (name ?? 'default').toLowerCase();
  let s = stacks.get(key);
  if (!s && create) stacks.set(key, (s = []));
  return s;
}

/** Resolves a target folder; writes PathNotFound (or the provider's error) and returns undefined when it is not one. */
function targetFolder(ctx: CmdletContext, path: string, literal: boolean): ResolvedPath | undefined {
  const fs = provider(ctx);
  try {
    const hits = literal ? [fs.resolve(path)] : fs.expand(path);
    const dirs = hits.filter((h) => isDirectory(h.native));
    if (dirs.length > 1) {
      ctx.writeError({
        message: `Cannot set the location because path '${path}' resolved to multiple containers. You can only the set the same location to a single container at a time.`,
        errorId: 'PathResolvedToMultiple',
        category: 'InvalidArgument',
        targetObject: path,
        exceptionType: 'System.Management.Automation.PSArgumentException',
      });
      return undefined;
    }
    if (dirs.length === 0) throw pathNotFound(hits[0]?.psPath ?? fs.resolve(path).psPath);
    return dirs[0];
  } catch (e) {
    reportPathError(ctx, e, path);
    return undefined;
  }
}

export const getLocation = defineCmdlet({
  name: 'Get-Location',
  synopsis: 'Gets information about the current working location or a location stack.',
  description:
    'Writes the current location as a PathInfo object (its Path is what the prompt shows, e.g. C:\\certificates; ProviderPath ' +
    'is the native folder). With -Stack, writes the locations saved by Push-Location.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetLocationCommand',
  aliases: ['pwd', 'gl'],
  defaultParameterSet: 'Location',
  parameters: {
    PSProvider: { type: 'string[]', sets: ['Location'], description: 'Accepted for compatibility: every drive is a FileSystem drive.' },
    PSDrive: { type: 'string[]', sets: ['Location'], description: 'The drives whose current locations are wanted.' },
    Stack: { type: 'switch', sets: ['Stack'], description: 'Writes the locations on the location stack.' },
    StackName: { type: 'string[]', sets: ['Stack'], description: 'The named location stacks to read.' },
  },
  examples: [{ title: 'The current location', code: 'Set-Location C:\\\nGet-Location', output: 'Path\n----\nC:\\' }],
  process(p, ctx) {
    const fs = provider(ctx);
    if (ctx.parameterSetName === 'Stack') {
      for (const name of p.StackName ?? [undefined]) {
        const s = stack(ctx, name, false);
        if (!s) {
          ctx.writeError({ message: `Cannot find location stack '${name}'. It does not exist or it is not a container.`, errorId: 'StackNotFound', category: 'ObjectNotFound', targetObject: name, exceptionType: 'System.Management.Automation.PSArgumentException' });
          continue;
        }
        for (const loc of [...s].reverse()) ctx.write(pathInfo(loc), false);
      }
      return;
    }
    if (p.PSDrive) {
      for (const name of p.PSDrive) {
        const d = fs.drives.get(name.replace(/:$/, ''));
        if (!d) {
          ctx.writeError({ message: `Cannot find drive. A drive with the name '${name}' does not exist.`, errorId: 'GetLocationNoMatchingDrive', category: 'ObjectNotFound', targetObject: name, exceptionType: 'System.Management.Automation.DriveNotFoundException' });
          continue;
        }
        ctx.write(pathInfo(fs.at(d, d.current)), false);
      }
      return;
    }
    ctx.write(pathInfo(fs.location), false);
  },
});

export const setLocation = defineCmdlet({
  name: 'Set-Location',
  synopsis: 'Sets the current working location to a specified location.',
  description:
    'Makes a folder the current location: `Set-Location C:\\certificates`, `cd ..`, `cd \\`, `cd ~`, or a native path such as /tmp. ' +
    '`C:` alone returns to the current location of drive C:. Relative paths in later commands resolve against it.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.SetLocationCommand',
  aliases: ['cd', 'sl', 'chdir'],
  defaultParameterSet: 'Path',
  parameters: {
    Path: { type: 'string', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, sets: ['Path'], description: 'The folder to go to (wildcards allowed when they match one folder).' },
    LiteralPath: { type: 'string', mandatory: true, aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, sets: ['LiteralPath'], description: 'The folder to go to, taken literally.' },
    PassThru: { type: 'switch', description: 'Writes the new location as a PathInfo object.' },
    StackName: { type: 'string', sets: ['Stack'], description: 'Makes this named location stack the current stack.' },
  },
  examples: [
    { title: 'Go to a folder on C:', code: 'New-Item -ItemType Directory C:\\certificates | Out-Null\nSet-Location C:\\certificates\n(Get-Location).Path', output: 'C:\\certificates' },
    { title: 'Go up one level', code: 'Set-Location C:\\\nNew-Item -ItemType Directory C:\\a\\b -Force | Out-Null\ncd C:\\a\\b\ncd ..\npwd | ForEach-Object Path', output: 'C:\\a' },
  ],
  process(p, ctx) {
    if (ctx.parameterSetName === 'Stack') return;
    const path = p.Path ?? p.LiteralPath;
    if (path === undefined || path === null) return;
    const fs = provider(ctx);
    const target = targetFolder(ctx, path === '' ? '.' : path, (p.LiteralPath !== undefined && p.Path === undefined));
    if (!target) return;
    fs.setLocation(target);
    if (p.PassThru) ctx.write(pathInfo(fs.location), false);
  },
});

export const pushLocation = defineCmdlet({
  name: 'Push-Location',
  synopsis: 'Adds the current location to the top of a location stack.',
  description: 'Saves the current location on the location stack (or a named one) and, given a path, goes there. Pop-Location comes back.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.PushLocationCommand',
  aliases: ['pushd'],
  defaultParameterSet: 'Path',
  parameters: {
    Path: { type: 'string', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, sets: ['Path'], description: 'The folder to go to after saving the current location.' },
    LiteralPath: { type: 'string', aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, sets: ['LiteralPath'], description: 'The folder, taken literally.' },
    PassThru: { type: 'switch', description: 'Writes the new location.' },
    StackName: { type: 'string', description: 'The named stack to save the location on.' },
  },
  examples: [
    {
      title: 'Visit a folder and come back',
      code: 'Set-Location C:\\\nNew-Item -ItemType Directory C:\\logs | Out-Null\nPush-Location C:\\logs\n(Get-Location).Path\nPop-Location\n(Get-Location).Path',
      output: 'C:\\logs\nC:\\',
    },
  ],
  process(p, ctx) {
    const fs = provider(ctx);
    const path = p.Path ?? p.LiteralPath;
    const current = fs.location;
    if (path !== undefined && path !== null) {
      const target = targetFolder(ctx, path, (p.LiteralPath !== undefined && p.Path === undefined));
      if (!target) return;
      stack(ctx, p.StackName, true)!.push(current);
      fs.setLocation(target);
      } else stack(ctx, p.StackName, true)!.push(current);
    if (p.PassThru) ctx.write(pathInfo(fs.location), false);
  },
});

export const popLocation = defineCmdlet({
  name: 'Pop-Location',
  synopsis: 'Changes the current location to the location most recently pushed onto the stack.',
  description: 'Returns to the location Push-Location saved last (on the default or a named stack).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.PopLocationCommand',
  aliases: ['popd'],
  parameters: {
    PassThru: { type: 'switch', description: 'Writes the new location.' },
    StackName: { type: 'string', description: 'The named stack to take the location from.' },
  },
  examples: [{ title: 'Return to the saved location', code: 'Set-Location C:\\\nPush-Location /\nPop-Location\n(Get-Location).Path', output: 'C:\\' }],
  process(p, ctx) {
    const s = stack(ctx, p.StackName, false);
    if (!s) {
      if (p.StackName) {
        ctx.writeError({ message: `Cannot find location stack '${p.StackName}'. It does not exist or it is not a container.`, errorId: 'StackNotFound', category: 'ObjectNotFound', targetObject: p.StackName, exceptionType: 'System.Management.Automation.PSArgumentException' });
      }
      return;
    }
    const loc = s.pop();
    if (!loc) return;
    const fs = provider(ctx);
    fs.setLocation(loc);
    if (p.PassThru) ctx.write(pathInfo(fs.location), false);
  },
});

export const locationCmdlets = [getLocation, setLocation, pushLocation, popLocation];

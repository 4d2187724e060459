// Get-Location, Set-Location, Push-Location and Pop-Location over the session's drives (C: under the
// state root, the native / drive, New-PSDrive drives, Cert:, Env:, Variable:). Locations are PathInfo
// objects (`Path` table); a location on another provider's drive must be one of its containers.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { isFileSystemDrive } from '../../src/providers/drives.ts';
import { isDirectory } from '../../src/providers/filesystem.ts';
import { locationInfo, type Location } from '../../src/providers/navigation.ts';
import { pathInfo } from '../../src/providers/path-info.ts';
import { pathNotFound } from '../../src/providers/path-errors.ts';
import { findProviderName } from '../../src/providers/provider-info.ts';
import { itemPath } from '../../src/providers/provider-items.ts';
import { itemPathOf, navigator, provider, providerContext, reportPathError, whenProvidersReady } from './support/paths.ts';

const module = 'Microsoft.PowerShell.Management';

function stack(ctx: CmdletContext, name: string | undefined, create: boolean): Location[] | undefined {
  const stacks = navigator(ctx).stacks;
  const key = (name ?? 'default').toLowerCase();
  let s = stacks.get(key);
  if (!s && create) stacks.set(key, (s = []));
  return s;
}

/** Resolves a container on another provider's drive (`Cert:\LocalMachine\Root`); writes PathNotFound when there is none. */
function targetContainer(ctx: CmdletContext, path: string, literal: boolean): Location | undefined | null {
  const target = itemPathOf(ctx, path);
  if (!target) return null;
  const nav = navigator(ctx);
  const at = providerContext(ctx);
  const containers = (literal ? [target] : nav.expand(at, target)).filter((p) => nav.item(at, p)?.isContainer);
  if (containers.length === 1) return { kind: 'item', path: containers[0] };
  if (containers.length > 1) multipleContainers(ctx, path);
  else ctx.writeError(pathNotFound(target.psPath).spec());
  return undefined;
}

function multipleContainers(ctx: CmdletContext, path: string): void {
  ctx.writeError({
    message: `Cannot set the location because path '${path}' resolved to multiple containers. You can only the set the same location to a single container at a time.`,
    errorId: 'PathResolvedToMultiple',
    category: 'InvalidArgument',
    targetObject: path,
    exceptionType: 'System.Management.Automation.PSArgumentException',
  });
}

/** Resolves a target folder; writes PathNotFound (or the provider's error) and returns undefined when it is not one. */
function targetFolder(ctx: CmdletContext, path: string, literal: boolean): Location | undefined {
  const container = targetContainer(ctx, path, literal);
  if (container !== null) return container;
  const fs = provider(ctx);
  try {
    const hits = literal ? [fs.resolve(path)] : fs.expand(path);
    const dirs = hits.filter((h) => isDirectory(h.native));
    if (dirs.length > 1) {
      multipleContainers(ctx, path);
      return undefined;
    }
    if (dirs.length === 0) throw pathNotFound(hits[0]?.psPath ?? fs.resolve(path).psPath);
    return { kind: 'fs', path: dirs[0] };
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
    PSProvider: { type: 'string[]', sets: ['Location'], description: 'The providers whose current locations are wanted (FileSystem, Certificate, Environment, Variable).' },
    PSDrive: { type: 'string[]', sets: ['Location'], description: 'The drives whose current locations are wanted.' },
    Stack: { type: 'switch', sets: ['Stack'], description: 'Writes the locations on the location stack.' },
    StackName: { type: 'string[]', sets: ['Stack'], description: 'The named location stacks to read.' },
  },
  examples: [{ title: 'The current location', code: 'Set-Location C:\\\nGet-Location', output: 'Path\n----\nC:\\' }],
  process(p, ctx) {
    const nav = navigator(ctx);
    const fs = nav.fileSystem;
    if (ctx.parameterSetName === 'Stack') {
      for (const name of p.StackName ?? [undefined]) {
        const s = stack(ctx, name, false);
        if (!s) {
          ctx.writeError({ message: `Cannot find location stack '${name}'. It does not exist or it is not a container.`, errorId: 'StackNotFound', category: 'ObjectNotFound', targetObject: name, exceptionType: 'System.Management.Automation.PSArgumentException' });
          continue;
        }
        for (const loc of [...s].reverse()) ctx.write(locationInfo(loc), false);
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
        const other = nav.providerOfDrive(d);
        ctx.write(isFileSystemDrive(d) || !other ? pathInfo(fs.at(d, d.current)) : locationInfo({ kind: 'item', path: itemPath(other, d, [...d.current]) }), false);
      }
      return;
    }
    if (p.PSProvider) {
      for (const name of p.PSProvider) {
        const wanted = findProviderName(name);
        const d = wanted === nav.location.path.drive.provider ? nav.drives.currentDrive : nav.drives.all().find((x) => (x.provider ?? 'FileSystem') === wanted);
        if (!wanted || !d) {
          ctx.writeError({ message: `Cannot find a provider with the name '${name}'.`, errorId: 'ProviderNotFound', category: 'ObjectNotFound', targetObject: name, exceptionType: 'System.Management.Automation.ProviderNotFoundException' });
          continue;
        }
        const other = nav.providerOfDrive(d);
        ctx.write(wanted === 'FileSystem' || !other ? pathInfo(fs.location) : locationInfo({ kind: 'item', path: itemPath(other, d, [...d.current]) }), false);
      }
      return;
    }
    ctx.write(locationInfo(nav.location), false);
  },
});

export const setLocation = defineCmdlet({
  name: 'Set-Location',
  synopsis: 'Sets the current working location to a specified location.',
  description:
    'Makes a folder the current location: `Set-Location C:\\certificates`, `cd ..`, `cd \\`, `cd ~`, or a native path such as /tmp. ' +
    '`C:` alone returns to the current location of drive C:. Relative paths in later commands resolve against it. ' +
    'Containers of the other drives work too: `Set-Location Cert:\\LocalMachine\\Root`, then `dir` lists the trusted roots.',
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
    { title: 'Go to a certificate store', code: 'Set-Location Cert:\\LocalMachine\\Root\n(Get-Location).Path', output: 'Cert:\\LocalMachine\\Root' },
    { title: 'Go up one level', code: 'Set-Location C:\\\nNew-Item -ItemType Directory C:\\a\\b -Force | Out-Null\ncd C:\\a\\b\ncd ..\npwd | ForEach-Object Path', output: 'C:\\a' },
  ],
  process(p, ctx) {
    return whenProvidersReady(ctx, [p.Path ?? p.LiteralPath], () => {
      if (ctx.parameterSetName === 'Stack') return;
      const path = p.Path ?? p.LiteralPath;
      if (path === undefined || path === null) return;
      const nav = navigator(ctx);
      const target = targetFolder(ctx, path === '' ? '.' : path, (p.LiteralPath !== undefined && p.Path === undefined));
      if (!target) return;
      nav.setLocation(target);
      if (p.PassThru) ctx.write(locationInfo(nav.location), false);
    });
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
    return whenProvidersReady(ctx, [p.Path ?? p.LiteralPath], () => {
      const nav = navigator(ctx);
      const path = p.Path ?? p.LiteralPath;
      const current = nav.location;
      if (path !== undefined && path !== null) {
        const target = targetFolder(ctx, path, (p.LiteralPath !== undefined && p.Path === undefined));
        if (!target) return;
        stack(ctx, p.StackName, true)!.push(current);
        nav.setLocation(target);
      } else stack(ctx, p.StackName, true)!.push(current);
      if (p.PassThru) ctx.write(locationInfo(nav.location), false);
    });
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
    const nav = navigator(ctx);
    nav.setLocation(loc);
    if (p.PassThru) ctx.write(locationInfo(nav.location), false);
  },
});

export const locationCmdlets = [getLocation, setLocation, pushLocation, popLocation];

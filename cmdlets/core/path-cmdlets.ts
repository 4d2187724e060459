// Test-Path, Resolve-Path, Convert-Path, Split-Path and Join-Path: PowerShell paths on the session's
// drives. Convert-Path gives the native path behind a drive path (C: lives under the state root), or
// the provider path (`LocalMachine\Root`) on Cert:, Env: and Variable:.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { exists, isDirectory } from '../../src/providers/filesystem.ts';
import { locationInfo } from '../../src/providers/navigation.ts';
import type { ItemPath } from '../../src/providers/provider-items.ts';
import { classifyPath, qualifierOf, segmentHasWildcard, stripProviderQualifier } from '../../src/providers/ps-path.ts';
import { statSync } from 'node:fs';
import { itemPathOf, navigator, provider, providerContext, reportPathError, resolveExisting, resolveLocations, whenProvidersReady } from './support/paths.ts';

const module = 'Microsoft.PowerShell.Management';

const pathParams = {
  Path: {
    type: 'string[]' as const,
    position: 0,
    mandatory: true,
    valueFromPipeline: true,
    valueFromPipelineByPropertyName: true,
    sets: ['Path'],
    description: 'The paths (wildcards allowed).',
  },
  LiteralPath: {
    type: 'string[]' as const,
    mandatory: true,
    aliases: ['PSPath', 'LP'],
    valueFromPipelineByPropertyName: true,
    sets: ['LiteralPath'],
    description: 'The paths, taken literally.',
  },
};

function paths(ctx: CmdletContext, p: { Path?: string[]; LiteralPath?: string[] }): { list: string[]; literal: boolean } {
  const literal = (p.LiteralPath !== undefined && p.Path === undefined);
  return { list: (literal ? p.LiteralPath : p.Path) ?? [], literal };
}

export const testPath = defineCmdlet({
  name: 'Test-Path',
  synopsis: 'Determines whether all elements of a path exist.',
  description:
    'Writes $true when the path exists (for wildcards: when something matches) and $false otherwise, one result per path. ' +
    '-PathType Container or Leaf also checks that it is a folder or a file; -IsValid only checks the syntax.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.TestPathCommand',
  defaultParameterSet: 'Path',
  parameters: {
    ...pathParams,
    Filter: { type: 'string', description: 'A wildcard pattern the names must match.' },
    Include: { type: 'string[]', description: 'Wildcard patterns of names to consider.' },
    Exclude: { type: 'string[]', description: 'Wildcard patterns of names to ignore.' },
    PathType: { type: 'string', aliases: ['Type'], validateSet: ['Any', 'Container', 'Leaf'], description: 'Any (default), Container (a folder) or Leaf (a file).' },
    IsValid: { type: 'switch', description: 'Checks only that the path is well formed.' },
    OlderThan: { type: 'datetime', description: 'True only for items last written before this date.' },
    NewerThan: { type: 'datetime', description: 'True only for items last written after this date.' },
  },
  examples: [
    { title: 'Does a file exist?', code: "Set-Content C:\\request.req 'x'\nTest-Path C:\\request.req\nTest-Path C:\\nothing.req", output: 'True\nFalse' },
    { title: 'Is it a folder?', code: 'Test-Path C:\\ -PathType Container', output: 'True' },
    { title: 'Is an environment variable set?', code: "$env:EMSH_DEMO = 'x'\nTest-Path Env:EMSH_DEMO\nTest-Path Env:EMSH_NOT_SET", output: 'True\nFalse' },
  ],
  process(p, ctx) {
    return whenProvidersReady(ctx, [...(p.Path ?? []), ...(p.LiteralPath ?? [])], () => {
      const { list, literal } = paths(ctx, p);
      const fs = provider(ctx);
      for (const raw of list) {
        if (p.IsValid) {
          ctx.write(!/[<>|"\0]/.test(stripProviderQualifier(raw).path), false);
          continue;
        }
        const target = itemPathOf(ctx, raw);
        if (target) {
          ctx.write(itemExists(ctx, target, literal, p.PathType), false);
          continue;
        }
        let hits;
        try {
          hits = literal ? [fs.resolve(raw)] : fs.expand(raw);
        } catch {
          ctx.write(false, false);
          continue;
        }
        const ok = hits.some((h) => {
          if (!exists(h.native)) return false;
          const dir = isDirectory(h.native);
          if (p.PathType === 'Container' && !dir) return false;
          if (p.PathType === 'Leaf' && dir) return false;
          const mtime = statSync(h.native).mtime;
          if (p.OlderThan && !(mtime < p.OlderThan)) return false;
          if (p.NewerThan && !(mtime > p.NewerThan)) return false;
          return true;
        });
        ctx.write(ok, false);
      }
    });
  },
});

/** Test-Path on Cert:, Env:, Variable: (-PathType Container is a store or location, Leaf a certificate). */
function itemExists(ctx: CmdletContext, target: ItemPath, literal: boolean, pathType: string | undefined): boolean {
  const nav = navigator(ctx);
  const at = providerContext(ctx);
  return (literal ? [target] : nav.expand(at, target)).some((h) => {
    const item = nav.item(at, h);
    if (!item) return false;
    return pathType === 'Container' ? item.isContainer : pathType === 'Leaf' ? !item.isContainer : true;
  });
}

export const resolvePath = defineCmdlet({
  name: 'Resolve-Path',
  synopsis: 'Resolves the wildcard characters in a path, and displays the path contents.',
  description: 'Writes a PathInfo object for each existing item a path (with wildcards) refers to; -Relative writes paths relative to the current location.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ResolvePathCommand',
  aliases: ['rvpa'],
  defaultParameterSet: 'Path',
  parameters: {
    ...pathParams,
    Relative: { type: 'switch', description: 'Writes paths relative to the current location (`.\\x`).' },
  },
  examples: [
    { title: 'Expand a wildcard', code: "Set-Content C:\\a.req 'x'\nSet-Content C:\\b.req 'y'\nResolve-Path C:\\*.req | ForEach-Object Path", output: 'C:\\a.req\nC:\\b.req' },
  ],
  process(p, ctx) {
    return whenProvidersReady(ctx, [...(p.Path ?? []), ...(p.LiteralPath ?? [])], () => {
      const { list, literal } = paths(ctx, p);
      const here = navigator(ctx).location.path;
      for (const location of resolveLocations(ctx, list, literal, true, true)) {
        const item = location.path;
        if (!p.Relative) {
          ctx.write(locationInfo(location), false);
          continue;
        }
        if (here.drive !== item.drive) {
          ctx.write(item.psPath, false);
          continue;
        }
        let common = 0;
        while (common < here.segments.length && common < item.segments.length && here.segments[common].toLowerCase() === item.segments[common].toLowerCase()) common++;
        const up = here.segments.length - common;
        const sep = item.drive.native ? '/' : '\\';
        const rest = item.segments.slice(common).join(sep);
        ctx.write(up === 0 ? `.${sep}${rest}` : `${Array(up).fill('..').join(sep)}${rest ? sep + rest : ''}`, false);
      }
    });
  },
});

export const convertPath = defineCmdlet({
  name: 'Convert-Path',
  synopsis: 'Converts a path from a PowerShell path to a PowerShell provider path.',
  description: 'Writes the native file-system path of each existing item a path refers to (C:\\x is a folder under the state root).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ConvertPathCommand',
  aliases: ['cvpa'],
  defaultParameterSet: 'Path',
  parameters: { ...pathParams },
  examples: [{ title: 'The native path of the current location', code: '(Convert-Path .) -eq (Get-Location).ProviderPath', output: 'True' }],
  process(p, ctx) {
    return whenProvidersReady(ctx, [...(p.Path ?? []), ...(p.LiteralPath ?? [])], () => {
      const { list, literal } = paths(ctx, p);
      for (const location of resolveLocations(ctx, list, literal, true, true)) {
        ctx.write(location.kind === 'fs' ? location.path.native : location.path.segments.join('\\'), false);
      }
    });
  },
});

function separatorOf(path: string): string {
  const form = classifyPath(path);
  return form.kind === 'native' || (!path.includes('\\') && path.includes('/') && form.kind !== 'drive') ? '/' : '\\';
}

function splitParts(path: string): { qualifier: string; rooted: boolean; segments: string[] } {
  const stripped = stripProviderQualifier(path).path;
  const qualifier = qualifierOf(stripped);
  const rest = stripped.slice(qualifier.length);
  return { qualifier, rooted: /^[\\/]/.test(rest), segments: rest.split(/[\\/]+/).filter(Boolean) };
}

export const splitPath = defineCmdlet({
  name: 'Split-Path',
  synopsis: 'Returns the specified part of a path.',
  description:
    'Writes a part of each path: the parent folder (the default), -Leaf (the last element), -LeafBase (without extension), ' +
    '-Extension, -Qualifier (the drive, `C:`), -NoQualifier, or with -IsAbsolute whether the path is absolute. ' +
    'The path need not exist unless -Resolve is given.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.SplitPathCommand',
  defaultParameterSet: 'ParentSet',
  parameters: {
    Path: { type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, description: 'The paths to split.' },
    LiteralPath: { type: 'string[]', aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, description: 'The paths, taken literally.' },
    Parent: { type: 'switch', sets: ['ParentSet'], description: 'Writes the parent folder (the default).' },
    Leaf: { type: 'switch', sets: ['LeafSet'], description: 'Writes the last element.' },
    LeafBase: { type: 'switch', sets: ['LeafBaseSet'], description: 'Writes the last element without its extension.' },
    Extension: { type: 'switch', sets: ['ExtensionSet'], description: 'Writes the extension of the last element (with the dot).' },
    Qualifier: { type: 'switch', sets: ['QualifierSet'], description: 'Writes the drive qualifier (`C:`).' },
    NoQualifier: { type: 'switch', sets: ['NoQualifierSet'], description: 'Writes the path without its drive qualifier.' },
    IsAbsolute: { type: 'switch', sets: ['IsAbsoluteSet'], description: 'Writes $true when the path is absolute.' },
    Resolve: { type: 'switch', description: 'Resolves wildcards first (the items must exist).' },
  },
  examples: [
    { title: 'The folder of a file', code: 'Split-Path c:\\certificates\\request.p7c', output: 'c:\\certificates' },
    { title: 'The file name', code: 'Split-Path c:\\certificates\\request.p7c -Leaf', output: 'request.p7c' },
    { title: 'The drive', code: 'Split-Path c:\\certificates\\request.p7c -Qualifier', output: 'c:' },
  ],
  process(p, ctx) {
    let list = p.Path ?? p.LiteralPath ?? [];
    if (p.Resolve) list = resolveExisting(ctx, list, !!p.LiteralPath && !p.Path).map((r) => r.psPath);
    for (const raw of list) {
      const sep = separatorOf(raw);
      const { qualifier, rooted, segments } = splitParts(raw);
      const last = segments[segments.length - 1] ?? '';
      switch (ctx.parameterSetName) {
        case 'LeafSet':
          ctx.write(last, false);
          break;
        case 'LeafBaseSet':
          ctx.write(last.includes('.') && !last.startsWith('.') ? last.slice(0, last.lastIndexOf('.')) : last, false);
          break;
        case 'ExtensionSet':
          ctx.write(last.lastIndexOf('.') > 0 ? last.slice(last.lastIndexOf('.')) : '', false);
          break;
        case 'QualifierSet':
          if (!qualifier) {
            ctx.writeError({
              message: `Cannot parse path because path '${raw}' does not have a qualifier specified.`,
              errorId: 'ParsePathFormatError',
              category: 'InvalidArgument',
              targetObject: raw,
              exceptionType: 'System.Management.Automation.PSArgumentException',
            });
          } else ctx.write(qualifier, false);
          break;
        case 'NoQualifierSet':
          ctx.write(stripProviderQualifier(raw).path.slice(qualifier.length), false);
          break;
        case 'IsAbsoluteSet':
          ctx.write(!!qualifier || rooted || raw.startsWith('~'), false);
          break;
        default: {
          if (segments.length === 0) {
            ctx.write('', false);
            break;
          }
          const parent = segments.slice(0, -1).join(sep);
          ctx.write(`${qualifier}${rooted ? sep : ''}${parent}`, false);
        }
      }
    }
  },
});

export const joinPath = defineCmdlet({
  name: 'Join-Path',
  synopsis: 'Combines a path and a child path into a single path.',
  description:
    'Joins each path with the child path (and any further child paths) using one separator between them. The drive must ' +
    'exist; -Resolve also resolves wildcards and requires the items to exist.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.JoinPathCommand',
  parameters: {
    Path: { type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, aliases: ['PSPath'], description: 'The base paths.' },
    ChildPath: { type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, allowEmptyString: true, description: 'The path to append.' },
    AdditionalChildPath: { type: 'string[]', valueFromRemainingArguments: true, description: 'More paths to append.' },
    Resolve: { type: 'switch', description: 'Resolves the joined path (it must exist).' },
  },
  examples: [
    { title: 'Build a path', code: 'Join-Path C:\\certificates request.req', output: 'C:\\certificates\\request.req' },
    { title: 'Several parts', code: 'Join-Path C:\\ certificates edge request.req', output: 'C:\\certificates\\edge\\request.req' },
  ],
  process(p, ctx) {
    const fs = provider(ctx);
    for (const base of p.Path ?? []) {
      const q = qualifierOf(base);
      if (q && !fs.drives.get(q.slice(0, -1))) {
        ctx.writeError({
          message: `Cannot find drive. A drive with the name '${q.slice(0, -1)}' does not exist.`,
          errorId: 'DriveNotFound',
          category: 'ObjectNotFound',
          targetObject: q.slice(0, -1),
          exceptionType: 'System.Management.Automation.DriveNotFoundException',
        });
        continue;
      }
      const sep = separatorOf(base);
      let joined = base;
      for (const child of [p.ChildPath ?? '', ...(p.AdditionalChildPath ?? [])]) {
        if (child === '') continue;
        joined = `${joined.replace(/[\\/]+$/, '')}${sep}${child.replace(/^[\\/]+/, '')}`;
      }
      if (!p.Resolve) {
        ctx.write(joined, false);
        continue;
      }
      const literal = !segmentHasWildcard(joined);
      try {
        for (const r of resolveExisting(ctx, [joined], literal)) ctx.write(r.psPath, false);
      } catch (e) {
        reportPathError(ctx, e, joined);
      }
    }
  },
});

export const pathCmdlets = [testPath, resolvePath, convertPath, splitPath, joinPath];

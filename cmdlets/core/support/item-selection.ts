// What the item cmdlets (New-/Remove-/Copy-/Move-/Rename-Item) share: the -Path/-LiteralPath pair,
// -Include/-Exclude/-Filter name matching, PowerShell's IOException errors.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { ResolvedPath } from '../../../src/providers/filesystem.ts';
import type { ItemPath } from '../../../src/providers/provider-items.ts';
import { wildcardToRegExp } from '../../../src/runtime/wildcard.ts';
import { resolveExisting } from './paths.ts';

export const MANAGEMENT_MODULE = 'Microsoft.PowerShell.Management';

export const pathParams = {
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

export function ioFailure(ctx: CmdletContext, message: string, errorId: string, target: string, category: 'WriteError' | 'ResourceExists' | 'InvalidArgument' = 'WriteError'): void {
  ctx.writeError({ message, errorId, category, targetObject: target, exceptionType: category === 'InvalidArgument' ? 'System.ArgumentException' : 'System.IO.IOException' });
}

export function leaf(p: ResolvedPath | ItemPath): string {
  return p.segments[p.segments.length - 1] ?? '';
}

export type PathFilters = { Path?: string[]; LiteralPath?: string[]; Include?: string[]; Exclude?: string[]; Filter?: string };

export function nameFilter(p: PathFilters): (name: string) => boolean {
  const inc = (p.Filter ? [p.Filter, ...(p.Include ?? [])] : p.Include)?.map((x) => wildcardToRegExp(x));
  const exc = p.Exclude?.map((x) => wildcardToRegExp(x));
  return (name) => (!inc || inc.some((r) => r.test(name))) && (!exc || !exc.some((r) => r.test(name)));
}

export function selectPaths(ctx: CmdletContext, p: PathFilters): ResolvedPath[] {
  const literal = (p.LiteralPath !== undefined && p.Path === undefined);
  const keep = nameFilter(p);
  return resolveExisting(ctx, (literal ? p.LiteralPath : p.Path) ?? [], literal).filter((i) => keep(leaf(i)));
}


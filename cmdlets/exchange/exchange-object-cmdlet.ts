// The steps Exchange's Get-/Set-/Remove- cmdlets share for one kind of configuration object
// (accepted domains, connectors, servers, Edge subscriptions): the -Identity parameter, Get-'s
// identity rule and output, Set-/Remove-'s "find it, then ShouldProcess with Exchange's sentence", and Set-'s
// warning when nothing changed. Each cmdlet still declares its own parameters once.
import type { ParameterDeclaration } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { hasWildcardCharacters } from '../../src/runtime/wildcard.ts';
import type { ServerContext } from '../../src/store/server-context.ts';
import { noSettingsModifiedWarning } from '../../src/store/transport-config.ts';
import { directoryInfo, type DirectoryInfo } from './exchange-directory.ts';
import { matchByName } from './exchange-parameters.ts';
import { shouldProcessMessage } from './exchange-should-process.ts';
import { attempt } from './exchange-state.ts';

/** -Identity: mandatory, first position, from the pipeline (the object, or its Identity property). */
export function identityParameter(complete: ParameterDeclaration['complete'], description: string) {
  return {
    type: 'string',
    mandatory: true,
    position: 0,
    valueFromPipeline: true,
    valueFromPipelineByPropertyName: true,
    complete,
    description,
  } as const;
}

/**
 * Get-'s rule: everything without -Identity, else the objects whose names match it (wildcards
 * allowed). A plain identity that matches nothing is an error: `notFound` throws the store's own
 * "couldn't be found" error, which is written; the result is then undefined.
 */
export function matchIdentity<T>(
  ctx: CmdletContext,
  items: readonly T[],
  identity: string | undefined,
  names: (item: T) => string[],
  notFound: () => unknown,
): T[] | undefined {
  const found = matchByName(items, identity, names);
  if (identity !== undefined && found.length === 0 && !hasWildcardCharacters(identity)) {
    attempt(ctx, notFound);
    return undefined;
  }
  return found;
}

/** Get-'s output: each object (none after matchIdentity's error) as an Exchange object seen from `server`. */
export function writeObjects<T>(ctx: CmdletContext, server: ServerContext, items: readonly T[] | undefined, toObject: (item: T, info: DirectoryInfo) => unknown): void {
  if (!items) return;
  const info = directoryInfo(server);
  for (const item of items) ctx.write(toObject(item, info));
}

/**
 * Set-/Remove-: the object `find` returns (its store error is written when there is none), once
 * ShouldProcess agrees to `action` (Exchange's sentence, such as `Setting Send connector "Internet".`).
 */
export async function confirmedTarget<T>(ctx: CmdletContext, find: () => T, action: (target: T) => string): Promise<T | undefined> {
  const target = attempt(ctx, find);
  if (target === undefined) return undefined;
  return (await shouldProcessMessage(ctx, action(target))) ? target : undefined;
}

/** Set-'s warning when the store kept the object as it was (its WhenChanged did not move). */
export function warnIfUnchanged(ctx: CmdletContext, before: { Identity: string; WhenChanged: string }, after: { WhenChanged: string } | undefined): void {
  if (after && after.WhenChanged === before.WhenChanged) ctx.writeWarning(noSettingsModifiedWarning(before.Identity));
}

// Path helpers for the cmdlets: the session's FileSystem provider and its navigation over every
// provider (Cert:, Env:, Variable:), resolving -Path (with wildcards) and -LiteralPath, and reporting
// provider errors with the cmdlet's identity.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { FileSystemProvider, ResolvedPath } from '../../../src/providers/filesystem.ts';
import { exists } from '../../../src/providers/filesystem.ts';
import type { ProviderContext } from '../../../src/providers/item-provider.ts';
import { fileSystem, navigation } from '../../../src/providers/install.ts';
import type { Location, Navigation } from '../../../src/providers/navigation.ts';
import { ProviderError, ioError, pathNotFound } from '../../../src/providers/path-errors.ts';
import type { ItemPath } from '../../../src/providers/provider-items.ts';
import { PSException } from '../../../src/runtime/errors.ts';
import { hasWildcardCharacters } from '../../../src/runtime/wildcard.ts';
import { callerScope } from './script-invoke.ts';

export function provider(ctx: CmdletContext): FileSystemProvider {
  return fileSystem(ctx.session);
}

export function navigator(ctx: CmdletContext): Navigation {
  return navigation(ctx.session);
}

/** What the providers read: the session and the caller's scope. */
export function providerContext(ctx: CmdletContext): ProviderContext {
  return { session: ctx.session, scope: callerScope(ctx) };
}

/** The path on a non-FileSystem provider's drive a -Path value means; undefined for file-system paths. */
export function itemPathOf(ctx: CmdletContext, raw: string): ItemPath | undefined {
  return navigator(ctx).itemPathOf(providerContext(ctx), raw);
}

/**
 * Runs `body` once the providers of the paths are ready (the Cert: store loads on first use); on the
 * synchronous path when nothing needs loading.
 */
export function whenProvidersReady<T>(ctx: CmdletContext, paths: readonly unknown[], body: () => T): T | Promise<T> {
  const pending: Promise<void>[] = [];
  for (const raw of paths) {
    if (typeof raw !== 'string') continue;
    const loading = itemPathOf(ctx, raw)?.provider.prepare?.();
    if (loading) pending.push(loading);
  }
  return pending.length === 0 ? body() : Promise.all(pending).then(body);
}

/**
 * resolveExisting for every provider: file-system paths as resolveExisting does, paths on Cert:, Env:
 * and Variable: through their provider (wildcards expanded unless literal). Errors are written per path.
 */
export function resolveLocations(ctx: CmdletContext, paths: readonly string[], literal: boolean, mustExist = true, reportEmptyWildcard = false): Location[] {
  const nav = navigator(ctx);
  const at = providerContext(ctx);
  const out: Location[] = [];
  for (const raw of paths) {
    const target = nav.itemPathOf(at, raw);
    if (!target) {
      out.push(...resolveExisting(ctx, [raw], literal, mustExist, reportEmptyWildcard).map((path) => ({ kind: 'fs' as const, path })));
      continue;
    }
    const hits = literal ? [target] : nav.expand(at, target);
    if (hits.length === 0 && !literal && hasWildcardCharacters(raw) && !reportEmptyWildcard) continue;
    const missing = hits.find((h) => !nav.item(at, h));
    if (hits.length === 0 || (mustExist && missing)) {
      ctx.writeError(pathNotFound(missing?.psPath ?? target.psPath).spec());
      continue;
    }
    out.push(...hits.map((path) => ({ kind: 'item' as const, path })));
  }
  return out;
}

/** Writes a provider error as a non-terminating error (rethrows anything else). */
export function reportPathError(ctx: CmdletContext, e: unknown, target?: string, errorId = 'IOError'): void {
  if (e instanceof ProviderError) {
    ctx.writeError(e.spec());
    return;
  }
  if (e instanceof PSException) {
    ctx.writeError({ message: e.message, errorId, category: 'InvalidOperation', targetObject: target, exceptionType: e.typeName });
    return;
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && target !== undefined) {
    ctx.writeError(ioError(e, target, errorId).spec());
    return;
  }
  throw e;
}

/** Fails the command with a provider error (terminating). */
export function failPath(ctx: CmdletContext, e: unknown, target?: string, errorId = 'IOError'): never {
  if (e instanceof ProviderError) ctx.fail(e.spec());
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && target !== undefined) ctx.fail(ioError(e, target, errorId).spec());
  throw e;
}

/**
 * Resolves -Path values (wildcards expanded; each must match something) or -LiteralPath values
 * (taken as they are; each must exist unless `mustExist` is false). Errors are written per path.
 */
export function resolveExisting(ctx: CmdletContext, paths: readonly string[], literal: boolean, mustExist = true, reportEmptyWildcard = false): ResolvedPath[] {
  const fs = provider(ctx);
  const out: ResolvedPath[] = [];
  for (const p of paths) {
    try {
      const hits = literal ? [fs.resolve(p)] : fs.expand(p);
      // A wildcard that matches nothing is not an error (Get-ChildItem, Get-Item, Remove-Item...).
      if (hits.length === 0 && !literal && hasWildcardCharacters(p) && !reportEmptyWildcard) continue;
      if (hits.length === 0 || (mustExist && !hits.every((h) => exists(h.native)))) {
        const missing = hits.find((h) => !exists(h.native));
        throw pathNotFound(missing?.psPath ?? (literal ? p : fs.resolve(p).psPath));
      }
      out.push(...hits);
    } catch (e) {
      reportPathError(ctx, e, p);
    }
  }
  return out;
}

/** Resolves one path for writing a file (no wildcards; the file may not exist yet). */
export function resolveForWrite(ctx: CmdletContext, path: string): ResolvedPath | undefined {
  try {
    return provider(ctx).resolve(path);
  } catch (e) {
    reportPathError(ctx, e, path);
    return undefined;
  }
}

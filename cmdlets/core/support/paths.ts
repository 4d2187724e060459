// Path helpers for the cmdlets: the session's FileSystem provider, resolving -Path (with wildcards) and
// -LiteralPath, and reporting provider errors with the cmdlet's identity.
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { FileSystemProvider, ResolvedPath } from '../../../src/providers/filesystem.ts';
import { exists } from '../../../src/providers/filesystem.ts';
import { fileSystem } from '../../../src/providers/install.ts';
import { ProviderError, ioError, pathNotFound } from '../../../src/providers/path-errors.ts';
import { PSException } from '../../../src/runtime/errors.ts';
import { hasWildcardCharacters } from '../../../src/runtime/wildcard.ts';

export function provider(ctx: CmdletContext): FileSystemProvider {
  return fileSystem(ctx.session);
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

// PowerShell's provider errors (SessionStateStrings.resx texts) as exceptions carrying their ErrorId and
// category, so that a cmdlet can write them (ctx.writeError(err.spec())) or let them terminate.
import { PSException, type ErrorCategory } from '../runtime/errors.ts';

export interface ProviderErrorSpec {
  message: string;
  errorId: string;
  category: ErrorCategory;
  targetObject?: unknown;
  exceptionType: string;
}

export class ProviderError extends PSException {
  constructor(
    message: string,
    typeName: string,
    readonly errorId: string,
    readonly category: ErrorCategory,
    readonly targetObject?: unknown,
  ) {
    super(message, typeName);
  }

  spec(): ProviderErrorSpec {
    return { message: this.message, errorId: this.errorId, category: this.category, targetObject: this.targetObject, exceptionType: this.typeName };
  }
}

export function pathNotFound(path: string): ProviderError {
  return new ProviderError(
    `Cannot find path '${path}' because it does not exist.`,
    'System.Management.Automation.ItemNotFoundException',
    'PathNotFound',
    'ObjectNotFound',
    path,
  );
}

export function driveNotFound(name: string): ProviderError {
  return new ProviderError(
    `Cannot find drive. A drive with the name '${name}' does not exist.`,
    'System.Management.Automation.DriveNotFoundException',
    'DriveNotFound',
    'ObjectNotFound',
    name,
  );
}

export function providerNotFound(name: string): ProviderError {
  return new ProviderError(
    `Cannot find a provider with the name '${name}'.`,
    'System.Management.Automation.ProviderNotFoundException',
    'ProviderNotFound',
    'ObjectNotFound',
    name,
  );
}

/** A file path was needed but the path is on another provider's drive (`Cert:\x`). */
export function notFileSystemProvider(providerFullName: string): ProviderError {
  return new ProviderError(
    `Cannot open file because the current provider (${providerFullName}) cannot open a file.`,
    'System.InvalidOperationException',
    'ReadWriteFileNotFileSystemProvider',
    'ReadError',
    providerFullName,
  );
}

/** A native I/O failure (permissions, a file where a folder is needed...) as PowerShell reports it. */
export function ioError(e: unknown, target: string, errorId: string, category: ErrorCategory = 'WriteError'): ProviderError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new ProviderError(`Access to the path '${target}' is denied.`, 'System.UnauthorizedAccessException', errorId, 'PermissionDenied', target);
  }
  if (code === 'ENOENT') return pathNotFound(target);
  const message = e instanceof Error ? e.message.replace(/^\w+: /, '') : String(e);
  return new ProviderError(message, 'System.IO.IOException', errorId, category, target);
}

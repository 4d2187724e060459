// The one exception type the store throws: a PSException that also carries the Exchange ErrorId,
// the PowerShell ErrorCategory and the target object, so the cmdlet layer can turn it into an
// ErrorRecord (FullyQualifiedErrorId = `<errorId>,<command>`) without guessing.
import { PSException } from '../runtime/errors.ts';
import type { ErrorCategory } from '../runtime/errors.ts';

export interface StoreErrorOptions {
  /** .NET exception type name shown by `$_.Exception.GetType().FullName`. */
  typeName?: string;
  /** The object the operation was about (an identity, a thumbprint, a file path). */
  targetObject?: unknown;
}

/** The fields of an ErrorRecord, shaped like the pipeline's `ErrorSpec` (without importing it). */
export interface StoreErrorSpec {
  message: string;
  errorId: string;
  category: ErrorCategory;
  targetObject?: unknown;
  exceptionType: string;
}

export class StoreError extends PSException {
  readonly targetObject: unknown;

  constructor(
    message: string,
    /** Exchange's resource key where one exists (e.g. `InvalidSmtpDomainName`), else a name of ours. */
    readonly errorId: string,
    readonly category: ErrorCategory,
    options: StoreErrorOptions = {},
  ) {
    super(message, options.typeName ?? defaultTypeName(category));
    this.targetObject = options.targetObject;
  }

  /** What `ctx.fail(...)` / `ctx.writeError(...)` in the cmdlet layer needs. */
  toErrorSpec(): StoreErrorSpec {
    return {
      message: this.message,
      errorId: this.errorId,
      category: this.category,
      targetObject: this.targetObject,
      exceptionType: this.typeName,
    };
  }
}

function defaultTypeName(category: ErrorCategory): string {
  switch (category) {
    case 'ObjectNotFound':
      return 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException';
    case 'InvalidArgument':
    case 'InvalidData':
      return 'Microsoft.Exchange.Data.DataValidationException';
    case 'ResourceBusy':
    case 'ReadError':
    case 'WriteError':
      return 'System.IO.IOException';
    default:
      return 'System.InvalidOperationException';
  }
}

/** `The operation couldn't be performed because object '{0}' couldn't be found on '{1}'.` */
export function objectNotFound(identity: string, where: string): StoreError {
  return new StoreError(
    `The operation couldn't be performed because object '${identity}' couldn't be found on '${where}'.`,
    'ErrorManagementObjectNotFoundWithSource',
    'ObjectNotFound',
    { targetObject: identity },
  );
}

/** `The operation couldn't be performed because '{0}' matches multiple entries.` */
export function objectAmbiguous(identity: string): StoreError {
  return new StoreError(
    `The operation couldn't be performed because '${identity}' matches multiple entries.`,
    'ErrorManagementObjectAmbiguous',
    'InvalidArgument',
    { typeName: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException', targetObject: identity },
  );
}

/** A validation failure of a property value (Exchange's DataValidationException). */
export function invalidValue(message: string, errorId: string, targetObject?: unknown): StoreError {
  return new StoreError(message, errorId, 'InvalidArgument', { targetObject });
}

/** An operation the object's state forbids (Exchange's InvalidOperation category). */
export function invalidOperation(message: string, errorId: string, targetObject?: unknown): StoreError {
  return new StoreError(message, errorId, 'InvalidOperation', { targetObject });
}

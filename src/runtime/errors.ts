// Errors as records: PowerShell's ErrorRecord, its categories, and exceptions with .NET type names
// (so `catch [System.IO.IOException]` and `$_.Exception.GetType().FullName` behave as in PowerShell).
import type { Span } from '../../grammar/ast.ts';

export type ErrorCategory =
  | 'NotSpecified'
  | 'OpenError'
  | 'CloseError'
  | 'DeviceError'
  | 'DeadlockDetected'
  | 'InvalidArgument'
  | 'InvalidData'
  | 'InvalidOperation'
  | 'InvalidResult'
  | 'InvalidType'
  | 'MetadataError'
  | 'NotImplemented'
  | 'NotInstalled'
  | 'ObjectNotFound'
  | 'OperationStopped'
  | 'OperationTimeout'
  | 'SyntaxError'
  | 'ParserError'
  | 'PermissionDenied'
  | 'ResourceBusy'
  | 'ResourceExists'
  | 'ResourceUnavailable'
  | 'ReadError'
  | 'WriteError'
  | 'FromStdErr'
  | 'SecurityError'
  | 'ProtocolError'
  | 'ConnectionError'
  | 'AuthenticationError'
  | 'LimitsExceeded'
  | 'QuotaExceeded'
  | 'NotEnabled';

/**
 * .NET exception type names with their base types, most derived first.
 * Unknown names default to deriving from System.Exception.
 */
const exceptionBases: Record<string, string> = {
  'System.Exception': '',
  'System.SystemException': 'System.Exception',
  'System.ApplicationException': 'System.Exception',
  'System.ArgumentException': 'System.SystemException',
  'System.ArgumentNullException': 'System.ArgumentException',
  'System.ArgumentOutOfRangeException': 'System.ArgumentException',
  'System.ArithmeticException': 'System.SystemException',
  'System.DivideByZeroException': 'System.ArithmeticException',
  'System.OverflowException': 'System.ArithmeticException',
  'System.FormatException': 'System.SystemException',
  'System.InvalidCastException': 'System.SystemException',
  'System.InvalidOperationException': 'System.SystemException',
  'System.NotSupportedException': 'System.SystemException',
  'System.NotImplementedException': 'System.SystemException',
  'System.NullReferenceException': 'System.SystemException',
  'System.IndexOutOfRangeException': 'System.SystemException',
  'System.TimeoutException': 'System.SystemException',
  'System.UnauthorizedAccessException': 'System.SystemException',
  'System.IO.IOException': 'System.SystemException',
  'System.IO.FileNotFoundException': 'System.IO.IOException',
  'System.IO.DirectoryNotFoundException': 'System.IO.IOException',
  'System.Net.Sockets.SocketException': 'System.SystemException',
  'System.Security.Cryptography.CryptographicException': 'System.SystemException',
  'System.Management.Automation.RuntimeException': 'System.SystemException',
  'System.Management.Automation.ParseException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.IncompleteParseException': 'System.Management.Automation.ParseException',
  'System.Management.Automation.CommandNotFoundException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ParameterBindingException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ParameterBindingValidationException':
    'System.Management.Automation.ParameterBindingException',
  'System.Management.Automation.ParameterBindingArgumentTransformationException':
    'System.Management.Automation.ParameterBindingException',
  'System.Management.Automation.ItemNotFoundException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.SessionStateException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.DriveNotFoundException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.SessionStateUnauthorizedAccessException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.PSInvalidCastException': 'System.InvalidCastException',
  'System.Management.Automation.PSArgumentException': 'System.ArgumentException',
  'System.Management.Automation.PSInvalidOperationException': 'System.InvalidOperationException',
  'System.Management.Automation.MethodInvocationException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.PipelineStoppedException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ActionPreferenceStopException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ValidationMetadataException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.PSNotSupportedException': 'System.NotSupportedException',
  'Microsoft.PowerShell.Commands.WriteErrorException': 'System.SystemException',
};

/** The type and all base types of an exception type name, most derived first. */
export function exceptionTypeChain(typeName: string): string[] {
  const chain: string[] = [];
  let t: string | undefined = typeName;
  while (t) {
    chain.push(t);
    t = t in exceptionBases ? exceptionBases[t] : t === 'System.Exception' ? '' : 'System.Exception';
  }
  return chain;
}

/** A .NET-style exception. `typeName` is the full .NET type name. */
export class PSException extends Error {
  errorRecord?: ErrorRecord;
  constructor(
    message: string,
    public readonly typeName = 'System.Management.Automation.RuntimeException',
    public readonly innerException?: PSException,
  ) {
    super(message);
  }
  get typeChain(): string[] {
    return exceptionTypeChain(this.typeName);
  }
  /** True when this exception is `typeName` or derives from it (full or short name, case-insensitive). */
  isA(typeName: string): boolean {
    const want = typeName.toLowerCase();
    return this.typeChain.some((t) => t.toLowerCase() === want || t.split('.').pop()!.toLowerCase() === want);
  }
}

/** The command an invocation ran (InvocationInfo.MyCommand): enough to build its CommandInfo on demand. */
export interface CommandRef {
  kind: 'Cmdlet' | 'Function' | 'Filter' | 'ExternalScript' | 'Script' | 'Application';
  /** '' for a script block. */
  name: string;
  /** The script file of an ExternalScript, the program of an Application. */
  path?: string;
  /** The ScriptBlock of a function, script file or script block. */
  scriptBlock?: unknown;
  /** The declaration of a cmdlet. */
  cmdlet?: unknown;
}

/**
 * Where an error happened, or how a command was invoked ($MyInvocation): the command and the source
 * position of its call (for `At line:1 char:5`). Only the position is always known; the rest is filled
 * for commands (see src/runtime/invocation-info.ts for the PowerShell object made from it).
 */
export interface InvocationInfo {
  /** The command name as invoked (InvocationName: an alias stays the alias; for the `Cmd : message` prefix). */
  commandName?: string;
  /** The whole source text the span points into. */
  source?: string;
  /** The script path, or undefined for interactive input. */
  scriptName?: string;
  span?: Span;
  /** MyCommand; undefined for errors raised by expressions and `throw`. */
  command?: CommandRef;
  /** BoundParameters (a dictionary: for a function, its $PSBoundParameters), read when asked for. */
  boundParameters?: () => unknown;
  /** UnboundArguments: arguments no parameter took. */
  unboundArguments?: () => unknown[];
  pipelineLength?: number;
  pipelinePosition?: number;
  expectingInput?: boolean;
  historyId?: number;
}

export interface ErrorRecordInit {
  exception: PSException;
  errorId: string;
  category: ErrorCategory;
  targetObject?: unknown;
  /** `[Activity]` in CategoryInfo: usually the command name. */
  activity?: string;
  invocation?: InvocationInfo;
  /** A message that replaces the exception's in display (`ErrorDetails`). */
  detailsMessage?: string;
  recommendedAction?: string;
  /** Command identifier for FullyQualifiedErrorId (`<ErrorId>,<command>`). */
  commandId?: string;
  /** The computer a remote command's error comes from (OriginInfo.PSComputerName; Invoke-Command). */
  originComputer?: string;
}

export class ErrorRecord {
  exception: PSException;
  errorId: string;
  category: ErrorCategory;
  targetObject: unknown;
  activity?: string;
  invocation?: InvocationInfo;
  detailsMessage?: string;
  recommendedAction?: string;
  commandId?: string;
  originComputer?: string;

  constructor(init: ErrorRecordInit) {
    this.exception = init.exception;
    this.errorId = init.errorId;
    this.category = init.category;
    this.targetObject = init.targetObject;
    this.activity = init.activity;
    this.invocation = init.invocation;
    this.detailsMessage = init.detailsMessage;
    this.recommendedAction = init.recommendedAction;
    this.commandId = init.commandId;
    this.originComputer = init.originComputer;
    init.exception.errorRecord ??= this;
  }

  get message(): string {
    return this.detailsMessage ?? this.exception.message;
  }

  get fullyQualifiedErrorId(): string {
    return this.commandId ? `${this.errorId},${this.commandId}` : this.errorId;
  }

  /** The short exception type name used as CategoryInfo's reason. */
  get reason(): string {
    return this.exception.typeName.split('.').pop() ?? this.exception.typeName;
  }

  toString(): string {
    return this.message;
  }
}

/** Builds an ErrorRecord and its exception in one call. */
export function errorRecord(
  message: string,
  errorId: string,
  category: ErrorCategory,
  options: Omit<ErrorRecordInit, 'exception' | 'errorId' | 'category'> & { exceptionType?: string } = {},
): ErrorRecord {
  const { exceptionType, ...rest } = options;
  return new ErrorRecord({ exception: new PSException(message, exceptionType), errorId, category, ...rest });
}

/**
 * Thrown to stop the current statement (a terminating error): `throw`, `-ErrorAction Stop`,
 * a cmdlet's ThrowTerminatingError, a runtime exception in an expression.
 */
export class TerminatingError extends Error {
  constructor(
    public readonly record: ErrorRecord,
    /** `throw` and `-ErrorAction Stop` end the script; other terminating errors end only the statement. */
    public scriptTerminating = false,
  ) {
    super(record.message);
  }
}

// Runtime errors raised by value semantics (conversion, operators, members), with PowerShell's
// ErrorId, category and .NET exception type. The evaluator turns a RuntimeError into an ErrorRecord
// with `errorId`, `category` and the exception itself.
import { PSException, exceptionTypeChain } from './errors.ts';
import type { ErrorCategory } from './errors.ts';

export const RUNTIME_EXCEPTION = 'System.Management.Automation.RuntimeException';
export const INVALID_CAST = 'System.Management.Automation.PSInvalidCastException';
export const METHOD_EXCEPTION = 'System.Management.Automation.MethodException';
export const METHOD_INVOCATION = 'System.Management.Automation.MethodInvocationException';

// Base types errors.ts does not know yet (reported to its owner); consulted after its own chain.
const extraBases: Record<string, string> = {
  'System.Management.Automation.MethodException': 'System.Management.Automation.ExtendedTypeSystemException',
  'System.Management.Automation.ExtendedTypeSystemException': RUNTIME_EXCEPTION,
  'System.Management.Automation.WildcardPatternException': RUNTIME_EXCEPTION,
  'System.Management.Automation.GetValueException': 'System.Management.Automation.ExtendedTypeSystemException',
  'System.Management.Automation.SetValueException': 'System.Management.Automation.ExtendedTypeSystemException',
  'System.Management.Automation.PSArgumentOutOfRangeException': 'System.ArgumentOutOfRangeException',
  'System.Text.RegularExpressions.RegexParseException': 'System.ArgumentException',
  'System.Collections.Generic.KeyNotFoundException': 'System.SystemException',
  'System.Security.Cryptography.CryptographicException': 'System.SystemException',
};

function chainOf(typeName: string): string[] {
  const chain: string[] = [];
  let t: string | undefined = typeName;
  while (t && !chain.includes(t)) {
    if (t in extraBases) {
      chain.push(t);
      t = extraBases[t];
      continue;
    }
    for (const base of exceptionTypeChain(t)) if (!chain.includes(base)) chain.push(base);
    break;
  }
  return chain;
}

/** True when the exception type itself (not a wrapper it also counts as) derives from RuntimeException. */
export function isRuntimeExceptionType(typeName: string): boolean {
  return chainOf(typeName).includes(RUNTIME_EXCEPTION);
}

/**
 * A PSException that also carries PowerShell's ErrorId and category.
 * `alsoA` lists wrapper types the exception also counts as (PowerShell throws `1/0` as a
 * RuntimeException around a DivideByZeroException; here one object answers to both).
 */
export class RuntimeError extends PSException {
  constructor(
    message: string,
    public readonly errorId: string,
    typeName: string = RUNTIME_EXCEPTION,
    public readonly category: ErrorCategory = 'InvalidOperation',
    innerException?: PSException,
    public readonly alsoA: string[] = [],
  ) {
    super(message, typeName, innerException);
  }

  override get typeChain(): string[] {
    const chain = chainOf(this.typeName);
    for (const extra of this.alsoA) for (const t of chainOf(extra)) if (!chain.includes(t)) chain.push(t);
    return chain;
  }
}

/** A plain .NET exception (ArgumentOutOfRangeException...) raised inside a method; ErrorId is the type name. */
export function dotNetError(typeName: string, message: string, category: ErrorCategory = 'NotSpecified'): RuntimeError {
  return new RuntimeError(message, typeName, typeName, category);
}

/** .NET Framework's ArgumentException text: message, newline, `Parameter name: x`. */
export function argumentError(typeName: string, message: string, paramName?: string): RuntimeError {
  return dotNetError(typeName, paramName ? `${message}\nParameter name: ${paramName}` : message);
}

// ---------------------------------------------------------------- common PowerShell errors

export function invalidCastError(message: string, errorId: string, inner?: PSException): RuntimeError {
  return new RuntimeError(message, errorId, INVALID_CAST, 'InvalidArgument', inner);
}

/** `Cannot convert value "x" to type "T". Error: "inner"` (InvalidCastExceptionWithInnerException). */
export function cannotConvertWithInner(value: string, typeFullName: string, inner: string, errorId: string): RuntimeError {
  return invalidCastError(`Cannot convert value "${value}" to type "${typeFullName}". Error: "${inner}"`, errorId);
}

/** `Cannot convert the "x" value of type "S" to type "T".` (InvalidCastException). */
export function cannotConvertType(valueText: string, sourceTypeName: string, targetTypeName: string): RuntimeError {
  return invalidCastError(
    `Cannot convert the "${valueText}" value of type "${sourceTypeName}" to type "${targetTypeName}".`,
    'ConvertToFinalInvalidCastException',
  );
}

export function methodNotFound(typeFullName: string, method: string): RuntimeError {
  return new RuntimeError(
    `Method invocation failed because [${typeFullName}] does not contain a method named '${method}'.`,
    'MethodNotFound',
  );
}

export function invokeMethodOnNull(): RuntimeError {
  return new RuntimeError('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull');
}

export function overloadNotFound(method: string, argCount: number): RuntimeError {
  return new RuntimeError(
    `Cannot find an overload for "${method}" and the argument count: "${argCount}".`,
    'MethodCountCouldNotFindBest',
    METHOD_EXCEPTION,
    'NotSpecified',
  );
}

/** Wraps an exception thrown inside a method: `Exception calling "M" with "n" argument(s): "inner"`. */
export function methodInvocationError(method: string, argCount: number, inner: PSException): RuntimeError {
  // PowerShell names the error after the inner .NET exception (`ArgumentOutOfRangeException`).
  const id = inner.typeName.startsWith('System.Management.Automation.') ? 'MethodInvocationException' : inner.typeName.split('.').pop()!;
  return new RuntimeError(
    `Exception calling "${method}" with "${argCount}" argument(s): "${inner.message}"`,
    id,
    METHOD_INVOCATION,
    'NotSpecified',
    inner,
  );
}

export function propertyNotFoundForSet(name: string): RuntimeError {
  return new RuntimeError(
    `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
    'PropertyNotFound',
  );
}

export function readOnlyProperty(name: string): RuntimeError {
  return new RuntimeError(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException');
}

export function nullArrayError(): RuntimeError {
  return new RuntimeError('Cannot index into a null array.', 'NullArray');
}

export function cannotIndexError(typeFullName: string): RuntimeError {
  return new RuntimeError(`Unable to index into an object of type ${typeFullName}.`, 'CannotIndex');
}

export function typeNotFound(name: string): RuntimeError {
  return new RuntimeError(`Unable to find type [${name}].`, 'TypeNotFound');
}

export function divideByZero(): RuntimeError {
  return new RuntimeError('Attempted to divide by zero.', 'RuntimeException', 'System.DivideByZeroException', 'NotSpecified', undefined, [
    RUNTIME_EXCEPTION,
  ]);
}

export function operatorMethodNotFound(typeFullName: string, opMethod: string): RuntimeError {
  return methodNotFound(typeFullName, opMethod);
}

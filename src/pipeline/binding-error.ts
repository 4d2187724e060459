// Parameter binding failures: PowerShell's ErrorIds, messages and exception types.
import { ErrorRecord, PSException, type ErrorCategory } from '../runtime/errors.ts';
import type { Span } from '../../grammar/ast.ts';

export type BindingErrorId =
  | 'NamedParameterNotFound'
  | 'PositionalParameterNotFound'
  | 'AmbiguousParameter'
  | 'MissingArgument'
  | 'MissingMandatoryParameter'
  | 'AmbiguousParameterSet'
  | 'ParameterAlreadyBound'
  | 'CannotConvertArgument'
  | 'CannotConvertArgumentNoMessage'
  | 'ParameterArgumentTransformationError'
  | 'ParameterArgumentValidationError'
  | 'ParameterArgumentValidationErrorNullNotAllowed'
  | 'ParameterArgumentValidationErrorEmptyStringNotAllowed'
  | 'ParameterArgumentValidationErrorEmptyArrayNotAllowed'
  | 'InputObjectNotBound'
  | 'AmbiguousPositionalParameterNoName'
  | 'MissingMandatoryParameterPrompt';

const exceptionTypes: Partial<Record<BindingErrorId, string>> = {
  ParameterArgumentValidationError: 'System.Management.Automation.ParameterBindingValidationException',
  ParameterArgumentValidationErrorNullNotAllowed: 'System.Management.Automation.ParameterBindingValidationException',
  ParameterArgumentValidationErrorEmptyStringNotAllowed: 'System.Management.Automation.ParameterBindingValidationException',
  ParameterArgumentValidationErrorEmptyArrayNotAllowed: 'System.Management.Automation.ParameterBindingValidationException',
  ParameterArgumentTransformationError: 'System.Management.Automation.ParameterBindingArgumentTransformationException',
};

const categories: Partial<Record<BindingErrorId, ErrorCategory>> = {
  ParameterArgumentValidationError: 'InvalidData',
  ParameterArgumentValidationErrorNullNotAllowed: 'InvalidData',
  ParameterArgumentValidationErrorEmptyStringNotAllowed: 'InvalidData',
  ParameterArgumentValidationErrorEmptyArrayNotAllowed: 'InvalidData',
  ParameterArgumentTransformationError: 'InvalidData',
  InputObjectNotBound: 'InvalidArgument',
};

export class BindingError extends Error {
  constructor(
    readonly errorId: BindingErrorId,
    message: string,
    readonly details: { parameterName?: string; span?: Span; targetObject?: unknown } = {},
  ) {
    super(message);
  }

  get category(): ErrorCategory {
    return categories[this.errorId] ?? 'InvalidArgument';
  }

  toErrorRecord(commandName: string, commandId: string, invocation: ErrorRecord['invocation']): ErrorRecord {
    const exception = new PSException(
      this.message,
      exceptionTypes[this.errorId] ?? 'System.Management.Automation.ParameterBindingException',
    );
    return new ErrorRecord({
      exception,
      errorId: this.errorId,
      category: this.category,
      targetObject: this.details.targetObject,
      activity: commandName,
      invocation: invocation && { ...invocation, commandName, span: this.details.span ?? invocation.span },
      commandId,
    });
  }
}

// Validation attributes on parameters (ValidateSet, ValidateRange, ValidatePattern, ValidateNotNullOrEmpty,
// Mandatory's null/empty checks), with PowerShell's messages.
import type { Span } from '../../grammar/ast.ts';
import { toPSString } from '../runtime/to-string.ts';
import { BindingError } from './binding-error.ts';
import type { ParameterInfo } from './parameter-metadata.ts';

function fail(p: ParameterInfo, reason: string, value: unknown, span?: Span): never {
  throw new BindingError('ParameterArgumentValidationError', `Cannot validate argument on parameter '${p.name}'. ${reason}`, {
    parameterName: p.name,
    span,
    targetObject: value,
  });
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

export function validateArgument(p: ParameterInfo, value: unknown, span?: Span): void {
  const d = p.decl;
  if (d.mandatory || d.mandatoryInSets) {
    if ((value === null || value === undefined) && !d.allowNull) {
      throw new BindingError('ParameterArgumentValidationErrorNullNotAllowed', `Cannot bind argument to parameter '${p.name}' because it is null.`, {
        parameterName: p.name,
        span,
      });
    }
    if (value === '' && !d.allowEmptyString) {
      throw new BindingError(
        'ParameterArgumentValidationErrorEmptyStringNotAllowed',
        `Cannot bind argument to parameter '${p.name}' because it is an empty string.`,
        { parameterName: p.name, span },
      );
    }
    if (Array.isArray(value) && value.length === 0 && !d.allowNull) {
      throw new BindingError(
        'ParameterArgumentValidationErrorEmptyArrayNotAllowed',
        `Cannot bind argument to parameter '${p.name}' because it is an empty array.`,
        { parameterName: p.name, span },
      );
    }
  }
  if (d.validateNotNullOrEmpty) {
    const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && (value.length === 0 || value.some((x) => x === null || x === '')));
    if (empty) fail(p, 'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.', value, span);
  }
  if (value === null || value === undefined) return;
  if (d.validateSet) {
    const allowed = d.validateSet.map((s) => s.toLowerCase());
    for (const item of items(value)) {
      if (!allowed.includes(toPSString(item).toLowerCase())) {
        fail(
          p,
          `The argument "${toPSString(item)}" does not belong to the set "${d.validateSet.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
          value,
          span,
        );
      }
    }
  }
  if (d.validateRange) {
    const [min, max] = d.validateRange;
    for (const item of items(value)) {
      const n = Number(item);
      if (n < min) fail(p, `The ${toPSString(item)} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`, value, span);
      if (n > max) fail(p, `The ${toPSString(item)} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`, value, span);
    }
  }
  if (d.validatePattern) {
    const re = new RegExp(d.validatePattern, 'i');
    for (const item of items(value)) {
      const s = toPSString(item);
      if (!re.test(s)) {
        fail(p, `The argument "${s}" does not match the "${d.validatePattern}" pattern. Supply an argument that matches "${d.validatePattern}" and try the command again.`, value, span);
      }
    }
  }
  if (d.validate) {
    const problem = d.validate(value);
    if (problem) fail(p, problem, value, span);
  }
}

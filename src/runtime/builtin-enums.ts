// .NET enums the runtime itself needs (DateTime.DayOfWeek, String.Split options, RegexOptions...).
// Registered as types by builtin-types.ts; modules register their own with registerEnum().
import { RegexOptions } from './regex-options.ts';
import { EnumType } from './values.ts';

function sequential(fullName: string, names: string[]): EnumType {
  return new EnumType(fullName, Object.fromEntries(names.map((n, i) => [n, i])));
}

export const DayOfWeekEnum = sequential('System.DayOfWeek', ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

export const DateTimeKindEnum = sequential('System.DateTimeKind', ['Unspecified', 'Utc', 'Local']);

export const StringSplitOptionsEnum = new EnumType('System.StringSplitOptions', { None: 0, RemoveEmptyEntries: 1 }, true);

export const StringComparisonEnum = sequential('System.StringComparison', [
  'CurrentCulture',
  'CurrentCultureIgnoreCase',
  'InvariantCulture',
  'InvariantCultureIgnoreCase',
  'Ordinal',
  'OrdinalIgnoreCase',
]);

export const RegexOptionsEnum = new EnumType('System.Text.RegularExpressions.RegexOptions', { ...RegexOptions }, true);

export const ErrorCategoryEnum = sequential('System.Management.Automation.ErrorCategory', [
  'NotSpecified',
  'OpenError',
  'CloseError',
  'DeviceError',
  'DeadlockDetected',
  'InvalidArgument',
  'InvalidData',
  'InvalidOperation',
  'InvalidResult',
  'InvalidType',
  'MetadataError',
  'NotImplemented',
  'NotInstalled',
  'ObjectNotFound',
  'OperationStopped',
  'OperationTimeout',
  'SyntaxError',
  'ParserError',
  'PermissionDenied',
  'ResourceBusy',
  'ResourceExists',
  'ResourceUnavailable',
  'ReadError',
  'WriteError',
  'FromStdErr',
  'SecurityError',
  'ProtocolError',
  'ConnectionError',
  'AuthenticationError',
  'LimitsExceeded',
  'QuotaExceeded',
  'NotEnabled',
]);

export const ActionPreferenceEnum = sequential('System.Management.Automation.ActionPreference', [
  'SilentlyContinue',
  'Stop',
  'Continue',
  'Inquire',
  'Ignore',
  'Suspend',
]);

export const ConsoleColorEnum = sequential('System.ConsoleColor', [
  'Black',
  'DarkBlue',
  'DarkGreen',
  'DarkCyan',
  'DarkRed',
  'DarkMagenta',
  'DarkYellow',
  'Gray',
  'DarkGray',
  'Blue',
  'Green',
  'Cyan',
  'Red',
  'Magenta',
  'Yellow',
  'White',
]);

/** The [ref] result of `$PSCmdlet.ShouldProcess(description, question, caption, [ref]$reason)`. */
export const ShouldProcessReasonEnum = new EnumType('System.Management.Automation.ShouldProcessReason', { None: 0, WhatIf: 1 }, true);

export const builtinEnums = [
  DayOfWeekEnum,
  DateTimeKindEnum,
  StringSplitOptionsEnum,
  StringComparisonEnum,
  RegexOptionsEnum,
  ErrorCategoryEnum,
  ActionPreferenceEnum,
  ConsoleColorEnum,
  ShouldProcessReasonEnum,
];

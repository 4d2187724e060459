// RegexOptions and the parse error .NET reports for a bad pattern.
import { RuntimeError } from './runtime-error.ts';

/** System.Text.RegularExpressions.RegexOptions values. */
export const RegexOptions = {
  None: 0,
  IgnoreCase: 1,
  Multiline: 2,
  ExplicitCapture: 4,
  Compiled: 8,
  Singleline: 16,
  IgnorePatternWhitespace: 32,
  RightToLeft: 64,
  ECMAScript: 256,
  CultureInvariant: 512,
} as const;

/** `parsing "pattern" - detail` as .NET Framework's RegexParser reports it (System.ArgumentException). */
export function regexParseError(pattern: string, detail: string): RuntimeError {
  return new RuntimeError(`parsing "${pattern}" - ${detail}`, 'System.ArgumentException', 'System.ArgumentException', 'OperationStopped');
}

/** Parses RegexOptions given as a number, a name, or a comma list of names (`'IgnoreCase, Multiline'`). */
export function parseRegexOptions(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.reduce((acc: number, v) => acc | parseRegexOptions(v), 0);
  if (typeof value === 'object' && value !== null && 'value' in value && typeof (value as { value: unknown }).value === 'number') {
    return (value as { value: number }).value;
  }
  let result = 0;
  for (const part of String(value).split(',')) {
    const name = part.trim().toLowerCase();
    if (!name) continue;
    const entry = Object.entries(RegexOptions).find(([k]) => k.toLowerCase() === name);
    if (!entry) {
      throw new RuntimeError(
        `Cannot convert value "${part.trim()}" to type "System.Text.RegularExpressions.RegexOptions" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${Object.keys(RegexOptions).join(',')}".`,
        'InvalidCastEnumStringNotFound',
        'System.Management.Automation.PSInvalidCastException',
        'InvalidArgument',
      );
    }
    result |= entry[1];
  }
  return result;
}

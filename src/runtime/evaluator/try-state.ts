// Whether code is running inside a try block (dynamically, in any caller): statement-terminating
// errors then propagate to the catch instead of being reported and skipped.
import type { ErrorRecord } from '../errors.ts';

export const tryState: { depth: number; currentError: ErrorRecord | undefined } = { depth: 0, currentError: undefined };

// Shared assertions for the runtime value-semantics tests.
import assert from 'node:assert/strict';
import { RuntimeError } from '../../src/runtime/runtime-error.ts';

/** Asserts that fn throws a RuntimeError with exactly this message (and, when given, ErrorId and .NET type). */
export function assertPSError(fn: () => unknown, message: string | RegExp, errorId?: string, typeName?: string): RuntimeError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof RuntimeError, `expected a RuntimeError, got ${caught === undefined ? 'no error' : String(caught)}`);
  if (typeof message === 'string') assert.equal(caught.message, message);
  else assert.match(caught.message, message);
  if (errorId !== undefined) assert.equal(caught.errorId, errorId);
  if (typeName !== undefined) assert.equal(caught.typeName, typeName);
  return caught;
}

/** JSON-ish rendering that keeps bigints and undefined visible in assertion messages. */
export function show(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x === undefined ? '<undefined>' : x));
}

// Console prefixes of the warning, verbose and debug streams.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStreamMessage } from '../../src/format/stream-message.ts';

test('WARNING:, VERBOSE:, DEBUG: prefixes; information as is', () => {
  assert.equal(formatStreamMessage('warning', 'x'), 'WARNING: x\n');
  assert.equal(formatStreamMessage('verbose', 'Performing the operation'), 'VERBOSE: Performing the operation\n');
  assert.equal(formatStreamMessage('debug', 'd'), 'DEBUG: d\n');
  assert.equal(formatStreamMessage('information', 'hello'), 'hello\n');
});

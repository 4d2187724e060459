import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { flushCounters, incrementCounter, readCounter, readCounters } from '../../src/transport/counters.ts';
import { temporaryStateDir } from './helpers/organisations.ts';

const counters = fileURLToPath(new URL('../../src/transport/counters.ts', import.meta.url));

function incrementInChild(stateDir: string, times: number): Promise<number> {
  const script = `import { incrementCounter, flushCounters } from ${JSON.stringify(counters)};
for (let i = 0; i < ${times}; i++) { incrementCounter(${JSON.stringify(stateDir)}, 'Domain Secure Messages Sent'); if (i % 7 === 0) flushCounters(); }
flushCounters();`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

test('the three counters exist with Exchange names and start at zero', () => {
  const state = temporaryStateDir('counters0');
  try {
    const samples = readCounters(state.path);
    assert.deepEqual(
      samples.map((sample) => sample.path),
      [
        '\\MSExchange Secure Mail Transport(_total)\\Domain Secure Messages Received',
        '\\MSExchange Secure Mail Transport(_total)\\Domain Secure Messages Sent',
        '\\MSExchange Secure Mail Transport(_total)\\Domain Secure Outbound Session Failures',
      ],
    );
    assert.ok(samples.every((sample) => sample.value === 0));
  } finally {
    state.remove();
  }
});

test('increments are visible at once in this process and persisted by flushCounters()', () => {
  const state = temporaryStateDir('counters1');
  try {
    incrementCounter(state.path, 'Domain Secure Messages Received');
    incrementCounter(state.path, 'Domain Secure Messages Received');
    assert.equal(readCounter(state.path, 'Domain Secure Messages Received'), 2);
    flushCounters(state.path);
    assert.equal(readCounter(state.path, 'Domain Secure Messages Received'), 2, 'not counted twice after the flush');
  } finally {
    state.remove();
  }
});

test('two processes incrementing the same state directory lose no increment', async () => {
  const state = temporaryStateDir('counters2');
  try {
    const codes = await Promise.all([incrementInChild(state.path, 150), incrementInChild(state.path, 150)]);
    assert.deepEqual(codes, [0, 0]);
    assert.equal(readCounter(state.path, 'Domain Secure Messages Sent'), 300);
  } finally {
    state.remove();
  }
});

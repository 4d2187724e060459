// Worker 0's busy/quiet reports (src/transport/receive-worker-load.ts), which decide whether the
// other receive workers accept connections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AcceptorLoad } from '../../src/transport/receive-worker-load.ts';
import { waitFor } from './helpers/wait.ts';

test('a lone client (at most two sessions overlapping) never makes worker 0 busy', () => {
  const reports: boolean[] = [];
  const load = new AcceptorLoad((busy) => reports.push(busy), 50);
  for (const active of [1, 2, 1, 0, 1, 2, 1]) load.sessions(active);
  load.stop();
  assert.deepEqual(reports, []);
});

test('three sessions at once report busy once; a quiet spell reports quiet, and busy again after', async () => {
  const reports: boolean[] = [];
  const load = new AcceptorLoad((busy) => reports.push(busy), 50);
  load.sessions(3);
  load.sessions(4);
  load.sessions(3);
  assert.deepEqual(reports, [true]);
  await waitFor(() => reports.length === 2, 2000, 'the quiet report');
  assert.deepEqual(reports, [true, false]);
  load.sessions(3);
  assert.deepEqual(reports, [true, false, true]);
  load.stop();
});

test('sessions that keep it busy postpone the quiet report', async () => {
  const reports: boolean[] = [];
  const load = new AcceptorLoad((busy) => reports.push(busy), 80);
  load.sessions(3);
  for (let step = 0; step < 4; step++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    load.sessions(3);
  }
  assert.deepEqual(reports, [true]);
  await waitFor(() => reports.length === 2, 2000, 'the quiet report');
  load.stop();
});

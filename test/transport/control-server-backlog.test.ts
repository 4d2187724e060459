// A control client that pipelines requests faster than they are answered (or never reads the
// replies) must not make the service buffer its input without bound: the server stops reading
// until the backlog is answered, then carries on in order.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { startControlServer } from '../../src/transport/control/control-server.ts';

const folder = mkdtempSync(join(tmpdir(), 'emsh-backlog-'));
after(() => rmSync(folder, { recursive: true, force: true }));

it('stops reading a connection with a long unanswered backlog and answers it all later', { skip: process.platform === 'win32' }, async () => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let firstCall!: () => void;
  const called = new Promise<void>((resolve) => (firstCall = resolve));
  let calls = 0;
  const server = await startControlServer(join(folder, 'control.sock'), async (_verb, args) => {
    calls++;
    firstCall();
    await released;
    return args.n;
  });
  const count = 100_000;
  const client = net.connect(server.endpoint);
  try {
    let text = '';
    client.on('data', (chunk) => (text += chunk));
    const lines = Array.from({ length: count }, (_, n) => `{"verb":"x","args":{"n":${n}}}\n`).join('');
    let flushed = false;
    client.write(lines, () => (flushed = true));
    await called;
    // Unfixed, the server swallows the whole input within a second or two; give it three.
    for (let waited = 0; waited < 30 && !flushed; waited++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(flushed, false, 'the server stopped reading while its backlog is unanswered');
    assert.ok(client.writableLength > 0);
    assert.equal(calls, 1);

    release();
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (text.split('\n').length > count) resolve();
      };
      client.on('data', check);
      check();
    });
    const replies = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { ok: boolean; result: number });
    assert.equal(replies.length, count);
    assert.deepEqual([replies[0]!.result, replies[count - 1]!.result], [0, count - 1]);
    assert.ok(replies.every((reply, n) => reply.ok && reply.result === n), 'every request answered, in order');
  } finally {
    client.destroy();
    await server.close();
  }
});

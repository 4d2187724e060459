import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { MessageQueue } from '../../src/transport/queue.ts';
import { temporaryStateDir } from './helpers/organisations.ts';

function entry(domain: string, recipient: string) {
  return {
    internetMessageId: `${recipient}.id@contoso.com`,
    from: 'kim@contoso.com',
    recipients: [recipient],
    nextHopDomain: domain,
    subject: 'Quarterly figures',
    dateReceived: new Date().toISOString(),
    expirationTime: new Date(Date.now() + 60_000).toISOString(),
    sourceName: 'FromLocal' as const,
  };
}

test('messages and queue states survive a restart, ids keep increasing', async () => {
  const state = temporaryStateDir('queue');
  try {
    const queue = new MessageQueue(state.path, true);
    queue.load();
    const first = await queue.enqueue(entry('WoodgroveBank.com', 'ann@woodgrovebank.com'), Buffer.from('Subject: a\r\n\r\nbody\r\n'));
    const second = await queue.enqueue(entry('fabrikam.com', 'bo@fabrikam.com'), Buffer.from('Subject: b\r\n\r\nbody\r\n'));
    first.status = 'Active'; // as during a delivery attempt
    const retryState = queue.queueState('woodgrovebank.com');
    retryState.status = 'Retry';
    retryState.lastError = '454 4.7.5 Certificate validation failure';
    queue.updateQueueState(retryState);

    const reloaded = new MessageQueue(state.path, true);
    reloaded.load();
    assert.deepEqual(reloaded.all().map((message) => message.id), [first.id, second.id]);
    assert.equal(reloaded.get(first.id)?.nextHopDomain, 'woodgrovebank.com', 'next hop stored lower-case');
    assert.equal(reloaded.get(first.id)?.status, 'Ready', 'an interrupted attempt is Ready again');
    assert.equal((await reloaded.readData(reloaded.get(second.id)!)).toString(), 'Subject: b\r\n\r\nbody\r\n');
    const restored = reloaded.queueState('woodgrovebank.com');
    assert.equal(restored.status, 'Retry');
    assert.equal(restored.lastError, '454 4.7.5 Certificate validation failure');
    assert.equal(restored.number, retryState.number, 'queue identity is stable');
    const third = await reloaded.enqueue(entry('fabrikam.com', 'cy@fabrikam.com'), Buffer.from('x'));
    assert.ok(third.id > second.id);
  } finally {
    state.remove();
  }
});

test('remove() deletes both files and leaves no temporary files behind', async () => {
  const state = temporaryStateDir('queue2');
  try {
    const queue = new MessageQueue(state.path, false);
    queue.load();
    const message = await queue.enqueue(entry('fabrikam.com', 'bo@fabrikam.com'), Buffer.from('x'));
    assert.deepEqual(readdirSync(queue.directory).sort(), [`${message.id}.eml`, `${message.id}.json`, 'queues.json']);
    await queue.remove(message);
    assert.deepEqual(readdirSync(queue.directory), ['queues.json']);
    assert.equal(queue.all().length, 0);
  } finally {
    state.remove();
  }
});

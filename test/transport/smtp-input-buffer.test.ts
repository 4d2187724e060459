import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataCollector, SmtpInputBuffer } from '../../src/transport/smtp-input-buffer.ts';

test('takeLine() splits CRLF and bare-LF command lines and waits for partial ones', () => {
  const input = new SmtpInputBuffer();
  input.push(Buffer.from('EHLO a\r\nNOOP\nMAIL FR'));
  assert.deepEqual(input.takeLine(100), { kind: 'line', text: 'EHLO a' });
  assert.deepEqual(input.takeLine(100), { kind: 'line', text: 'NOOP' });
  assert.equal(input.takeLine(100), undefined);
  input.push(Buffer.from('OM:<a@b>\r\n'));
  assert.deepEqual(input.takeLine(100), { kind: 'line', text: 'MAIL FROM:<a@b>' });
});

test('takeLine() reports an over-long line once and drops it without buffering it', () => {
  const input = new SmtpInputBuffer();
  input.push(Buffer.alloc(300, 'x'));
  assert.deepEqual(input.takeLine(100), { kind: 'too-long' });
  assert.equal(input.length, 0, 'nothing kept from the over-long line');
  input.push(Buffer.alloc(300, 'x'));
  assert.equal(input.takeLine(100), undefined, 'the rest of the same line is skipped silently');
  input.push(Buffer.from('xx\r\nNOOP\r\n'));
  assert.deepEqual(input.takeLine(100), { kind: 'line', text: 'NOOP' });
});

test('clear() drops pipelined input (STARTTLS injection)', () => {
  const input = new SmtpInputBuffer();
  input.push(Buffer.from('MAIL FROM:<evil@x>\r\n'));
  assert.equal(input.clear(), 20);
  assert.equal(input.takeLine(100), undefined);
});

function collect(chunks: string[], maxSize = 1000): { collector: DataCollector; rest: string } {
  const input = new SmtpInputBuffer();
  const collector = new DataCollector(maxSize);
  for (const chunk of chunks) {
    input.push(Buffer.from(chunk));
    if (input.feedData(collector)) break;
  }
  return { collector, rest: input.take(1000).toString() };
}

test('DataCollector removes dot-stuffing and stops at CRLF.CRLF, leaving what follows', () => {
  const { collector, rest } = collect(['Subject: x\r\n\r\n..hidden\r\n.a\r\nlast\r\n.\r\nQUIT\r\n']);
  assert.equal(collector.done, true);
  assert.equal(collector.body().toString(), 'Subject: x\r\n\r\n.hidden\r\na\r\nlast\r\n');
  assert.equal(rest, 'QUIT\r\n');
});

test('DataCollector finds the terminator split across chunks at every position', () => {
  const message = 'a\r\n..b\r\nc\r\n.\r\n';
  for (let split = 1; split < message.length; split++) {
    const { collector } = collect([message.slice(0, split), message.slice(split)]);
    assert.equal(collector.done, true, `split at ${split}`);
    assert.equal(collector.body().toString(), 'a\r\n.b\r\nc\r\n', `split at ${split}`);
  }
});

test('DataCollector does not end the message on a bare-LF dot line (SMTP smuggling)', () => {
  const { collector } = collect(['a\n.\nMAIL FROM:<x@y>\r\n']);
  assert.equal(collector.done, false);
  const next = collect(['a\r\n.\nb\r\n.\r\n']);
  assert.equal(next.collector.done, true);
  assert.equal(next.collector.body().toString(), 'a\r\n\nb\r\n', 'a leading dot is removed as transparency, the line is kept');
});

test('DataCollector counts but does not keep bytes beyond the size limit', () => {
  const { collector } = collect([`${'x'.repeat(5000)}\r\n.\r\n`], 100);
  assert.equal(collector.done, true);
  assert.equal(collector.oversized, true);
  assert.equal(collector.size, 5002);
  assert.ok(collector.body().length <= 100);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBdatArgument, SmtpBodyReader } from '../../src/transport/smtp-body-reader.ts';
import { DataCollector, SmtpInputBuffer } from '../../src/transport/smtp-input-buffer.ts';

test('parseBdatArgument() reads the size and LAST, and refuses anything else', () => {
  assert.deepEqual(parseBdatArgument('12 LAST'), { size: 12, last: true });
  assert.deepEqual(parseBdatArgument('0'), { size: 0, last: false });
  assert.equal(parseBdatArgument('12 FIRST'), undefined);
  assert.equal(parseBdatArgument('-1'), undefined);
});

test('a BDAT chunk is complete after exactly its size; what follows stays in the input', () => {
  const input = new SmtpInputBuffer();
  const collector = new DataCollector(1000);
  const reader = new SmtpBodyReader();
  reader.readChunk({ size: 5, last: true }, collector);
  input.push(Buffer.from('abc'));
  assert.equal(reader.read(input), undefined);
  input.push(Buffer.from('deQUIT\r\n'));
  assert.equal(reader.read(input), 'chunk');
  assert.equal(reader.lastChunk, true);
  assert.equal(collector.body().toString(), 'abcde');
  assert.deepEqual(input.takeLine(512), { kind: 'line', text: 'QUIT' });
});

test('a refused chunk is read and thrown away, and never completes a message', () => {
  const input = new SmtpInputBuffer();
  const reader = new SmtpBodyReader();
  reader.readChunk({ size: 3, last: true }, undefined);
  input.push(Buffer.from('xyz'));
  assert.equal(reader.read(input), 'chunk');
  assert.equal(reader.lastChunk, false);
});

test('DATA completes at the lone dot line', () => {
  const input = new SmtpInputBuffer();
  const collector = new DataCollector(1000);
  const reader = new SmtpBodyReader();
  reader.readData(collector);
  input.push(Buffer.from('Subject: x\r\n\r\nhello\r\n'));
  assert.equal(reader.read(input), undefined);
  input.push(Buffer.from('.\r\n'));
  assert.equal(reader.read(input), 'message');
  assert.match(collector.body().toString(), /hello/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { csvField, newSessionId, protocolLogDirectory, ProtocolLogSession, ProtocolLogWriter } from '../../src/transport/protocol-log.ts';
import { parseProtocolLog } from './helpers/csv.ts';
import { temporaryStateDir } from './helpers/organisations.ts';

test('csvField() quotes commas, quotes and line breaks only', () => {
  assert.equal(csvField('EHLO mail.contoso.com'), 'EHLO mail.contoso.com');
  assert.equal(csvField('CN=a, O=b'), '"CN=a, O=b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\r\nlines'), '"two\r\nlines"');
});

test('newSessionId() gives increasing 16-digit upper-case hex ids', () => {
  const first = newSessionId();
  const second = newSessionId();
  assert.match(first, /^[0-9A-F]{16}$/);
  assert.ok(BigInt(`0x${second}`) > BigInt(`0x${first}`));
});

test('a receive log file has the BOM, Exchange header and rows a CSV reader parses back exactly', () => {
  const state = temporaryStateDir('log');
  try {
    const writer = new ProtocolLogWriter(state.path, 'Receive');
    const session = new ProtocolLogSession(writer, 'MAIL1\\Inet');
    session.localEndpoint = '127.0.0.1:25';
    session.remoteEndpoint = '127.0.0.1:4000';
    session.event('+');
    session.event('<', 'MAIL FROM:<"odd, user"@contoso.com> SIZE=10');
    session.info('Certificate subject', 'CN=mail.contoso.com, O=Contoso, C=US');
    session.info('Certificate alternate names', 'mail.contoso.com;contoso.com');
    session.event('-', '', 'Local');
    writer.close();
    const directory = protocolLogDirectory(state.path, 'Receive');
    const files = readdirSync(directory);
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^RECV\d{8}-1\.LOG$/);
    const text = readFileSync(`${directory}/${files[0]}`, 'utf8');
    assert.ok(text.startsWith('\uFEFF#Software: Microsoft Exchange Server\r\n#Version: 8.0.0.0\r\n#Log-type: SMTP Receive Protocol Log\r\n#Date: '));
    assert.ok(text.includes('#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n'));
    const rows = parseProtocolLog(text);
    assert.deepEqual(rows.map((row) => row.event), ['+', '<', '*', '*', '-']);
    assert.deepEqual(rows.map((row) => row.sequenceNumber), [0, 1, 2, 3, 4]);
    assert.equal(rows[1]!.data, 'MAIL FROM:<"odd, user"@contoso.com> SIZE=10');
    assert.equal(rows[2]!.data, 'CN=mail.contoso.com, O=Contoso, C=US');
    assert.equal(rows[2]!.context, 'Certificate subject');
    assert.equal(rows[0]!.connectorId, 'MAIL1\\Inet');
    assert.equal(rows[0]!.remoteEndpoint, '127.0.0.1:4000');
    assert.match(rows[0]!.dateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  } finally {
    state.remove();
  }
});

test('a second writer appends to the same daily file without a second header', () => {
  const state = temporaryStateDir('log2');
  try {
    for (const id of ['A', 'B']) {
      const writer = new ProtocolLogWriter(state.path, 'Send');
      new ProtocolLogSession(writer, `Connector ${id}`).info('attempting to connect');
      writer.close();
    }
    const directory = protocolLogDirectory(state.path, 'Send');
    const [file] = readdirSync(directory);
    assert.match(file!, /^SEND\d{8}-1\.LOG$/);
    const text = readFileSync(`${directory}/${file}`, 'utf8');
    assert.equal(text.split('#Fields:').length, 2);
    assert.deepEqual(parseProtocolLog(text).map((row) => row.connectorId), ['Connector A', 'Connector B']);
  } finally {
    state.remove();
  }
});

test('a session without a writer (ProtocolLoggingLevel None) writes nothing', () => {
  const session = new ProtocolLogSession(undefined, 'x');
  session.event('+');
  assert.equal(session.enabled, false);
});

function receiveLogText(stateDir: string): string {
  const directory = protocolLogDirectory(stateDir, 'Receive');
  let files: string[];
  try {
    files = readdirSync(directory);
  } catch {
    return '';
  }
  return files.map((file) => readFileSync(`${directory}/${file}`, 'utf8')).join('');
}

test('buffered rows reach the file on their own within moments, without flush or close', async () => {
  const state = temporaryStateDir('log3');
  try {
    const writer = new ProtocolLogWriter(state.path, 'Receive');
    new ProtocolLogSession(writer, 'MAIL1\\Inet').event('<', 'EHLO buffered.example');
    const deadline = Date.now() + 5000;
    while (!receiveLogText(state.path).includes('EHLO buffered.example') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.match(receiveLogText(state.path), /EHLO buffered\.example/);
    writer.close();
  } finally {
    state.remove();
  }
});

test('rows still in memory are written when the process exits without stopping the writer', () => {
  const state = temporaryStateDir('log4');
  try {
    const module = new URL('../../src/transport/protocol-log.ts', import.meta.url).href;
    const script = `const { ProtocolLogSession, ProtocolLogWriter } = await import(${JSON.stringify(module)});
      new ProtocolLogSession(new ProtocolLogWriter(${JSON.stringify(state.path)}, 'Receive'), 'MAIL1\\\\Inet').event('<', 'QUIT before exit');
      process.exit(0);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.match(receiveLogText(state.path), /QUIT before exit/);
  } finally {
    state.remove();
  }
});

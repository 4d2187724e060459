// The control endpoint of a shell-run transport: private (0600 socket in a 0700 folder), robust
// against hostile input (not JSON, unknown verbs, wrong argument types, huge lines), and the way a
// second shell on the same state root sees, restarts and stops the first shell's service.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { runningTransport, sessionOwner } from '../../../../cmdlets/exchange/transport-service/session-transport.ts';
import { controlRequest } from '../../../../src/transport/control/control-client.ts';
import { controlEndpointFor, servicePaths } from '../../../../src/transport/control/control-endpoint.ts';
import { LineSplitter, parseRequest } from '../../../../src/transport/control/control-protocol.ts';
import { probeService, readClaim } from '../../../../src/transport/control/service-claim.ts';
import { labFolderForTests } from './daemon-process.ts';
import { createShell, type Shell } from '../../../helpers/run.ts';

const lab = labFolderForTests('emsh-control-');

async function startedShell(root: string): Promise<Shell> {
  const shell = createShell({ stateRoot: root });
  const setup = await shell.run(
    'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null; ' +
      'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0; Start-Service MSExchangeTransport',
  );
  assert.equal(setup.err, '');
  return shell;
}

function listeningServers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
}

/** A closed listener stays among the active resources until its close completes: wait for that. */
async function serversSettledAt(expected: number): Promise<number> {
  for (let tries = 0; tries < 30 && listeningServers() > expected; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  return listeningServers();
}

/** Sends raw bytes, half-closes, and returns every reply line the service wrote. */
function rawExchange(endpoint: string, data: string | Buffer): Promise<{ replies: Record<string, unknown>[]; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(endpoint);
    let text = '';
    let error: string | undefined;
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
    socket.setTimeout(15_000, () => socket.destroy(new Error('no reply from the control endpoint')));
    socket.on('close', () => resolve({ replies: text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>), ...(error ? { error } : {}) }));
    socket.write(data, () => socket.end());
  });
}

describe('control protocol', () => {
  it('splits lines and reports a line over the limit', () => {
    const splitter = new LineSplitter(10);
    assert.deepEqual(splitter.push(Buffer.from('{"a":1}\n{"b"')), { lines: ['{"a":1}'], overflow: false });
    assert.deepEqual(splitter.push(Buffer.from(':2}\r\n')), { lines: ['{"b":2}'], overflow: false });
    assert.equal(splitter.push(Buffer.from('x'.repeat(11))).overflow, true);
  });

  it('names what is wrong with a request', () => {
    assert.throws(() => parseRequest('nope'), { name: 'ProtocolError', message: /not valid JSON/ });
    assert.throws(() => parseRequest('[1]'), { name: 'ProtocolError', message: /must be a JSON object/ });
    assert.throws(() => parseRequest('{"id":1}'), { name: 'ProtocolError', message: /has no "verb"/ });
    assert.throws(() => parseRequest('{"verb":"ping","args":[]}'), { name: 'ProtocolError', message: /"args" of control request 'ping'/ });
    assert.deepEqual(parseRequest('{"id":"x","verb":"ping"}'), { id: 'x', verb: 'ping', args: {} });
  });
});

describe('claims and endpoints', () => {
  it('moves a socket path too long for Unix to a private temporary folder', { skip: process.platform === 'win32' }, () => {
    const deep = join(lab.folder(), 'a'.repeat(60), 'b'.repeat(60));
    const endpoint = controlEndpointFor(deep);
    assert.ok(Buffer.byteLength(endpoint) <= 100, endpoint);
    assert.ok(endpoint.startsWith(tmpdir()), endpoint);
    assert.equal(controlEndpointFor(deep), endpoint, 'the same root always maps to the same endpoint');
    assert.notEqual(controlEndpointFor(join(deep, 'other')), endpoint);
  });

  it('treats a live pid without an endpoint as starting, then as stale once the grace is over', async () => {
    const root = mkdtempSync(join(lab.folder(), 'claim-'));
    const paths = servicePaths(root);
    mkdirSync(paths.folder, { recursive: true });
    const claim = (startedAt: number) => JSON.stringify({ pid: process.pid, token: 't', startedAt, endpoint: join(paths.folder, 'control.sock'), host: 'daemon', stateDir: root });
    writeFileSync(paths.claimFile, claim(Date.now()));
    assert.equal((await probeService(root)).state, 'StartPending');
    writeFileSync(paths.claimFile, claim(Date.now() - 10 * 60_000));
    assert.equal((await probeService(root)).state, 'Stopped');
    assert.equal(readClaim(root), undefined, 'the stale claim is removed');
  });

  it('keeps an old claim whose endpoint accepts and hangs up (a live service at its connection limit)', { skip: process.platform === 'win32' }, async () => {
    const root = mkdtempSync(join(lab.folder(), 'claim-'));
    const paths = servicePaths(root);
    mkdirSync(paths.folder, { recursive: true });
    const endpoint = join(paths.folder, 'control.sock');
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(endpoint, resolve));
    try {
      writeFileSync(paths.claimFile, JSON.stringify({ pid: process.pid, token: 't', startedAt: Date.now() - 10 * 60_000, endpoint, host: 'daemon', stateDir: root }));
      assert.equal((await probeService(root)).state, 'Running');
      assert.equal(readClaim(root)?.token, 't', 'the live claim is kept');
      assert.ok(statSync(endpoint).isSocket(), 'its socket is kept');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('removes a stale claim but never a non-socket file its endpoint names', async () => {
    const root = mkdtempSync(join(lab.folder(), 'claim-'));
    const paths = servicePaths(root);
    mkdirSync(paths.folder, { recursive: true });
    const precious = join(root, 'precious.txt');
    writeFileSync(precious, 'keep me');
    writeFileSync(paths.claimFile, JSON.stringify({ pid: 2 ** 22 + 12345, token: 't', startedAt: 0, endpoint: precious, host: 'daemon', stateDir: root }));
    assert.equal((await probeService(root)).state, 'Stopped');
    assert.equal(readClaim(root), undefined, 'the stale claim is removed');
    assert.equal(readFileSync(precious, 'utf8'), 'keep me');
  });
});

describe('the control endpoint of a shell-run service', () => {
  it('is private to this user', { skip: process.platform === 'win32' }, async () => {
    const shell = await startedShell(mkdtempSync(join(lab.folder(), 'root-')));
    try {
      const endpoint = readClaim(shell.stateRoot)!.endpoint;
      assert.equal(statSync(endpoint).mode & 0o777, 0o600);
      assert.equal(statSync(dirname(endpoint)).mode & 0o777, 0o700);
      assert.equal(statSync(join(shell.stateRoot, 'transport', 'service.json')).mode & 0o777, 0o600);
    } finally {
      await shell.dispose();
    }
  });

  it('answers hostile input with errors and keeps serving', async () => {
    const shell = await startedShell(mkdtempSync(join(lab.folder(), 'root-')));
    try {
      const endpoint = readClaim(shell.stateRoot)!.endpoint;
      const garbled = await rawExchange(
        endpoint,
        'not json\n{"id":1,"verb":"constructor"}\n{"id":2,"verb":"__proto__"}\n{"id":3,"verb":"getMessages","args":{"queue":5}}\n{"id":4,"verb":"suspendMessage","args":{}}\n\u0000\u00ff\n{"id":5,"verb":"ping"}\n',
      );
      assert.equal(garbled.replies.length, 7);
      assert.deepEqual(garbled.replies[0], { id: null, ok: false, error: { name: 'ProtocolError', message: 'The control request is not valid JSON; send one JSON object per line.' } });
      assert.match(JSON.stringify(garbled.replies[1]), /"id":1,"ok":false.*Unknown control request 'constructor'/);
      assert.match(JSON.stringify(garbled.replies[2]), /"id":2,"ok":false.*Unknown control request '__proto__'/);
      assert.match(JSON.stringify(garbled.replies[3]), /"id":3,"ok":false.*needs a string 'queue'/);
      assert.match(JSON.stringify(garbled.replies[4]), /"id":4,"ok":false.*needs a string 'identity'/);
      assert.match(JSON.stringify(garbled.replies[5]), /"id":null,"ok":false.*ProtocolError/);
      assert.equal(garbled.replies[6]!.ok, true);
      assert.equal((garbled.replies[6]!.result as { pid: number }).pid, process.pid);

      const huge = await rawExchange(endpoint, Buffer.alloc(9 * 1024 * 1024, 0x41));
      if (huge.replies.length > 0) assert.match(JSON.stringify(huge.replies[0]), /longer than \d+ bytes/);
      else assert.ok(huge.error, 'the service hung up on the huge line');

      const info = (await controlRequest(endpoint, 'ping')) as { serverName: string };
      assert.equal(info.serverName, 'mail1');
      assert.deepEqual(await shell.values('(Get-Service MSExchangeTransport).Status'), ['Running']);
    } finally {
      await shell.dispose();
    }
  });

  it('runs one instance after two restarts requested at once', async () => {
    const shell = await startedShell(mkdtempSync(join(lab.folder(), 'root-')));
    try {
      const before = listeningServers();
      const owner = sessionOwner(shell.session)!;
      const old = owner.running!;
      await Promise.all([owner.restart(), owner.restart()]);
      assert.equal(old.service.status, 'Stopped');
      assert.equal(runningTransport(shell.session)!.service.status, 'Running');
      assert.equal(await serversSettledAt(before), before, 'no second instance left listening');
      assert.equal((await shell.run('Stop-Service MSExchangeTransport')).err, '');
      assert.equal(await serversSettledAt(before - 1), before - 1);
    } finally {
      await shell.dispose();
    }
  });

  it('lets a second shell on the state root see, restart and stop it', async () => {
    const root = mkdtempSync(join(lab.folder(), 'root-'));
    const first = await startedShell(root);
    const second = createShell({ stateRoot: root });
    try {
      const seen = await second.values('Get-Service MSExchangeTransport | ForEach-Object { $_.Status; $_.RunningIn; $_.Listeners.Count }');
      assert.deepEqual(seen, ['Running', `an emsh shell, process ${process.pid}`, 1]);
      assert.deepEqual(await second.values('(Get-Queue)[0].Identity'), ['mail1\\Submission']);
      const refused = await second.run('Start-Service MSExchangeTransport');
      assert.match(refused.err, /An instance of the service is already running \(an emsh shell, process \d+\)/);

      const before = runningTransport(first.session)!;
      assert.equal((await second.run('Restart-Service MSExchangeTransport')).err, '');
      const after = runningTransport(first.session)!;
      assert.notEqual(after, before, 'the first shell runs a new instance');
      assert.equal(before.service.status, 'Stopped');
      assert.equal(after.service.status, 'Running');

      assert.equal((await second.run('Stop-Service MSExchangeTransport')).err, '');
      assert.equal(runningTransport(first.session), undefined);
      assert.deepEqual(await first.values('(Get-Service MSExchangeTransport).Status'), ['Stopped']);
      assert.equal(readClaim(root), undefined);
    } finally {
      await second.dispose();
      await first.dispose();
    }
  });
});

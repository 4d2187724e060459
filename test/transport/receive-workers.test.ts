// Receive workers (src/transport/receive-worker-pool.ts): the service started from the store runs
// inbound sessions in node:cluster workers. These tests look at the processes themselves: which
// process holds an accepted connection (/proc), that mail relayed through a worker is queued and
// delivered by the owner, that counters and protocol log rows of worker sessions arrive, that
// domain-secure refusals still happen, that a dead worker is replaced and that stop leaves none.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { exchangeState } from '../../cmdlets/exchange/exchange-state.ts';
import { runTransport, type RunningTransport } from '../../cmdlets/exchange/transport-service/transport-runtime.ts';
import { parseCertificate } from '../../src/pki/certificate-info.ts';
import { SERVICES } from '../../src/store/certificate-records.ts';
import { CertificateStore } from '../../src/store/certificate-store.ts';
import { transportSettingsFromStore } from '../../src/transport/config-from-store.ts';
import { protocolLogDirectory } from '../../src/transport/protocol-log.ts';
import { incomingSpoolDirectory } from '../../src/transport/receive-worker-messages.ts';
import { createShell, type Shell } from '../helpers/run.ts';
import { labCertificates } from './helpers/certificates.ts';
import { startFakeSmtpServer, type FakeSmtpServer } from './helpers/fake-smtp-server.ts';
import { SmtpDialogue } from './helpers/smtp-dialogue.ts';
import { waitFor } from './helpers/wait.ts';

const workerEnv = { ...process.env, EMSH_RECEIVE_WORKERS: '2' };

/** Running (not gone, not a zombie waiting for a parent that does not reap). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Live receive workers whose parent is `ownerPid` (their environment names the worker config). */
function workerProcessesOf(ownerPid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === ownerPid && alive(pid) && readFileSync(`/proc/${pid}/environ`, 'latin1').includes('EMSH_RECEIVE_WORKER=');
      } catch {
        return false;
      }
    });
}

/** The process (among `pids`) holding the server side of the connection from local port `clientPort`. */
function processHoldingConnection(serverPort: number, clientPort: number, pids: number[]): number | undefined {
  const hex = (port: number): string => port.toString(16).toUpperCase().padStart(4, '0');
  let inode: string | undefined;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hex(serverPort)}`) && fields[2]?.endsWith(`:${hex(clientPort)}`)) inode = fields[9];
    }
  }
  if (!inode) return undefined;
  return pids.find((pid) => readdirSync(`/proc/${pid}/fd`).some((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
    } catch {
      return false;
    }
  }));
}

async function plainMessage(port: number, from: string, to: string, body: string): Promise<{ code: number; text: string }> {
  const dialogue = await SmtpDialogue.open(port);
  assert.equal((await dialogue.read())?.code, 220);
  assert.equal((await dialogue.send('EHLO relay.contoso.com')).code, 250);
  assert.equal((await dialogue.send(`MAIL FROM:<${from}>`)).code, 250);
  assert.equal((await dialogue.send(`RCPT TO:<${to}>`)).code, 250);
  assert.equal((await dialogue.send('DATA')).code, 354);
  const reply = await dialogue.send(`Subject: worker test\r\n\r\n${body}\r\n.`);
  await dialogue.send('QUIT');
  dialogue.close();
  return { code: reply.code, text: reply.text };
}

describe('receive workers of a service started from the store', () => {
  let shell: Shell;
  let running: RunningTransport;
  let relay: FakeSmtpServer;
  let port: number;

  before(async () => {
    relay = await startFakeSmtpServer();
    shell = createShell();
    for (const line of [
      'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0 -AuthMechanism ExternalAuthoritative -PermissionGroups ExchangeServers -ProtocolLoggingLevel Verbose',
      `Set-SendConnector Internet -DNSRoutingEnabled:$False -SmartHosts 127.0.0.1 -Port ${relay.port}`,
    ]) {
      const { err } = await shell.run(line);
      assert.equal(err, '', line);
    }
    running = await runTransport(exchangeState(shell.session), { durableWrites: false, env: workerEnv, retry: { intervalMs: 200 } });
    port = running.service.listeners[0]!.port;
  });

  after(async () => {
    await running?.stop();
    await relay?.close();
    await shell?.dispose();
  });

  it('runs two worker processes besides the owner', () => {
    const pids = running.service.receiveWorkerPids;
    assert.equal(pids.length, 2);
    assert.notEqual(pids[0], pids[1]);
    assert.ok(!pids.includes(process.pid));
    assert.ok(pids.every(alive));
  });

  it('serves one client at a time from worker 0 alone (the other stands by)', async () => {
    const [first] = running.service.receiveWorkerPids;
    for (let session = 0; session < 12; session++) {
      const dialogue = await SmtpDialogue.open(port);
      try {
        assert.equal((await dialogue.read())?.code, 220);
        assert.equal(processHoldingConnection(port, dialogue.localPort, running.service.receiveWorkerPids), first, `session ${session}`);
        await dialogue.send('QUIT');
      } finally {
        dialogue.close();
      }
    }
  });

  it('serves sessions in both workers once worker 0 is busy (the process holding each accepted connection)', async () => {
    const pids = running.service.receiveWorkerPids;
    const seen = new Set<number>();
    const open: SmtpDialogue[] = [];
    try {
      for (let attempt = 0; attempt < 200 && seen.size < 2; attempt++) {
        const dialogue = await SmtpDialogue.open(port);
        open.push(dialogue);
        assert.equal((await dialogue.read())?.code, 220);
        const holder = processHoldingConnection(port, dialogue.localPort, pids);
        assert.ok(holder !== undefined, 'a worker holds the accepted connection');
        seen.add(holder);
      }
    } finally {
      for (const dialogue of open) dialogue.close();
    }
    assert.deepEqual([...seen].sort(), [...pids].sort());
  });

  it('delivers local mail from a worker and has the owner queue and deliver relayed mail', async () => {
    const local = await plainMessage(port, 'ops@relay.contoso.com', 'administrator@contoso.com', 'to a mailbox');
    assert.equal(local.code, 250);
    assert.ok(running.service.listMailbox('administrator@contoso.com').length >= 1);
    const relayed = await plainMessage(port, 'ops@contoso.com', 'kim@fabrikam.com', 'relayed through a worker');
    assert.equal(relayed.code, 250);
    assert.match(relayed.text, /Queued mail for delivery/);
    await waitFor(() => relay.messages.some((message) => message.includes('relayed through a worker')), 10_000);
    await running.service.idle();
    assert.equal(running.service.getMessages().length, 0);
    const spool = join(running.service.settings.stateDir, 'queue', 'incoming');
    assert.deepEqual(readdirSync(spool), []);
  });

  it('writes the protocol log rows of sessions in both workers to the shared log folder', async () => {
    const pids = running.service.receiveWorkerPids;
    const directory = protocolLogDirectory(running.service.settings.stateDir, 'Receive');
    const rows = (): string[] =>
      readdirSync(directory).flatMap((name) => readFileSync(join(directory, name), 'utf8').split('\r\n').filter((row) => row && !row.startsWith('#') && !row.startsWith('\uFEFF')));
    // Every session id is its worker's slot modulo 2: both slots show up once both workers served.
    await waitFor(() => new Set(rows().map((row) => BigInt(`0x${row.split(',')[2]}`) % 2n)).size === 2, 10_000);
    for (const row of rows()) assert.equal(row.split(',').length >= 9, true, `a whole row: ${row}`);
    assert.equal(pids.length, 2);
  });

  it('replaces a worker that dies', async () => {
    const [victim, survivor] = running.service.receiveWorkerPids;
    process.kill(victim!, 'SIGKILL');
    await waitFor(() => running.service.receiveWorkerPids.length === 2 && !running.service.receiveWorkerPids.includes(victim!), 20_000);
    assert.ok(running.service.receiveWorkerPids.includes(survivor!));
    assert.equal((await plainMessage(port, 'ops@relay.contoso.com', 'administrator@contoso.com', 'after a replacement')).code, 250);
  });

  it('stops every worker when the service stops', async () => {
    const pids = running.service.receiveWorkerPids;
    assert.equal(pids.length, 2);
    await running.stop();
    assert.deepEqual(pids.filter(alive), []);
    assert.deepEqual(running.service.receiveWorkerPids, []);
  });
});

describe('domain security in receive workers', () => {
  const certificates = labCertificates();
  let shell: Shell;
  let running: RunningTransport;
  let port: number;
  const partner = { keyPem: certificates.woodgrove.keyPem, certPem: certificates.woodgrove.certPem };

  before(async () => {
    shell = createShell();
    for (const line of [
      'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      'Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com',
      'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0 -DomainSecureEnabled:$True -AuthMechanism TLS',
    ]) {
      const { err } = await shell.run(line);
      assert.equal(err, '', line);
    }
    const state = exchangeState(shell.session);
    const store = new CertificateStore(state, 'mail');
    const keyId = state.keys.saveKey(certificates.contoso.keyPem, { exportable: false });
    const { certificate } = store.importCertificate({ certificatePem: certificates.contoso.certPem, keyId, certificateDomains: ['mail.contoso.com'] });
    store.enableServices(certificate.thumbprint, SERVICES.SMTP, { makeDefaultSmtp: true });
    store.addTrustedRoot(certificates.caPem);
    store.importCrl({ issuer: parseCertificate(certificates.caPem).subject, crlPem: certificates.crlPem });
    running = await runTransport(state, { durableWrites: false, env: workerEnv });
    port = running.service.listeners[0]!.port;
  });

  after(async () => {
    await running?.stop();
    await shell?.dispose();
  });

  it('refuses a domain-secure sender without TLS in a worker', async () => {
    assert.equal(running.service.receiveWorkerPids.length, 2);
    const dialogue = await SmtpDialogue.open(port);
    assert.equal((await dialogue.read())?.code, 220);
    assert.equal((await dialogue.send('EHLO mail.woodgrovebank.com')).code, 250);
    assert.ok(processHoldingConnection(port, dialogue.localPort, running.service.receiveWorkerPids) !== undefined);
    const reply = await dialogue.send('MAIL FROM:<kim@woodgrovebank.com>');
    dialogue.close();
    assert.equal(reply.code, 530);
    assert.match(reply.text, /5\.7\.1 Not authenticated/);
  });

  it('counts partner mail accepted in the workers, shown at once when the owner collects the counters', async () => {
    const received = async (): Promise<number> =>
      (await running.service.collectCounters()).find((sample) => sample.counterName === 'Domain Secure Messages Received')!.value;
    const before = await received();
    for (let i = 0; i < 4; i++) {
      const dialogue = await SmtpDialogue.open(port);
      assert.equal((await dialogue.read())?.code, 220);
      assert.equal((await dialogue.send('EHLO mail.woodgrovebank.com')).code, 250);
      assert.equal((await dialogue.send('STARTTLS')).code, 220);
      await dialogue.startTls(partner);
      assert.equal((await dialogue.send('EHLO mail.woodgrovebank.com')).code, 250);
      assert.equal((await dialogue.send('MAIL FROM:<kim@woodgrovebank.com>')).code, 250);
      assert.equal((await dialogue.send('RCPT TO:<administrator@contoso.com>')).code, 250);
      assert.equal((await dialogue.send('DATA')).code, 354);
      assert.equal((await dialogue.send('Subject: partner\r\n\r\nhello\r\n.')).code, 250);
      dialogue.close();
    }
    // No waiting: a worker's increments are written to the counters file when the owner collects them.
    assert.equal(await received(), before + 4);
    const delivered = running.service.listMailbox('administrator@contoso.com').map((entry) => running.service.readMessage(entry.path));
    assert.equal(delivered.filter((message) => message.domainSecured).length, 4);
  });
});

describe('receive workers and the service cmdlets', () => {
  it('Start-Service runs two workers, Restart-Service replaces them and Stop-Service leaves none', async () => {
    const previous = process.env.EMSH_RECEIVE_WORKERS;
    process.env.EMSH_RECEIVE_WORKERS = '2';
    const shell = createShell();
    try {
      const setup = await shell.run(
        'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null; Set-ReceiveConnector Inet -Bindings 127.0.0.1:0',
      );
      assert.equal(setup.err, '');
      assert.equal((await shell.run('Start-Service MSExchangeTransport')).err, '');
      const first = workerProcessesOf(process.pid);
      assert.equal(first.length, 2);
      assert.deepEqual(await shell.values('@(Get-Service MSExchangeTransport).Count; (Get-Service MSExchangeTransport).Status'), [1, 'Running']);
      assert.equal((await shell.run('Restart-Service MSExchangeTransport')).err, '');
      const second = workerProcessesOf(process.pid);
      assert.equal(second.length, 2);
      assert.deepEqual(first.filter(alive), []);
      assert.equal((await shell.run('Stop-Service MSExchangeTransport')).err, '');
      assert.deepEqual(second.filter(alive), []);
      assert.deepEqual(workerProcessesOf(process.pid), []);
    } finally {
      await shell.run('Stop-Service MSExchangeTransport');
      await shell.dispose();
      if (previous === undefined) delete process.env.EMSH_RECEIVE_WORKERS;
      else process.env.EMSH_RECEIVE_WORKERS = previous;
    }
  });

  it('ends the workers when the owning process is killed', async () => {
    const stateRoot = mkdtempSync(join(tmpdir(), 'emsh-receive-owner-'));
    const owner = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/receive-worker-owner.ts', import.meta.url)), stateRoot], {
      env: { ...workerEnv, EMSH_HOME: stateRoot },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        owner.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
        owner.once('exit', (code) => reject(new Error(`the owner exited with ${code}`)));
      });
      const pids = JSON.parse(line) as number[];
      assert.equal(pids.length, 2);
      assert.deepEqual(workerProcessesOf(owner.pid!).sort(), [...pids].sort());
      owner.kill('SIGKILL');
      await waitFor(() => pids.every((pid) => !alive(pid)), 10_000, 'the workers to exit');
    } finally {
      owner.kill('SIGKILL');
      rmSync(stateRoot, { recursive: true, force: true });
    }
  });
});

describe('receive workers: connectors on port 0 and spool leftovers', () => {
  let shell: Shell;
  let running: RunningTransport | undefined;

  before(async () => {
    shell = createShell();
    for (const line of [
      'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0 -Banner "220 inet connector"',
      'New-ReceiveConnector Second -Bindings 127.0.0.1:0 -RemoteIPRanges 127.0.0.1 -Banner "220 second connector" | Out-Null',
    ]) {
      const { err } = await shell.run(line);
      assert.equal(err, '', line);
    }
  });

  after(async () => {
    await running?.stop();
    await shell?.dispose();
  });

  it('removes relayed mail a stopped worker left unacknowledged before the workers start', async () => {
    const state = exchangeState(shell.session);
    const stateDir = transportSettingsFromStore(state).stateDir;
    const leftover = join(incomingSpoolDirectory(stateDir), 'left-by-a-crash.eml');
    mkdirSync(dirname(leftover), { recursive: true });
    writeFileSync(leftover, 'Subject: never acknowledged\r\n\r\nx\r\n');
    running = await runTransport(state, { durableWrites: false, env: workerEnv });
    assert.equal(running.service.receiveWorkerPids.length, 2);
    assert.equal(existsSync(leftover), false);
  });

  it('gives two connectors bound to port 0 a port each, served by both workers with each one its own banner', async () => {
    const listeners = running!.service.listeners;
    assert.deepEqual(listeners.map((listener) => listener.connector).sort(), ['Inet', 'Second']);
    assert.notEqual(listeners[0]!.port, listeners[1]!.port);
    const pids = running!.service.receiveWorkerPids;
    for (const listener of listeners) {
      const holders = new Set<number>();
      // Sessions held open make worker 0 busy, so the other worker accepts too.
      const open: SmtpDialogue[] = [];
      try {
        for (let attempt = 0; attempt < 100 && holders.size < 2; attempt++) {
          const dialogue = await SmtpDialogue.open(listener.port);
          open.push(dialogue);
          const banner = await dialogue.read();
          assert.equal(banner?.lines[0], listener.connector === 'Inet' ? 'inet connector' : 'second connector');
          const holder = processHoldingConnection(listener.port, dialogue.localPort, pids);
          if (holder !== undefined) holders.add(holder);
        }
      } finally {
        for (const dialogue of open) dialogue.close();
      }
      assert.deepEqual([...holders].sort(), [...pids].sort(), `both workers accept on ${listener.connector}`);
    }
  });
});

// The transport service cmdlets in one organisation: settings built from the store, Get-Service and
// its errors, queue cmdlets without a service, local mail through Send-MailMessage, Get-Counter's
// shape, the lab DNS following a port-0 binding, and the service stopping with the session.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exchangeState } from '../../../../cmdlets/exchange/exchange-state.ts';
import { runningTransport } from '../../../../cmdlets/exchange/transport-service/session-transport.ts';
import { LabDnsRegistry } from '../../../../src/store/lab-dns.ts';
import { transportSettingsFromStore } from '../../../../src/transport/config-from-store.ts';
import { labFolderForTests } from './daemon-process.ts';
import { createShell, trimBlankLines, type Shell } from '../../../helpers/run.ts';

const lab = labFolderForTests('emsh-transport-cmdlets-');

async function contoso(): Promise<Shell> {
  const shell = createShell({ stateRoot: mkdtempSync(join(lab.folder(), 'root-')) });
  const setup = await shell.run(
    'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 | Out-Null; ' +
      'Set-ReceiveConnector Inet -Bindings 127.0.0.1:0; Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com; Set-SendConnector Internet -DomainSecureEnabled:$true',
  );
  assert.equal(setup.err, '');
  return shell;
}

describe('transport settings from the store', () => {
  it('maps the local Edge, its connectors, accepted domains and lists', async () => {
    const shell = await contoso();
    try {
      const settings = transportSettingsFromStore(exchangeState(shell.session));
      assert.equal(settings.serverName, 'mail1');
      assert.deepEqual(settings.acceptedDomains, ['contoso.com']);
      assert.deepEqual(settings.tlsSendDomainSecureList, ['woodgrovebank.com']);
      const inet = settings.receiveConnectors.find((c) => c.name === 'Inet')!;
      assert.deepEqual(inet.bindings, [{ address: '127.0.0.1', port: 0 }]);
      assert.equal(inet.enabled, true);
      assert.equal(inet.authMechanism.tls, true);
      assert.ok(settings.receiveConnectors.filter((c) => c.enabled).length === 1, "Setup's 0.0.0.0:25 connector is disabled in the lab");
      const internet = settings.sendConnectors.find((c) => c.name === 'Internet')!;
      assert.deepEqual(internet.addressSpaces, [{ domain: '*', cost: 1 }]);
      assert.equal(internet.fqdn, 'mail.contoso.com');
      assert.equal(internet.domainSecureEnabled, true);
      assert.equal(settings.certificate('mail1.contoso.com'), undefined, 'no certificate yet');
      const verdict = await settings.validatePeer([], 'woodgrovebank.com');
      assert.equal(verdict.status, 'EmptyCertificate');
    } finally {
      await shell.dispose();
    }
  });
});

describe('service cmdlets', () => {
  it('Get-Service: unknown names are errors; Start-Service runs the service until the session ends', async () => {
    const shell = await contoso();
    try {
      const missing = await shell.run('Get-Service Spooler');
      assert.match(missing.err, /Cannot find any service with service name 'Spooler'\./);
      const none = await shell.run('Get-Queue');
      assert.match(none.err, /isn't running on this state root/);
      const started = await shell.run('Start-Service MSExchangeTransport; Get-Service MSExchange*');
      assert.equal(started.err, '');
      assert.match(started.out, /Running\s+MSExchangeTrans\.\.\.\s+Microsoft Exchange Transport/);
      const running = runningTransport(shell.session)!;
      const port = running.service.listeners[0]!.port;
      assert.ok(port > 0);
      // The lab DNS follows the port-0 binding.
      assert.equal(LabDnsRegistry.forStateRoot(shell.stateRoot).resolve('contoso.com')?.port, port);
      await shell.dispose();
      assert.equal(running.service.status, 'Stopped', 'the session stopped its service');
    } finally {
      await shell.dispose();
    }
  });

  it('local mail, queues and counters', async () => {
    const shell = await contoso();
    try {
      const sent = await shell.run(
        'Start-Service MSExchangeTransport; Send-MailMessage -From admin@contoso.com -To kim@contoso.com,lee@contoso.com -Subject "Hello Kim" -Body "First message"',
      );
      assert.equal(sent.err, '');
      const mail = await shell.run('Get-LabMailboxMessage kim@contoso.com | Format-List From,Subject,DomainSecured,AuthDomain');
      assert.equal(trimBlankLines(mail.out), 'From          : admin@contoso.com\nSubject       : Hello Kim\nDomainSecured : False\nAuthDomain    :');
      const queues = await shell.run('Get-Queue');
      assert.match(queues.out, /Identity\s+DeliveryType\s+Status\s+MessageCount\s+NextHopDomain/);
      const counter = await shell.run("Get-Counter '\\MSExchange Secure Mail Transport(_total)\\Domain Secure Messages Received'");
      assert.match(counter.out, /Timestamp\s+CounterSamples/);
      assert.match(counter.out, /\\\\[^\\]+\\msexchange secure mail transport\(_total\)\\domain secure messages received :\s*\n\s*0/);
      const all = await shell.values("(Get-Counter).CounterSamples | ForEach-Object { $_.Path.Split('\\')[-1] }");
      assert.deepEqual(all, ['domain secure messages received', 'domain secure messages sent', 'domain secure outbound session failures']);
      const bad = await shell.run("Get-Counter '\\Processor(_total)\\% Processor Time'");
      assert.match(bad.err, /The specified object was not found on the computer\./);
    } finally {
      await shell.dispose();
    }
  });

  it('Send-MailMessage to a server that is not there is a non-terminating SmtpException', async () => {
    const shell = await contoso();
    try {
      const port = await new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (server.address() as net.AddressInfo).port;
          server.close(() => resolve(p));
        });
      });
      const result = await shell.run(`Send-MailMessage -SmtpServer 127.0.0.1 -Port ${port} -From a@contoso.com -To b@contoso.com -Subject x; "after: $?"`);
      assert.match(result.err, /^Send-MailMessage : Unable to connect to the remote server/);
      assert.match(result.out, /after: False/);
    } finally {
      await shell.dispose();
    }
  });
});

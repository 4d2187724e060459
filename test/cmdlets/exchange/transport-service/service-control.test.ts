// One transport service per state root, driven from another process: `emsh -Service` runs it, an
// in-process shell on the same root sees it Running, submits mail to it, works its queue, is
// refused a second service, stops it (the daemon exits 0, its socket and claim go), and a crashed
// daemon's leftovers never block the next start. swaks proves the daemon serves SMTP.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readClaim } from '../../../../src/transport/control/service-claim.ts';
import { runProgram } from '../../../transport/helpers/processes.ts';
import { startDaemon, waitFor, withLabShell } from './daemon-process.ts';
import { freePort } from '../../../helpers/free-port.ts';

function hasSwaks(): boolean {
  try {
    execFileSync('swaks', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the transport of a state root run by emsh -Service, driven from another shell', () => {
  it('shows Running, takes mail, exposes its queue, refuses a second service and stops on Stop-Service', async () => {
    await withLabShell('emsh-service-control-', async (lab, shell) => {
      const port = await freePort();
      const closed = await freePort();
      // fabrikam.com points at a closed port: its mail stays queued (Retry) in the daemon.
      const setup = await shell.run(
        `Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort ${port} | Out-Null; Set-LabDnsRecord -Domain fabrikam.com -Port ${closed} | Out-Null`,
      );
      assert.equal(setup.err, '');
      const stopped = await shell.values('(Get-Service MSExchangeTransport).Status');
      assert.deepEqual(stopped, ['Stopped']);

      const daemon = await startDaemon(lab);
      const pid = daemon.child.pid!;
      try {
        const service = await shell.values('Get-Service MSExchangeTransport | ForEach-Object { $_.Status; $_.ProcessId; $_.RunningIn }');
        assert.deepEqual(service, ['Running', pid, `emsh -Service, process ${pid}`]);

        const sent = await shell.run('Send-MailMessage -From admin@contoso.com -To bob@fabrikam.com -Subject "Held for fabrikam" -Body Hi');
        assert.equal(sent.err, '');
        await waitFor('the queue to wait for a retry', async () => (await shell.values('(Get-Queue fabrikam.com).Status')).includes('Retry'));
        const queue = await shell.values('Get-Queue fabrikam.com | ForEach-Object { $_.MessageCount; $_.Status; $_.NextRetryTime -is [datetime] }');
        assert.deepEqual(queue, [1, 'Retry', true]);
        const [identity] = await shell.values("(Get-Message -Queue fabrikam.com | Where-Object Subject -eq 'Held for fabrikam').Identity");
        assert.match(String(identity), /^mail1\\\d+\\\d+$/);

        assert.equal((await shell.run(`Suspend-Message '${identity}' -Confirm:$false`)).err, '');
        assert.deepEqual(await shell.values(`(Get-Message '${identity}').Status`), ['Suspended']);
        assert.equal((await shell.run(`Resume-Message '${identity}' -Confirm:$false`)).err, '');
        assert.deepEqual(await shell.values(`(Get-Message '${identity}').Status`), ['Retry']);
        const missing = await shell.run('Suspend-Message mail1\\99\\1 -Confirm:$false');
        assert.match(missing.err, /The operation couldn't be performed because 'mail1\\99\\1' couldn't be found\./);
        assert.match(missing.err, /ObjectNotFound/);
        assert.equal((await shell.run(`Remove-Message '${identity}' -WithNDR $false -Confirm:$false`)).err, '');
        assert.deepEqual(await shell.values('@(Get-Message -Queue fabrikam.com).Count'), [0]);

        const second = await shell.run('Start-Service MSExchangeTransport');
        assert.match(second.err, /Service 'Microsoft Exchange Transport \(MSExchangeTransport\)' cannot be started due to the following error: An instance of the service is already running \(emsh -Service, process \d+\)\./);
        assert.match(second.err, /CouldNotStartService,Microsoft\.PowerShell\.Commands\.StartServiceCommand/);

        if (hasSwaks()) {
          const swaks = await runProgram('swaks', ['--server', `127.0.0.1:${port}`, '--from', 'ann@fabrikam.com', '--to', 'kim@contoso.com', '--ehlo', 'mail.fabrikam.com', '--header', 'Subject: through the daemon', '--timeout', '15']);
          assert.equal(swaks.code, 0, swaks.stdout);
          assert.match(swaks.stdout, /<- {2}220 mail1\.contoso\.com Microsoft ESMTP MAIL Service ready/);
          assert.match(swaks.stdout, /<- {2}250 2\.6\.0 <[^>]+> Queued mail for delivery/);
          assert.deepEqual(await shell.values("(Get-LabMailboxMessage kim@contoso.com -Subject 'through the daemon').From"), ['ann@fabrikam.com']);
        }

        const endpoint = readClaim(lab.root)!.endpoint;
        assert.ok(existsSync(endpoint), 'the control socket exists while the daemon runs');
        const stop = await shell.run('Stop-Service MSExchangeTransport -PassThru | ForEach-Object Status');
        assert.equal(stop.err, '');
        assert.equal(stop.out.trim(), 'Stopped');
        assert.equal(await daemon.exited, 0, daemon.err);
        assert.match(daemon.out, /Stop requested over the control endpoint\.\nMSExchangeTransport stopped\./);
        assert.equal(existsSync(endpoint), false, 'the socket is removed');
        assert.equal(readClaim(lab.root), undefined, 'the claim is removed');
        const gone = await shell.run('Get-Queue');
        assert.match(gone.err, /the service isn't running on this state root/);
      } finally {
        daemon.child.kill('SIGKILL');
      }
    });
  });

  it('recovers the socket and claim a killed daemon left behind', async () => {
    await withLabShell('emsh-service-stale-', async (lab, shell) => {
      const port = await freePort();
      assert.equal((await shell.run(`Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort ${port} | Out-Null`)).err, '');
      const daemon = await startDaemon(lab);
      daemon.child.kill('SIGKILL');
      assert.notEqual(await daemon.exited, 0);
      const left = readClaim(lab.root)!;
      assert.equal(left.pid, daemon.child.pid);
      assert.ok(existsSync(left.endpoint), 'a killed daemon leaves its socket');

      assert.deepEqual(await shell.values('(Get-Service MSExchangeTransport).Status'), ['Stopped']);
      const started = await shell.run('Start-Service MSExchangeTransport; Get-Service MSExchangeTransport | ForEach-Object { $_.Status; $_.ProcessId }');
      assert.equal(started.err, '');
      assert.deepEqual(started.out.trim().split(/\s+/), ['Running', String(process.pid)]);
      assert.equal(readClaim(lab.root)?.pid, process.pid);
      assert.ok(existsSync(join(lab.root, 'transport', 'service.json')));
      assert.equal((await shell.run('Stop-Service MSExchangeTransport')).err, '');
      assert.equal(readClaim(lab.root), undefined);
    });
  });
});

// `emsh -Service`: the transport as a foreground daemon on a state root another shell configures;
// it follows configuration changes made in that other process without a restart (polled), logs
// them, and stops cleanly on SIGTERM (exit code 0, socket and claim removed).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readClaim } from '../../../../src/transport/control/service-claim.ts';
import { banner, startDaemon, waitFor, withLabShell } from './daemon-process.ts';
import { freePort } from '../../../helpers/free-port.ts';

describe('emsh -Service', () => {
  it('runs the transport in the foreground, reloads on configuration changes, stops on SIGTERM', async () => {
    await withLabShell('emsh-daemon-', async (lab, shell) => {
      const first = await freePort();
      const setup = await shell.run(`Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort ${first} -NoDnsRegistration | Out-Null`);
      assert.equal(setup.err, '');
      const daemon = await startDaemon(lab);
      try {
        assert.match(daemon.out, new RegExp(`listening on Inet 127\\.0\\.0\\.1:${first}; state root ${lab.root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; control `));
        assert.match(await banner(first), /^220 mail1\.contoso\.com Microsoft ESMTP MAIL Service ready/);
        const second = await freePort();
        const change = await shell.run(`Set-ReceiveConnector Inet -Bindings 127.0.0.1:${second}`);
        assert.equal(change.err, '');
        await waitFor('the new binding', async () => /^220 /.test(await banner(second)));
        await waitFor('the reload to be logged', () => daemon.out.includes(`configuration change applied; listening on Inet 127.0.0.1:${second}.`));
        const endpoint = readClaim(lab.root)!.endpoint;
        daemon.child.kill('SIGTERM');
        assert.equal(await daemon.exited, 0, daemon.err);
        assert.match(daemon.out, /Stopping MSExchangeTransport\.\.\.\nMSExchangeTransport stopped\./);
        assert.equal(existsSync(endpoint), false);
        assert.equal(readClaim(lab.root), undefined);
      } finally {
        daemon.child.kill('SIGKILL');
      }
    });
  });

  it('refuses to start a second service on the same state root', async () => {
    await withLabShell('emsh-daemon-twice-', async (lab, shell) => {
      const port = await freePort();
      assert.equal((await shell.run(`Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort ${port} -NoDnsRegistration | Out-Null; Start-Service MSExchangeTransport`)).err, '');
      // Asynchronously: the daemon asks this process's service over its endpoint before refusing.
      const second = spawn(process.execPath, ['bin/emsh.js', '-Service'], { env: lab.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      second.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      assert.equal(code, 1);
      assert.match(stderr, /cannot be started due to the following error: An instance of the service is already running \(an emsh shell, process \d+\)\./);
      assert.deepEqual(await shell.values('(Get-Service MSExchangeTransport).Status'), ['Running']);
    });
  });
});

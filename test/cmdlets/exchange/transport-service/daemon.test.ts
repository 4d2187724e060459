// `emsh -Service`: the transport as a foreground daemon on a state root another shell configures;
// it follows configuration changes without a restart and stops on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createShell } from '../../../helpers/run.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function banner(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
  });
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('emsh -Service', () => {
  it('runs the transport in the foreground, reloads on configuration changes, stops on SIGTERM', async () => {
    const base = mkdtempSync(join(tmpdir(), 'emsh-daemon-'));
    const root = join(base, 'contoso');
    const env = { ...process.env, EMSH_HOME: root, EMSH_LAB_REGISTRY: join(base, 'lab.json'), NO_INK: '1' };
    const shell = createShell({ stateRoot: root });
    try {
      const first = await freePort();
      const setup = await shell.run(`Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort ${first} | Out-Null`);
      assert.equal(setup.err, '');
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/host/main.ts', '-Service'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await waitFor('the daemon to listen', async () => out.includes(`127.0.0.1:${first}`));
        assert.match(await banner(first), /^220 mail1\.contoso\.com Microsoft ESMTP MAIL Service ready/);
        const second = await freePort();
        const change = await shell.run(`Set-ReceiveConnector Inet -Bindings 127.0.0.1:${second}`);
        assert.equal(change.err, '');
        await waitFor('the new binding', async () => /^220 /.test(await banner(second)));
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0, err);
      assert.match(out, /MSExchangeTransport stopped\./);
    } finally {
      await shell.dispose();
      rmSync(base, { recursive: true, force: true });
    }
  });
});

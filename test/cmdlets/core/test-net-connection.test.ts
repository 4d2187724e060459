// Test-NetConnection: a real TCP connect to a local server (5.1's list of the tests made), a closed
// port's warning and echo lines, lab names resolved through the lab DNS registry, -CommonTCPPort,
// -InformationLevel Quiet and a name nothing resolves.
import assert from 'node:assert/strict';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../helpers/free-port.ts';
import { createShell, trimBlankLines } from '../../helpers/run.ts';
import type { PSObject } from '../../../src/runtime/values.ts';

describe('Test-NetConnection', () => {
  const shell = createShell();
  const server = net.createServer((socket) => socket.end());
  let port = 0;
  let closedPort = 0;
  const savedRegistry = process.env.EMSH_LAB_REGISTRY;

  before(async () => {
    port = await freePort();
    closedPort = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    process.env.EMSH_LAB_REGISTRY = join(shell.stateRoot, 'lab-registry.json');
  });
  after(async () => {
    if (savedRegistry === undefined) delete process.env.EMSH_LAB_REGISTRY;
    else process.env.EMSH_LAB_REGISTRY = savedRegistry;
    await new Promise((resolve) => server.close(resolve));
    await shell.dispose();
  });

  it('connects to a listening port and shows 5.1’s list', async () => {
    const { out, err } = await shell.run(`Test-NetConnection -ComputerName 127.0.0.1 -Port ${port}`);
    assert.equal(err, '');
    assert.equal(
      trimBlankLines(out),
      [
        'ComputerName     : 127.0.0.1',
        'RemoteAddress    : 127.0.0.1',
        `RemotePort       : ${port}`,
        'InterfaceAlias   : Loopback Pseudo-Interface 1',
        'SourceAddress    : 127.0.0.1',
        'TcpTestSucceeded : True',
      ].join('\n'),
    );
    const detailed = await shell.run(`Test-NetConnection 127.0.0.1 -Port ${port} -InformationLevel Detailed`);
    assert.match(detailed.out, /RemotePort            : \d+\nNameResolutionResults : 127\.0\.0\.1\nInterfaceAlias/);
    assert.doesNotMatch(detailed.out, /Detailed/);
  });

  it('warns about a refused connect and shows the echo test it made instead', async () => {
    const { out, err } = await shell.run(`tnc 127.0.0.1 -Port ${closedPort}`);
    const all = out + err;
    assert.match(all, new RegExp(`WARNING: TCP connect to \\(127\\.0\\.0\\.1 : ${closedPort}\\) failed`));
    assert.match(out, /PingSucceeded          : True\nPingReplyDetails \(RTT\) : 0 ms\nTcpTestSucceeded       : False/);
    const [quiet] = await shell.values(`Test-NetConnection 127.0.0.1 -Port ${closedPort} -InformationLevel Quiet 3>$null`);
    assert.equal(quiet, false);
  });

  it('resolves a lab domain’s mail host through the lab DNS registry', async () => {
    await shell.run(`Set-LabDnsRecord -Domain woodgrovebank.com -Port ${port} | Out-Null`);
    const [result] = (await shell.values(`tnc mail.woodgrovebank.com -Port ${port}`)) as PSObject[];
    assert.equal(result.getProperty('ComputerName'), 'mail.woodgrovebank.com');
    assert.equal(result.getProperty('RemoteAddress'), '127.0.0.1');
    assert.equal(result.getProperty('TcpTestSucceeded'), true);
    assert.deepEqual(await shell.values(`Test-NetConnection woodgrovebank.com -Port ${port} -InformationLevel Quiet`), [true]);
  });

  it('-CommonTCPPort SMTP is port 25', async () => {
    const [result] = (await shell.values('Test-NetConnection 127.0.0.1 -CommonTCPPort smtp 3>$null')) as PSObject[];
    assert.equal(result.getProperty('RemotePort'), 25);
  });

  it('a name nothing resolves is a warning and a failed test', async () => {
    const { out, err } = await shell.run('Test-NetConnection no-such-host.invalid -Port 25');
    assert.match(out + err, /WARNING: Name resolution of no-such-host\.invalid failed/);
    assert.match(out, /ComputerName   : no-such-host\.invalid\nRemoteAddress  :\nInterfaceAlias :\nSourceAddress  :\nPingSucceeded  : False/);
  });
});

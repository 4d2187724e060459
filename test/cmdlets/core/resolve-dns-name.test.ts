// Resolve-DnsName: a lab domain's MX and A records (5.1's table), its mail host's and the lab
// computers' addresses, the hosts file for a system name, and a name that does not resolve.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createShell, trimBlankLines } from '../../helpers/run.ts';
import type { PSObject } from '../../../src/runtime/values.ts';

describe('Resolve-DnsName', () => {
  const shell = createShell();
  const savedRegistry = process.env.EMSH_LAB_REGISTRY;

  before(async () => {
    process.env.EMSH_LAB_REGISTRY = join(shell.stateRoot, 'lab-registry.json');
    await shell.run('Set-LabDnsRecord -Domain woodgrovebank.com -Port 2626 | Out-Null');
  });
  after(async () => {
    if (savedRegistry === undefined) delete process.env.EMSH_LAB_REGISTRY;
    else process.env.EMSH_LAB_REGISTRY = savedRegistry;
    await shell.dispose();
  });

  it('answers a lab domain’s MX record', async () => {
    const [mx] = (await shell.values('Resolve-DnsName woodgrovebank.com -Type mx')) as PSObject[];
    assert.equal(mx.typeNames[0], 'Microsoft.DnsClient.Commands.DnsRecord_MX');
    assert.equal(mx.getProperty('NameExchange'), 'mail.woodgrovebank.com');
    assert.equal(mx.getProperty('Preference'), 10);
    assert.equal(mx.getProperty('Section'), 'Answer');
  });

  it('shows A records in 5.1’s table and answers the mail host', async () => {
    const { out, err } = await shell.run('Resolve-DnsName mail.woodgrovebank.com');
    assert.equal(err, '');
    assert.equal(
      trimBlankLines(out),
      'Name                                           Type   TTL   Section    IPAddress\n' +
        '----                                           ----   ---   -------    ---------\n' +
        'mail.woodgrovebank.com                         A      3600  Answer     127.0.0.1',
    );
    assert.deepEqual(await shell.values('(Resolve-DnsName woodgrovebank.com -Type A).IP4Address'), ['127.0.0.1']);
  });

  it('asks the system for other names (localhost from the hosts file)', async () => {
    const addresses = await shell.values("Resolve-DnsName localhost | ForEach-Object IPAddress");
    assert.ok(addresses.includes('127.0.0.1') || addresses.includes('::1'), `got ${addresses.join(', ')}`);
  });

  it('a name that does not resolve is a non-terminating error', async () => {
    const { err } = await shell.run("Resolve-DnsName no-such-host.invalid; 'next'");
    assert.match(err, /no-such-host\.invalid : (DNS name does not exist|DNS server failure|This operation returned because the timeout period expired)/);
    assert.match(err, /(DNS_ERROR_RCODE_NAME_ERROR|DNS_ERROR_RCODE_SERVER_FAILURE|ERROR_TIMEOUT),Microsoft\.DnsClient\.Commands\.ResolveDnsName/);
  });
});

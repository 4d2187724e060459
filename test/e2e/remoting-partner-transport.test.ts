// Issue #7 end to end: Contoso's shell opens a PSSession to Woodgrove Bank's Edge (another lab
// organisation, its own state root) and starts and queries the partner's transport through it. What
// runs there must be the partner's (its connector FQDN, its port, its queues), even when the caller's
// environment names another server, and nothing done there may change the caller's environment.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../helpers/free-port.ts';
import { createShell, type Shell } from '../helpers/run.ts';
import { toPSString } from '../../src/runtime/to-string.ts';

function property(obj: unknown, name: string): unknown {
  return (obj as { getProperty(n: string): unknown }).getProperty(name);
}

describe('a PSSession to the partner organisation runs the partner\'s transport', () => {
  let base: string;
  let contoso: Shell;
  let contosoPort: number;
  let woodgrovePort: number;
  const saved = { registry: process.env.EMSH_LAB_REGISTRY, server: process.env.EMSH_SERVER, computer: process.env.COMPUTERNAME };

  async function run(code: string): Promise<string> {
    const { out, err } = await contoso.run(code);
    assert.equal(err, '', `${code}\n${err}`);
    return out;
  }

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'emsh-partner-'));
    process.env.EMSH_LAB_REGISTRY = join(base, 'lab-registry.json');
    delete process.env.COMPUTERNAME;
    contoso = createShell({ stateRoot: join(base, 'contoso') });
    contosoPort = await freePort();
    woodgrovePort = await freePort();
    await run(`Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com -ListenPort ${contosoPort} | Out-Null`);
    await run(`Initialize-LabOrganization -Name "Woodgrove Bank" -DomainName woodgrovebank.com -EdgeServer mail.woodgrovebank.com -ListenPort ${woodgrovePort} -Path '${join(base, 'woodgrove')}' | Out-Null`);
    // The caller is logged on to its second Edge: a setting of this shell, not of the partner's computer.
    await run('$env:EMSH_SERVER = "mail2"; $env:EMSH_CALLER_ONLY = "here"; $s = New-PSSession -ComputerName mail.woodgrovebank.com');
  });

  after(async () => {
    await contoso?.dispose();
    for (const [name, value] of [['EMSH_LAB_REGISTRY', saved.registry], ['EMSH_SERVER', saved.server], ['COMPUTERNAME', saved.computer]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    delete process.env.EMSH_CALLER_ONLY;
    rmSync(base, { recursive: true, force: true });
  });

  it('the session\'s environment is the partner computer\'s, a copy the caller never sees', async () => {
    const [home, computer, server, inherited] = await contoso.values('Invoke-Command -Session $s { $env:EMSH_HOME; $env:COMPUTERNAME; $null -eq $env:EMSH_SERVER; $env:EMSH_CALLER_ONLY }');
    assert.equal(home, join(base, 'woodgrove'));
    assert.equal(computer, 'MAIL');
    assert.equal(server, true, 'the caller\'s EMSH_SERVER (mail2) is not the partner\'s');
    assert.equal(inherited, 'here', 'the session starts from a copy of the caller\'s environment');
    await run('Invoke-Command -Session $s { $env:EMSH_REMOTE_ONLY = "there"; $env:EMSH_CALLER_ONLY = "changed there"; Remove-Item Env:EMSH_LAB_REGISTRY }');
    assert.deepEqual(await contoso.values('Invoke-Command -Session $s { $env:EMSH_REMOTE_ONLY; $null -eq $env:EMSH_LAB_REGISTRY; (Get-ChildItem Env:EMSH_REMOTE_ONLY).Value }'), ['there', true, 'there']);
    assert.equal(process.env.EMSH_REMOTE_ONLY, undefined);
    assert.equal(process.env.EMSH_CALLER_ONLY, 'here');
    assert.equal(process.env.EMSH_LAB_REGISTRY, join(base, 'lab-registry.json'));
    assert.equal(process.env.EMSH_HOME, contoso.stateRoot);
    assert.deepEqual(await contoso.values('$null -eq $env:EMSH_REMOTE_ONLY; $env:EMSH_SERVER; @(Get-ChildItem Env:EMSH_REMOTE_ONLY -ErrorAction SilentlyContinue).Count'), [true, 'mail2', 0]);
    await run(`Invoke-Command -Session $s { param($registry) $env:EMSH_LAB_REGISTRY = $registry } -ArgumentList '${join(base, 'lab-registry.json')}'`);
  });

  it('Start-Service, Get-Service, Get-ReceiveConnector and Get-Queue through the session act on the partner', async () => {
    await run('Invoke-Command -Session $s { Start-Service MSExchangeTransport }');
    const [service] = await contoso.values('Invoke-Command -Session $s { Get-Service MSExchangeTransport }');
    assert.equal(String(property(service, 'Status')), 'Running');
    assert.equal(property(service, 'PSComputerName'), 'mail.woodgrovebank.com');
    assert.deepEqual([...(property(service, 'Listeners') as unknown[])].map((b) => toPSString(b)), [`Inet 127.0.0.1:${woodgrovePort}`]);
    const [connector] = await contoso.values('Invoke-Command -Session $s { Get-ReceiveConnector Inet }');
    assert.equal(String(property(connector, 'Fqdn')), 'mail.woodgrovebank.com');
    assert.deepEqual([...(property(connector, 'Bindings') as unknown[])].map((b) => toPSString(b)), [`127.0.0.1:${woodgrovePort}`]);
    const queues = await contoso.values('Invoke-Command -Session $s { Get-Queue }');
    assert.ok(queues.length > 0, 'the partner\'s service answers Get-Queue');
    for (const queue of queues) assert.match(String(property(queue, 'Identity')), /^mail\\/);
    // The lab DNS registry sends woodgrovebank.com to the port the partner's service listens on.
    const [dns] = await contoso.values('Get-LabDnsRecord woodgrovebank.com');
    assert.equal(property(dns, 'Port'), woodgrovePort);
  });

  it('the caller\'s own transport, settings and environment are untouched', async () => {
    assert.deepEqual(await contoso.values('(Get-Service MSExchangeTransport).Status.ToString(); (Get-ReceiveConnector mail1\\Inet).Fqdn.ToString(); $env:EMSH_HOME'), [
      'Stopped',
      'mail1.contoso.com',
      contoso.stateRoot,
    ]);
    const { err } = await contoso.run('Get-Queue');
    assert.match(err, /isn't running on this state root/);
    assert.equal(process.env.EMSH_SERVER, 'mail2');
    await run('Invoke-Command -Session $s { Stop-Service MSExchangeTransport }; Remove-PSSession $s');
  });
});

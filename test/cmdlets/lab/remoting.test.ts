// Lab remoting: PSSessions to lab computers (other organisations' state roots), Invoke-Command,
// Enter-PSSession; the computers come from Initialize-LabOrganization (-Path for the partner).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promptText } from '../../../src/host/repl/prompt-text.ts';
import { runInteractiveText } from '../../../cmdlets/core/remoting/entered-session.ts';
import { createShell, type Shell } from '../../helpers/run.ts';
import { toPSString } from '../../../src/runtime/to-string.ts';

function property(obj: unknown, name: string): unknown {
  return (obj as { getProperty(n: string): unknown }).getProperty(name);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('lab remoting between Contoso and Woodgrove Bank', () => {
  let base: string;
  let contoso: Shell;
  const previousRegistry = process.env.EMSH_LAB_REGISTRY;

  async function run(code: string): Promise<string> {
    const { out, err } = await contoso.run(code);
    assert.equal(err, '', `${code}\n${err}`);
    return out;
  }

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'emsh-remoting-'));
    process.env.EMSH_LAB_REGISTRY = join(base, 'lab-registry.json');
    contoso = createShell({ stateRoot: join(base, 'contoso') });
    await run('Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com -ListenPort 2525 | Out-Null');
    await run(`Initialize-LabOrganization -Name "Woodgrove Bank" -DomainName woodgrovebank.com -EdgeServer mail.woodgrovebank.com -ListenPort 2625 -Path '${join(base, 'woodgrove')}' | Out-Null`);
  });

  after(async () => {
    await contoso?.dispose();
    if (previousRegistry === undefined) delete process.env.EMSH_LAB_REGISTRY;
    else process.env.EMSH_LAB_REGISTRY = previousRegistry;
    rmSync(base, { recursive: true, force: true });
  });

  it('Initialize-LabOrganization -Path builds the partner in its own state root, and refuses our own', async () => {
    assert.deepEqual(await contoso.values('(Get-AcceptedDomain).DomainName'), ['contoso.com']);
    const { err } = await contoso.run(`Initialize-LabOrganization -Name Other -DomainName other.com -EdgeServer mail.other.com -Path '${contoso.stateRoot}'`);
    assert.match(err, /is this shell's own state root/);
    assert.match(err, /LabPathIsCurrentStateRoot/);
    // A third organisation picks ports no other organisation's Edge uses (Contoso's mail2 has 2526).
    const [receive] = await contoso.values(`(Initialize-LabOrganization -Name Fabrikam -DomainName fabrikam.com -EdgeServer mail.fabrikam.com -Path '${join(base, 'fabrikam')}').ReceiveConnectors`);
    const port = Number(/:(\d+)\)$/.exec(String(receive))?.[1]);
    assert.ok(port >= 2525 && ![2525, 2526, 2625].includes(port), `port ${port}`);
  });

  it('New-PSSession returns a PSSession, shown as PowerShell shows it', async () => {
    const out = await run('$s = New-PSSession -ComputerName mail.woodgrovebank.com; $s');
    assert.match(out, / Id Name {12}ComputerName {4}ComputerType {4}State {9}ConfigurationName {7}Availability/);
    assert.match(out, / {2}1 WinRM1 {10}mail\.woodgro\.\.\. RemoteMachine {3}Opened {8}Microsoft\.PowerShell {7}Available/);
    const [s] = await contoso.values('Get-PSSession');
    assert.equal(property(s, 'ComputerName'), 'mail.woodgrovebank.com');
    assert.equal(property(s, 'State'), 'Opened');
    await run('Remove-PSSession $s');
    assert.deepEqual(await contoso.values('$s.State; $s.Availability; @(Get-PSSession).Count'), ['Closed', 'None', 0]);
  });

  it('Invoke-Command changes the partner\'s store, not ours, and its output carries PSComputerName', async () => {
    await run('Invoke-Command -ComputerName mail.woodgrovebank.com -ScriptBlock { param($domain) Set-TransportConfig -TLSSendDomainSecureList $domain } -ArgumentList contoso.com');
    const [config] = await contoso.values('Invoke-Command -ComputerName mail.woodgrovebank.com { Get-TransportConfig }');
    assert.deepEqual([...(property(config, 'TLSSendDomainSecureList') as string[])], ['contoso.com']);
    assert.equal(property(config, 'PSComputerName'), 'mail.woodgrovebank.com');
    assert.deepEqual(await contoso.values('@((Get-TransportConfig).TLSSendDomainSecureList).Count'), [0]);
    // Reading the partner's root directly: the change is on its disk.
    const woodgrove = createShell({ stateRoot: join(base, 'woodgrove') });
    try {
      assert.deepEqual(await woodgrove.values('(Get-TransportConfig).TLSSendDomainSecureList'), ['contoso.com']);
    } finally {
      await woodgrove.dispose();
    }
    process.env.EMSH_HOME = contoso.stateRoot;
  });

  it('a PSSession keeps its variables; the caller\'s variables stay here; $args and param() get -ArgumentList', async () => {
    await run('$s = New-PSSession -ComputerName mail.woodgrovebank.com; $mine = "local"');
    await run('Invoke-Command -Session $s { $kept = 42 }');
    assert.deepEqual(await contoso.values('Invoke-Command -Session $s { $kept; $null -eq $mine }'), [42, true]);
    assert.deepEqual(await contoso.values('Invoke-Command -ComputerName mail.woodgrovebank.com { $null -eq $kept }'), [true]);
    assert.deepEqual(await contoso.values('Invoke-Command -Session $s { param($a, $b) "$a-$b"; $args.Count } -ArgumentList x, y'), ['x-y', 2]);
    await run('Remove-PSSession $s');
  });

  it('remote errors come back as error records; -ErrorAction Stop makes them terminating', async () => {
    const { out, err } = await contoso.run('Invoke-Command -ComputerName mail.woodgrovebank.com { Get-Item c:\\nope; "after" }; "caller $?"');
    assert.match(err, /Cannot find path 'C:\\nope' because it does not exist\./);
    assert.match(err, /FullyQualifiedErrorId : PathNotFound,Microsoft\.PowerShell\.Commands\.GetItemCommand/);
    assert.match(out, /after\s+caller False/);
    const thrown = await contoso.run('Invoke-Command -ComputerName mail.woodgrovebank.com { throw "remote failure"; "not reached" }');
    assert.match(thrown.err, /remote failure/);
    assert.doesNotMatch(thrown.out, /not reached/);
    const caught = await contoso.values('try { Invoke-Command -ComputerName mail.woodgrovebank.com { Get-Item c:\\nope } -ErrorAction Stop; "no" } catch { "caught " + $_.FullyQualifiedErrorId }');
    assert.deepEqual(caught, ['caught PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand']);
  });

  it('an unknown computer fails as a WinRM connection does', async () => {
    const { err } = await contoso.run('New-PSSession -ComputerName nosuch.example.com');
    assert.match(err, /^New-PSSession : \[nosuch\.example\.com\] Connecting to remote server nosuch\.example\.com failed with the following error message : WinRM cannot process the request\./);
    assert.match(err, /Cannot find the computer nosuch\.example\.com\./);
    assert.match(err, /CategoryInfo {10}: OpenError: /);
    assert.match(err, /FullyQualifiedErrorId : NetworkPathNotFound,PSSessionOpenFailed/);
    const [id] = await contoso.values('New-PSSession -ComputerName nosuch -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; $Error[0].CategoryInfo.Category');
    assert.equal(id, 'NetworkPathNotFound,PSSessionOpenFailed');
    const invoke = await contoso.run('Invoke-Command -ComputerName nosuch { 1 }');
    assert.match(invoke.err, /FullyQualifiedErrorId : NetworkPathNotFound,PSSessionStateBroken/);
    assert.deepEqual(await contoso.values('@(Get-PSSession).Count'), [0]);
  });

  it('a session to another server of the organisation works on that server', async () => {
    const bindings = await contoso.values('Invoke-Command -ComputerName mail2.mail.contoso.com { (Get-ReceiveConnector Inet).Bindings }');
    assert.deepEqual(bindings.map((b) => toPSString(b)), ['127.0.0.1:2526']);
    assert.deepEqual((await contoso.values('(Get-ReceiveConnector Inet).Bindings')).map((b) => toPSString(b)), ['127.0.0.1:2525']);
  });

  it('Get-/Remove-PSSession -Id or -Name naming no session is an error, as in PowerShell (a wildcard is not)', async () => {
    const byId = await contoso.run('Remove-PSSession -Id 99');
    assert.match(byId.err, /^Remove-PSSession : The remote session with the session ID 99 is not available\./);
    assert.match(byId.err, /FullyQualifiedErrorId : RemoteRunspaceNotAvailableForSpecifiedSessionId,/);
    const byName = await contoso.run('Get-PSSession -Name Nope');
    assert.match(byName.err, /^Get-PSSession : The remote session with the name Nope {2}is not available\./);
    assert.match(byName.err, /RemoteRunspaceNotAvailableForSpecifiedName/);
    assert.equal((await contoso.run('Get-PSSession -Name Nope*; Remove-PSSession -ComputerName nowhere')).err, '');
  });

  it('Remove-PSSession stops the services the session started', async () => {
    await run('$s = New-PSSession -ComputerName mail.woodgrovebank.com');
    const [port] = await contoso.values('Invoke-Command -Session $s { Set-ReceiveConnector Inet -Bindings 127.0.0.1:0; Start-Service MSExchangeTransport; ((Get-Service MSExchangeTransport).Listeners[0] -split ":")[-1] }');
    assert.ok(await accepts(Number(port)), `the remote transport listens on ${port}`);
    assert.deepEqual(await contoso.values('(Get-Service MSExchangeTransport).Status'), ['Stopped']);
    await run('Remove-PSSession $s');
    assert.equal(await accepts(Number(port)), false, 'the listener is gone');
  });

  it('the end of the shell closes its sessions and stops their services', async () => {
    const shell = createShell({ stateRoot: join(base, 'contoso') });
    await shell.run('$s = New-PSSession -ComputerName mail.woodgrovebank.com');
    const [port] = await shell.values('Invoke-Command -Session $s { Start-Service MSExchangeTransport; ((Get-Service MSExchangeTransport).Listeners[0] -split ":")[-1] }');
    assert.ok(await accepts(Number(port)));
    await shell.dispose();
    process.env.EMSH_HOME = contoso.stateRoot;
    assert.equal(await accepts(Number(port)), false);
  });

  it('Enter-PSSession: the prompt names the computer, commands run there, Exit-PSSession and exit come back', async () => {
    const session = contoso.session;
    const items: unknown[] = [];
    const options = { out: (v: unknown) => void items.push(v), streams: { error() {}, warning() {}, verbose() {}, debug() {}, information() {}, progress() {} } };
    const local = await promptText(session);
    assert.match(local, /^PS .*> $/);
    await runInteractiveText(session, 'Enter-PSSession -ComputerName mail.woodgrovebank.com', options);
    assert.equal(await promptText(session), '[mail.woodgrovebank.com]: PS C:\\> ');
    await runInteractiveText(session, '(Get-AcceptedDomain).DomainName', options);
    assert.deepEqual(items, ['woodgrovebank.com']);
    await runInteractiveText(session, 'Exit-PSSession', options);
    assert.equal(await promptText(session), local);
    await runInteractiveText(session, 'Enter-PSSession mail.woodgrovebank.com', options);
    const result = await runInteractiveText(session, 'exit', options);
    assert.equal(result.exitCode, undefined, 'exit leaves the remote session, not the shell');
    assert.equal(await promptText(session), local);
  });
});

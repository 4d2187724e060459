// Remoting errors as Windows PowerShell writes them: FullyQualifiedErrorIds ending in
// Microsoft.PowerShell.Commands.<Name>Command, the closed-session and not-available texts, and the
// `+ PSComputerName` line of an error that comes back from a remote command.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../helpers/free-port.ts';
import { createShell, type Shell } from '../../helpers/run.ts';

describe('remoting errors', () => {
  let base: string;
  let shell: Shell;
  const previousRegistry = process.env.EMSH_LAB_REGISTRY;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'emsh-remoting-errors-'));
    process.env.EMSH_LAB_REGISTRY = join(base, 'lab-registry.json');
    shell = createShell({ stateRoot: join(base, 'contoso'), width: 200 });
    const { err } = await shell.run(
      `Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort ${await freePort()} | Out-Null\n` +
        `Initialize-LabOrganization -Name "Woodgrove Bank" -DomainName woodgrovebank.com -EdgeServer mail.woodgrovebank.com -ListenPort ${await freePort()} -Path '${join(base, 'woodgrove')}' | Out-Null`,
    );
    assert.equal(err, '');
  });

  after(async () => {
    await shell?.dispose();
    if (previousRegistry === undefined) delete process.env.EMSH_LAB_REGISTRY;
    else process.env.EMSH_LAB_REGISTRY = previousRegistry;
    rmSync(base, { recursive: true, force: true });
  });

  it('an error from a remote command names its computer on a + PSComputerName line', async () => {
    const { err } = await shell.run('Invoke-Command -ComputerName mail.woodgrovebank.com { Get-Item c:\\nope }');
    assert.match(err, /\+ FullyQualifiedErrorId : PathNotFound,Microsoft\.PowerShell\.Commands\.GetItemCommand\n {4}\+ PSComputerName {8}: mail\.woodgrovebank\.com\n/);
    const local = await shell.run('Get-Item c:\\nope');
    assert.doesNotMatch(local.err, /PSComputerName/);
  });

  it('Invoke-Command on a closed session: InvokeCommandCommandInvalidSessionState', async () => {
    const [id, category, reason] = await shell.values(
      '$s = New-PSSession mail.woodgrovebank.com; Remove-PSSession $s\n' +
        'Invoke-Command -Session $s { 1 } -ErrorAction SilentlyContinue\n' +
        '$Error[0].FullyQualifiedErrorId; $Error[0].CategoryInfo.Category.ToString(); $Error[0].CategoryInfo.Reason',
    );
    assert.equal(id, 'InvokeCommandCommandInvalidSessionState,Microsoft.PowerShell.Commands.InvokeCommandCommand');
    assert.equal(category, 'InvalidOperation');
    assert.equal(reason, 'InvalidRunspaceStateException');
    const { err } = await shell.run('Invoke-Command -Session $s { 1 }');
    assert.match(err, /^Invoke-Command : Because the session state for session WinRM\d+, [0-9a-f-]{36}, mail\.woodgrovebank\.com is not equal to Open, you cannot run a command {2}in the session\. {2}The session state is Closed\./);
  });

  it('Enter-PSSession: a session that is not there, or not open', async () => {
    const ids = await shell.values(
      'Enter-PSSession -Id 42 -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId\n' +
        'Enter-PSSession -Name nosuch -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId\n' +
        'Enter-PSSession -Session $s -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; $Error[0].Exception.Message',
    );
    assert.deepEqual(ids.slice(0, 3), [
      'RemoteRunspaceNotAvailableForSpecifiedSessionId,Microsoft.PowerShell.Commands.EnterPSSessionCommand',
      'RemoteRunspaceNotAvailableForSpecifiedName,Microsoft.PowerShell.Commands.EnterPSSessionCommand',
      'PushedRunspaceMustBeOpen,Microsoft.PowerShell.Commands.EnterPSSessionCommand',
    ]);
    assert.match(String(ids[3]), /^Cannot enter session WinRM\d+ because it is not in the disconnected state or is not available for connection\. Retrieve the remote session using Get-PSSession -ComputerName mail\.woodgrovebank\.com -InstanceId /);
    const { err } = await shell.run('Enter-PSSession -Id 42');
    assert.match(err, /^Enter-PSSession : The remote session with the session ID 42 is not available\./);
  });

  it('Get- and Remove-PSSession errors carry their command class', async () => {
    assert.deepEqual(await shell.values('Get-PSSession -Id 42 -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; Remove-PSSession -Name nosuch -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId'), [
      'RemoteRunspaceNotAvailableForSpecifiedSessionId,Microsoft.PowerShell.Commands.GetPSSessionCommand',
      'RemoteRunspaceNotAvailableForSpecifiedName,Microsoft.PowerShell.Commands.RemovePSSessionCommand',
    ]);
  });

  it('Format-List output of a remote block is printed as formatted text, not as objects with PSComputerName', async () => {
    const { out, err } = await shell.run('Invoke-Command -ComputerName mail.woodgrovebank.com { Get-AcceptedDomain | Format-List DomainName }');
    assert.equal(err, '');
    assert.match(out, /DomainName : woodgrovebank\.com/);
    assert.doesNotMatch(out, /PSComputerName/);
  });
});

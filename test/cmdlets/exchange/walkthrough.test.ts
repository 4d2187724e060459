// Steps 3 and 4 of the walkthrough and the logging commands of step 5, verbatim: in one script, and
// one command per emsh process on a shared state root. Inside the organisation they change the
// organisation, and EdgeSync carries the organisation-level settings to both Edge servers.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openState } from '../../../src/store/emsh-state.ts';
import type { EmshState } from '../../../src/store/emsh-state.ts';
import { getReceiveConnector } from '../../../src/store/receive-connectors.ts';
import { getSendConnector } from '../../../src/store/send-connectors.ts';
import { openServerContext } from '../../../src/store/server-context.ts';
import { getTransportConfig } from '../../../src/store/transport-config.ts';
import { emshProcess, exchangeShell, LAB, labShell, ok, WALKTHROUGH_COMMANDS } from './helpers.ts';

/** Everything steps 3 to 5 set, as each server's own copy holds it. */
function assertWalkthroughApplied(state: EmshState): void {
  for (const server of ['hub1', 'mail1', 'mail2']) {
    const ctx = openServerContext(state, server, {});
    const config = getTransportConfig(ctx);
    assert.deepEqual(config.TLSSendDomainSecureList, ['woodgrovebank.com'], `${server} TLSSendDomainSecureList`);
    assert.deepEqual(config.TLSReceiveDomainSecureList, ['woodgrovebank.com'], `${server} TLSReceiveDomainSecureList`);
    const internet = getSendConnector(ctx, 'Internet');
    assert.equal(internet.DomainSecureEnabled, true, `${server} Internet DomainSecureEnabled`);
    assert.equal(internet.ProtocolLoggingLevel, 'Verbose', `${server} Internet ProtocolLoggingLevel`);
    assert.equal(internet.DNSRoutingEnabled, true);
    assert.equal(internet.Fqdn, 'mail.contoso.com');
    assert.deepEqual(internet.AddressSpaces, ['SMTP:*;1']);
  }
  const mail1 = getReceiveConnector(openServerContext(state, 'mail1', {}), 'Inet');
  assert.equal(mail1.DomainSecureEnabled, true);
  assert.deepEqual(mail1.AuthMechanism, ['Tls'], '-AuthMechanism TLS replaces the set');
  assert.equal(mail1.ProtocolLoggingLevel, 'Verbose');
  assert.deepEqual(mail1.Bindings, ['127.0.0.1:2525']);
  // Receive connectors are per server: the command ran on the local Edge (mail1) only.
  const mail2 = getReceiveConnector(openServerContext(state, 'mail2', {}), 'mail2\\Inet');
  assert.equal(mail2.DomainSecureEnabled, false);
  assert.equal(mail2.ProtocolLoggingLevel, 'None');
}

describe('the walkthrough, steps 3 to 5', () => {
  it('runs verbatim in one script and reaches both Edge servers', async (t) => {
    const shell = await labShell(t);
    const out = await ok(shell, WALKTHROUGH_COMMANDS.join('\n'));
    assert.equal(out, '', 'the Set- commands write nothing');
    assertWalkthroughApplied(openState({ root: shell.stateRoot, env: {} }));
    // What the user sees afterwards.
    assert.equal(
      await ok(shell, 'Get-TransportConfig | Format-List TLS*'),
      '\nTLSReceiveDomainSecureList : {woodgrovebank.com}\nTLSSendDomainSecureList    : {woodgrovebank.com}\n\n\n',
    );
    assert.equal(
      await ok(shell, 'Get-ReceiveConnector Inet | Format-List Identity,DomainSecureEnabled,AuthMechanism,ProtocolLoggingLevel'),
      '\nIdentity             : mail1\\Inet\nDomainSecureEnabled  : True\nAuthMechanism        : Tls\nProtocolLoggingLevel : Verbose\n\n\n',
    );
    // Running step 4 on the second Edge, as the walkthrough says ("on every Edge server").
    await ok(shell, 'Set-ReceiveConnector mail2\\Inet -DomainSecureEnabled:$True -AuthMechanism TLS');
    const state = openState({ root: shell.stateRoot, env: {} });
    assert.equal(getReceiveConnector(openServerContext(state, 'mail2', {}), 'Inet').DomainSecureEnabled, true);
  });

  it('runs one command per emsh process on a shared state root', (t) => {
    const shell = exchangeShell(t);
    assert.ok(existsSync(join(process.cwd(), 'dist', 'emsh.js')), 'build the CLI first (node scripts/build.mjs)');
    const setup = emshProcess(shell.stateRoot, shell.registry, `${LAB} | Out-Null`);
    assert.equal(setup.err, '');
    assert.equal(setup.code, 0);
    for (const command of WALKTHROUGH_COMMANDS) {
      const result = emshProcess(shell.stateRoot, shell.registry, command);
      assert.equal(result.err, '', `${command}: ${result.err}`);
      assert.equal(result.out, '', command);
      assert.equal(result.code, 0, command);
    }
    assertWalkthroughApplied(openState({ root: shell.stateRoot, env: {} }));
    // A later process, "on" the second Edge, sees what EdgeSync gave it.
    const onMail2 = emshProcess(shell.stateRoot, shell.registry, 'Get-TransportConfig | Format-List TLSSendDomainSecureList; (Get-SendConnector Internet).DomainSecureEnabled', {
      EMSH_SERVER: 'mail2',
    });
    assert.equal(onMail2.err, '');
    assert.equal(onMail2.out, '\nTLSSendDomainSecureList : {woodgrovebank.com}\n\n\nTrue\n');
  });

  it('the walkthrough warning: a plain value replaces the whole list', async (t) => {
    const shell = await labShell(t);
    await ok(shell, WALKTHROUGH_COMMANDS.join('\n'));
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList fabrikam.com');
    assert.equal((await ok(shell, '(Get-TransportConfig).TLSSendDomainSecureList')).trim(), 'fabrikam.com', 'woodgrovebank.com is gone');
    await ok(shell, 'Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com,fabrikam.com');
    assert.equal((await ok(shell, '(Get-TransportConfig).TLSSendDomainSecureList -join ","')).trim(), 'woodgrovebank.com,fabrikam.com');
  });
});

// Step 5 of the walkthrough, end to end through the shell: Contoso and Woodgrove Bank, each in its
// own state root, configured with the seed's commands (Initialize-LabOrganization, the TLS lists,
// DomainSecureEnabled, Verbose protocol logging), their transport services started with
// Start-Service MSExchangeTransport, mail sent both ways with Send-MailMessage over mutual TLS,
// delivered Domain Secured, the counters moved and the protocol logs read back as CSV. Then
// Woodgrove's certificate is swapped for one with the wrong name: Contoso's mail stays queued and is
// never sent in clear.
//
// Certificates through the shell too: each organisation's lab CA (New-LabCertificateAuthority)
// issues its Edge certificate as a PFX (New-LabCertificate), imported and enabled for SMTP as in
// step 2 (Import-ExchangeCertificate | Enable-ExchangeCertificate -Services SMTP); each side trusts
// the partner's root (Import-Certificate -CertStoreLocation Cert:\LocalMachine\Root).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { transportOverrides } from '../../cmdlets/exchange/transport-service/transport-runtime.ts';
import { createShell, type Shell } from '../helpers/run.ts';
import { freePort } from '../helpers/free-port.ts';

const SEED = [
  'Set-TransportConfig -TLSSendDomainSecureList {partner}',
  'Set-SendConnector Internet -DomainSecureEnabled:$True',
  'Set-TransportConfig -TLSReceiveDomainSecureList {partner}',
  'Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS',
  'Set-ReceiveConnector Inet -ProtocolLoggingLevel Verbose',
  'Set-SendConnector Internet -ProtocolLoggingLevel Verbose',
];


async function run(shell: Shell, code: string): Promise<string> {
  const { out, err } = await shell.run(code);
  assert.equal(err, '', `${code}\n${err}`);
  return out;
}

async function values(shell: Shell, code: string): Promise<unknown[]> {
  return shell.values(code);
}

/** A lab CA certificate issued as a PFX, imported and enabled for SMTP (step 2 of the walkthrough). */
async function installCertificate(shell: Shell, pfx: string, subject: string, domains: string[] = []): Promise<void> {
  const names = domains.length > 0 ? ` -DomainName ${domains.join(',')}` : '';
  await run(shell, `New-LabCertificate -SubjectName "${subject}"${names} -Path '${pfx}' | Out-Null`);
  await run(shell, `Import-ExchangeCertificate -Path '${pfx}' | Enable-ExchangeCertificate -Services SMTP -Force`);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function property(obj: unknown, name: string): unknown {
  return (obj as { getProperty(n: string): unknown }).getProperty(name);
}

async function counter(shell: Shell, name: string): Promise<number> {
  const [set] = await values(shell, `Get-Counter '\\MSExchange Secure Mail Transport(_total)\\${name}'`);
  const samples = property(set, 'CounterSamples') as unknown[];
  return Number(property(samples[0], 'CookedValue'));
}

async function mailbox(shell: Shell, address: string): Promise<unknown[]> {
  return values(shell, `Get-LabMailboxMessage -Mailbox ${address}`);
}

/** Protocol log rows, read the way an administrator does: the #Fields line as the CSV header. */
async function logRows(shell: Shell, kind: 'SmtpSend' | 'SmtpReceive'): Promise<Record<string, string>[]> {
  const folder = join(shell.stateRoot, 'TransportRoles', 'Logs', 'ProtocolLog', kind);
  const code =
    `$lines = Get-ChildItem '${folder}' | ForEach-Object { Get-Content $_.FullName }; ` +
    `$header = (($lines | Where-Object { $_ -like '#Fields:*' } | Select-Object -First 1) -replace '^#Fields: ', '') -split ','; ` +
    `$lines | Where-Object { $_ -notlike '#*' } | ConvertFrom-Csv -Header $header`;
  const rows = await values(shell, code);
  return rows.map((row) => Object.fromEntries(['date-time', 'connector-id', 'session-id', 'event', 'data', 'context'].map((k) => [k, String(property(row, k) ?? '')])));
}

describe('walkthrough step 5: Contoso and Woodgrove Bank exchange Domain Secured mail', () => {
  let base: string;
  let contoso: Shell;
  let woodgrove: Shell;
  const previousRegistry = process.env.EMSH_LAB_REGISTRY;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'emsh-mailflow-'));
    process.env.EMSH_LAB_REGISTRY = join(base, 'lab-dns.json');
    transportOverrides.current = { retry: { intervalMs: 300 }, durableWrites: false };
    contoso = createShell({ stateRoot: mkdtempSync(join(base, 'contoso-')) });
    woodgrove = createShell({ stateRoot: mkdtempSync(join(base, 'woodgrove-')) });
    const orgs: [Shell, string, string, string][] = [
      [contoso, 'Contoso', 'contoso.com', 'mail1.contoso.com'],
      [woodgrove, '"Woodgrove Bank"', 'woodgrovebank.com', 'mail.woodgrovebank.com'],
    ];
    for (const [shell, name, domain, edge] of orgs) {
      const partner = domain === 'contoso.com' ? 'woodgrovebank.com' : 'contoso.com';
      await run(shell, `Initialize-LabOrganization -Name ${name} -DomainName ${domain} -EdgeServer ${edge} -ListenPort ${await freePort()} | Out-Null`);
      for (const line of SEED) await run(shell, line.replace('{partner}', partner));
    }
    await run(contoso, `New-LabCertificateAuthority -Name ContosoRoot -CertificatePath '${join(base, 'contoso-root.cer')}' | Out-Null`);
    await run(woodgrove, `New-LabCertificateAuthority -Name WoodgroveRoot -CertificatePath '${join(base, 'woodgrove-root.cer')}' | Out-Null`);
    await installCertificate(contoso, join(base, 'contoso.pfx'), 'DC=com,DC=Contoso,CN=mail1.contoso.com', ['mail.contoso.com']);
    await installCertificate(woodgrove, join(base, 'woodgrove.pfx'), 'CN=mail.woodgrovebank.com');
    await run(contoso, `Import-Certificate -FilePath '${join(base, 'woodgrove-root.cer')}' -CertStoreLocation Cert:\\LocalMachine\\Root | Out-Null`);
    await run(woodgrove, `Import-Certificate -FilePath '${join(base, 'contoso-root.cer')}' -CertStoreLocation Cert:\\LocalMachine\\Root | Out-Null`);
    await run(contoso, 'Start-Service MSExchangeTransport');
    await run(woodgrove, 'Start-Service MSExchangeTransport');
  });

  after(async () => {
    await contoso?.dispose();
    await woodgrove?.dispose();
    transportOverrides.current = {};
    if (previousRegistry === undefined) delete process.env.EMSH_LAB_REGISTRY;
    else process.env.EMSH_LAB_REGISTRY = previousRegistry;
    rmSync(base, { recursive: true, force: true });
  });

  it('Get-Service shows both services running', async () => {
    for (const shell of [contoso, woodgrove]) {
      const out = await run(shell, 'Get-Service MSExchangeTransport');
      assert.match(out, /Running\s+MSExchangeTrans\S*\s+Microsoft Exchange Transport/);
    }
  });

  it('Contoso to Woodgrove: delivered Domain Secured, counters moved', async () => {
    await run(contoso, 'Send-MailMessage -From kim@contoso.com -To ted@woodgrovebank.com -Subject "Contoso to Woodgrove" -Body "Over mutual TLS"');
    const [mail] = await waitFor('mail at Woodgrove', async () => {
      const found = await mailbox(woodgrove, 'ted@woodgrovebank.com');
      return found.length > 0 ? found : undefined;
    }).catch(async (e) => {
      throw new Error(`${e.message}\n${await run(contoso, 'Get-Queue | Format-List')}`);
    });
    assert.equal(property(mail, 'Subject'), 'Contoso to Woodgrove');
    assert.equal(property(mail, 'DomainSecured'), true);
    assert.equal(property(mail, 'AuthDomain'), 'contoso.com');
    assert.ok((property(mail, 'Headers') as string[]).some((h) => /^X-MS-Exchange-Organization-AuthAs: Partner$/i.test(h)));
    await waitFor('Sent counter', async () => ((await counter(contoso, 'Domain Secure Messages Sent')) === 1 ? true : undefined));
    assert.equal(await counter(woodgrove, 'Domain Secure Messages Received'), 1);
    const queue = await run(contoso, 'Get-Queue');
    assert.match(queue, /Identity\s+DeliveryType\s+Status\s+MessageCount\s+NextHopDomain/);
    assert.match(queue, /mail1\\Submission\s+Undefined\s+Ready\s+0\s+Submission/);
  });

  it('Woodgrove to Contoso: delivered Domain Secured', async () => {
    await run(woodgrove, 'Send-MailMessage -From ted@woodgrovebank.com -To kim@contoso.com -Subject "Woodgrove to Contoso" -Body "Reply"');
    const [mail] = await waitFor('mail at Contoso', async () => {
      const found = await mailbox(contoso, 'kim@contoso.com');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(property(mail, 'DomainSecured'), true);
    assert.equal(property(mail, 'AuthDomain'), 'woodgrovebank.com');
    await waitFor('Sent counter', async () => ((await counter(woodgrove, 'Domain Secure Messages Sent')) === 1 ? true : undefined));
    assert.equal(await counter(contoso, 'Domain Secure Messages Received'), 1);
    const table = await run(contoso, 'Get-LabMailboxMessage -Mailbox kim@contoso.com | Format-Table Subject,DomainSecured,AuthDomain -AutoSize');
    assert.match(table, /Woodgrove to Contoso\s+True\s+woodgrovebank\.com/);
  });

  it('the protocol logs show STARTTLS, both certificates and the second EHLO', async () => {
    await new Promise((r) => setTimeout(r, 300));
    for (const [shell, kind] of [
      [contoso, 'SmtpSend'],
      [woodgrove, 'SmtpReceive'],
    ] as const) {
      const rows = await waitFor(`${kind} log`, async () => {
        const found = await logRows(shell, kind).catch(() => []);
        return found.some((r) => /STARTTLS/i.test(r.data)) && found.some((r) => /Received certificate/i.test(r.context)) ? found : undefined;
      });
      assert.ok(rows.some((r) => r.event === '+'), 'a connect row');
      assert.ok(rows.some((r) => /Sending certificate/i.test(r.context)), 'our certificate');
      assert.ok(rows.some((r) => /Received certificate/i.test(r.context)), 'the peer certificate');
      const sessions = new Map<string, number>();
      for (const r of rows) if (/^EHLO /i.test(r.data)) sessions.set(r['session-id'], (sessions.get(r['session-id']) ?? 0) + 1);
      assert.ok([...sessions.values()].some((n) => n >= 2), `a second EHLO after STARTTLS in ${kind}`);
    }
    // Import-Csv itself, with the #Fields header given and the # lines dropped.
    const folder = join(contoso.stateRoot, 'TransportRoles', 'Logs', 'ProtocolLog', 'SmtpSend');
    const events = await values(
      contoso,
      `$file = Get-ChildItem '${folder}' | Select-Object -First 1; ` +
        `$fields = ((Get-Content $file.FullName | Where-Object { $_ -like '#Fields:*' }) -replace '^#Fields: ', '') -split ','; ` +
        `Import-Csv -Path $file.FullName -Header $fields | Where-Object { $_.'date-time' -notlike '#*' } | ForEach-Object { $_.event }`,
    );
    assert.ok(events.length > 0 && events.every((e) => ['+', '-', '>', '<', '*'].includes(String(e))), `events: ${events.join(' ')}`);
  });

  it('a wrong-name certificate at Woodgrove: the mail stays queued and is never sent in clear', async () => {
    await run(woodgrove, '$old = Get-ExchangeCertificate');
    await installCertificate(woodgrove, join(base, 'wrong-name.pfx'), 'CN=mail.fabrikam.com');
    await run(woodgrove, '$old | Remove-ExchangeCertificate -Confirm:$false');
    assert.match(await run(woodgrove, 'Get-ExchangeCertificate | Format-List Subject,Services'), /CN=mail\.fabrikam\.com[\s\S]*SMTP/);
    const sendRowsBefore = (await logRows(contoso, 'SmtpSend')).filter((r) => /^MAIL FROM/i.test(r.data)).length;
    const failuresBefore = await counter(contoso, 'Domain Secure Outbound Session Failures');

    await run(contoso, 'Send-MailMessage -From kim@contoso.com -To ted@woodgrovebank.com -Subject "Should stay queued" -Body "secret"');
    await waitFor('outbound session failures', async () => ((await counter(contoso, 'Domain Secure Outbound Session Failures')) >= failuresBefore + 2 ? true : undefined));
    const [queue] = await values(contoso, "Get-Queue -Identity woodgrovebank.com");
    assert.equal(property(queue, 'MessageCount'), 1);
    assert.match(String(property(queue, 'Status')), /^(Retry|Active)$/, 'retrying on its schedule');
    assert.match(String(property(queue, 'LastError')), /4\.7\.5|certificate/i);
    const [message] = await values(contoso, 'Get-Message -Queue woodgrovebank.com');
    assert.equal(property(message, 'Subject'), 'Should stay queued');
    assert.equal((await mailbox(woodgrove, 'ted@woodgrovebank.com')).length, 1, 'nothing new delivered');
    const sendRowsAfter = (await logRows(contoso, 'SmtpSend')).filter((r) => /^MAIL FROM/i.test(r.data)).length;
    assert.equal(sendRowsAfter, sendRowsBefore, 'no MAIL FROM after the failed handshake: never sent in clear');
    const received = readdirSync(join(woodgrove.stateRoot, 'TransportRoles', 'Logs', 'ProtocolLog', 'SmtpReceive'))
      .map((f) => readFileSync(join(woodgrove.stateRoot, 'TransportRoles', 'Logs', 'ProtocolLog', 'SmtpReceive', f), 'utf8'))
      .join('');
    assert.doesNotMatch(received, /Should stay queued|secret/);

    // Remove-Message cleans up the queue (without an NDR).
    const id = String(property(message, 'Identity'));
    await run(contoso, `Remove-Message -Identity '${id}' -WithNDR:$false -Confirm:$false`);
    assert.equal((await values(contoso, 'Get-Message -Queue woodgrovebank.com')).length, 0);
  });
});

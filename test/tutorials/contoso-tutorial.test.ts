// `npm run tutorial` end to end: scripts/tutorial.mjs runs tutorials/contoso.ps1 with the built
// command line in a fresh lab folder, non-interactively (CI=true), and the story it prints is the
// walkthrough's: every command echoed verbatim, mail Domain Secured both ways, the counters moved,
// and the wrong-name certificate keeping Contoso's mail queued with 4.7.5.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WALKTHROUGH_COMMANDS } from '../cmdlets/exchange/helpers.ts';

const COMMANDS = [
  'New-ExchangeCertificate -GenerateRequest -FriendlyName "Internet certificate" -Path c:\\certificates\\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com"  -DomainName mail.contoso.com',
  'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx | Enable-ExchangeCertificate -Services SMTP',
  'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx',
  'Get-ExchangeCertificate |FL',
  ...WALKTHROUGH_COMMANDS,
];

describe('npm run tutorial (scripts/tutorial.mjs, tutorials/contoso.ps1)', () => {
  let lab: string;
  let result: ReturnType<typeof spawnSync>;
  let out: string;

  before(() => {
    lab = mkdtempSync(join(tmpdir(), 'emsh-tutorial-test-'));
    result = spawnSync(process.execPath, ['scripts/tutorial.mjs'], {
      env: { ...process.env, CI: 'true', EMSH_TUTORIAL_HOME: lab, EMSH_HOME: '', EMSH_LAB_REGISTRY: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    out = String(result.stdout);
  });

  after(() => rmSync(lab, { recursive: true, force: true }));

  it('finishes with exit code 0 and nothing on standard error', () => {
    assert.equal(result.status, 0, `${out}\n${result.stderr}`);
    assert.equal(String(result.stderr), '');
    assert.doesNotMatch(out, /Press Enter to continue/, 'no pauses when CI=true');
  });

  it('echoes every walkthrough command verbatim, and the Enable-ExchangeCertificate of the real thumbprint', () => {
    for (const command of COMMANDS) assert.ok(out.includes(`PS C:\\> ${command}\n`) || out.includes(`{ ${command} }`), command);
    const thumbprint = /Its Thumbprint is ([0-9A-F]{40})\./.exec(out)?.[1];
    assert.ok(thumbprint, 'the thumbprint is named');
    assert.ok(out.includes(`PS C:\\> Enable-ExchangeCertificate -Thumbprint ${thumbprint} -Services SMTP\n`));
    assert.match(out, new RegExp(`${thumbprint}  \\.\\.\\.\\.S {6}CN=mail1\\.contoso\\.com`), 'enabled for SMTP');
  });

  it('Woodgrove Bank is configured through lab remoting', () => {
    assert.ok(out.includes('PS C:\\> $woodgrove = New-PSSession -ComputerName mail.woodgrovebank.com\n'));
    assert.match(out, /TLSSendDomainSecureList {4}: \{contoso\.com\}\nTLSReceiveDomainSecureList : \{contoso\.com\}\nPSComputerName {13}: mail\.woodgrovebank\.com/);
  });

  it('mail travels Domain Secured both ways and the counters moved', () => {
    assert.match(out, /Contoso to Woodgrove kim@contoso\.com +True contoso\.com/);
    assert.match(out, /Woodgrove to Contoso ted@woodgrovebank\.com +True woodgrovebank\.com/);
    assert.match(out, /domain secure messages sent :\n +1\n/);
    assert.match(out, /domain secure messages received :\n +1\n/);
    assert.match(out, /> +STARTTLS/, 'the send protocol log shows STARTTLS');
    assert.match(out, /Received\s+certificate/);
  });

  it('with the wrong-name certificate the mail stays queued with 4.7.5, never delivered', () => {
    assert.match(out, /mail1\\1 +DnsConnectorDelivery Retry +1 +woodgrovebank\.com/);
    assert.match(out, /LastError +: 454 4\.7\.5 /);
    assert.match(out, /Subject +: Should stay queued/);
    assert.match(out, /domain secure outbound session failures :\n +[1-9]/);
    const after = out.slice(out.indexOf('Woodgrove Bank received nothing new'));
    assert.doesNotMatch(after.slice(0, after.indexOf('Cleaning up')), /Should stay queued/);
  });

  it('cleans up: both services stopped and the session removed', () => {
    for (const line of ['PS C:\\> Stop-Service MSExchangeTransport', 'PS C:\\> Invoke-Command -Session $woodgrove { Stop-Service MSExchangeTransport }', 'PS C:\\> Remove-PSSession $woodgrove']) {
      assert.ok(out.includes(line), line);
    }
  });
});

describe('a failing tutorial step', () => {
  it('ends the tutorial with a non-zero exit code and the error', () => {
    const lab = mkdtempSync(join(tmpdir(), 'emsh-tutorial-fail-'));
    try {
      // Woodgrove Bank's state root pointed at Contoso's own: Initialize-LabOrganization -Path refuses it.
      const contoso = join(lab, 'contoso');
      const run = spawnSync(process.execPath, ['bin/emsh.js', '-NoProfile', '-File', 'tutorials/contoso.ps1', '-WoodgroveRoot', contoso], {
        env: { ...process.env, CI: 'true', EMSH_HOME: contoso, EMSH_LAB_REGISTRY: join(lab, 'lab-registry.json') },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /LabPathIsCurrentStateRoot/);
      assert.doesNotMatch(run.stdout, /Step 1: generate a certificate request/);
    } finally {
      rmSync(lab, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonPrefix, complete } from '../../src/completion/complete.ts';
import { completionSession } from './fixtures.ts';

const { session } = completionSession();

async function texts(input: string, cursor = input.length): Promise<string[]> {
  return (await complete(session, input, cursor)).items.map((i) => i.text);
}

describe('command names', () => {
  it('completes a cmdlet by prefix, case-insensitively', async () => {
    assert.deepEqual(await texts('get-exchangecert'), ['Get-ExchangeCertificate']);
  });
  it('lists every match in order, for cycling', async () => {
    assert.deepEqual(await texts('Get-'), ['Get-ExchangeCertificate', 'Get-Item']);
  });
  it('completes aliases and wildcards', async () => {
    assert.deepEqual(await texts('g'), ['Get-ExchangeCertificate', 'Get-Item', 'gi']);
    assert.deepEqual(await texts('*Exchange*'), ['Enable-ExchangeCertificate', 'Get-ExchangeCertificate']);
  });
  it('completes commands after a pipe, inside a script block and a subexpression', async () => {
    assert.deepEqual(await texts('1 | Set-Rec'), ['Set-ReceiveConnector']);
    assert.deepEqual(await texts('if ($true) { Enable-Ex'), ['Enable-ExchangeCertificate']);
    assert.deepEqual(await texts('$x = (Get-Exch'), ['Get-ExchangeCertificate']);
    assert.deepEqual(await texts('$x = Get-Exch'), ['Get-ExchangeCertificate']);
  });
  it('completes functions the user defined', async () => {
    session.globalScope.functions.set('get-contosoreport', { name: 'Get-ContosoReport', scriptBlock: {}, isFilter: false, options: new Set() });
    assert.deepEqual(await texts('Get-Contoso'), ['Get-ContosoReport']);
    session.globalScope.functions.delete('get-contosoreport');
  });
  it('replaces only the word at the cursor', async () => {
    const r = await complete(session, 'Get-Item c:\\; Get-Exch', 22);
    assert.equal(r.start, 14);
    assert.equal(r.end, 22);
  });
  it('completes nothing inside a comment', async () => {
    assert.deepEqual(await texts('# Get-'), []);
  });
});

describe('parameter names', () => {
  it('completes -DomainS to -DomainSecureEnabled', async () => {
    assert.deepEqual(await texts('Set-ReceiveConnector -DomainS'), ['-DomainSecureEnabled']);
  });
  it('lists declared parameters first, then the common ones', async () => {
    const all = await texts('Set-ReceiveConnector -');
    assert.deepEqual(all.slice(0, 5), ['-Identity', '-AuthMechanism', '-DomainSecureEnabled', '-DomainController', '-ProtocolLoggingLevel']);
    assert.ok(all.includes('-ErrorAction'));
    assert.ok(!all.includes('-WhatIf'), 'WhatIf only with SupportsShouldProcess');
    assert.ok((await texts('Enable-ExchangeCertificate -')).includes('-WhatIf'));
  });
  it('leaves out parameters already given', async () => {
    assert.deepEqual(await texts('Set-ReceiveConnector -DomainSecureEnabled $true -Domain'), ['-DomainController']);
  });
  it('works through an alias', async () => {
    assert.deepEqual(await texts('gi -Pa'), ['-Path']);
  });
});

describe('parameter values', () => {
  it('completes enum values: -Services S → SMTP', async () => {
    assert.deepEqual(await texts('Enable-ExchangeCertificate -Services S'), ['SMTP']);
  });
  it('completes after a comma in a flags value', async () => {
    assert.deepEqual(await texts('Enable-ExchangeCertificate -Services SMTP,I'), ['SMTP,IIS', 'SMTP,IMAP']);
  });
  it('completes enum parameters in alphabetical order (ErrorAction starts with Break)', async () => {
    const v = await texts('Get-Item -ErrorAction ');
    assert.equal(v[0], 'Break');
    assert.deepEqual(await texts('Set-ReceiveConnector -AuthMechanism Ba'), ['BasicAuth', 'BasicAuthRequireTLS']);
  });
  it('completes ValidateSet values in declared order, and -Param:value', async () => {
    assert.deepEqual(await texts('Set-ReceiveConnector -ProtocolLoggingLevel '), ['None', 'Verbose']);
    const r = await complete(session, 'Set-ReceiveConnector -ProtocolLoggingLevel:V', 44);
    assert.deepEqual(r.items.map((i) => i.text), ['Verbose']);
    assert.equal(r.start, 43);
  });
  it('completes booleans with $true/$false', async () => {
    assert.deepEqual((await texts('Set-ReceiveConnector -DomainSecureEnabled $')).slice(0, 2), ['$true', '$false']);
    assert.equal((await texts('Set-ReceiveConnector -DomainSecureEnabled $f'))[0], '$false');
  });
  it('asks the declaration for dynamic values (thumbprints), positionally too', async () => {
    assert.deepEqual(await texts('Get-ExchangeCertificate -Thumbprint A1'), ['A1B2C3D4', 'A1FF0000']);
    assert.deepEqual(await texts('Get-ExchangeCertificate B'), ['B7E6']);
  });
  it('quotes values with spaces', async () => {
    assert.deepEqual(await texts('Set-ReceiveConnector EDGE01\\Def'), ["'EDGE01\\Default internal receive connector EDGE01'"]);
  });
});

describe('variables and members', () => {
  it('completes variables: $Err → $Error, $ErrorActionPreference...', async () => {
    const v = await texts('$Err');
    assert.ok(v.includes('$Error'));
    assert.ok(v.includes('$ErrorActionPreference'));
    assert.ok(v.includes('$ErrorCount'));
    assert.ok(v.every((x) => x.toLowerCase().startsWith('$err')));
  });
  it('completes environment variables', async () => {
    process.env.EMSH_TEST_COMPLETION = '1';
    assert.deepEqual(await texts('$env:EMSH_TEST_COMPL'), ['$env:EMSH_TEST_COMPLETION']);
  });
  it('completes members of a variable holding an object, methods with (', async () => {
    assert.deepEqual(await texts('$cert.Th'), ['$cert.Thumbprint']);
    assert.deepEqual(await texts('$cert.Ex'), ['$cert.Export(']);
    assert.deepEqual(await texts('Write-Output $cert.S'), ['$cert.Services', '$cert.Subject']);
  });
  it('completes string members of a property', async () => {
    assert.deepEqual(await texts('$cert.Subject.Len'), ['$cert.Subject.Length']);
  });
});

describe('paths', () => {
  it('completes drive paths: c:\\cert → c:\\certificates\\', async () => {
    assert.deepEqual(await texts('Get-Item c:\\cert'), ['c:\\certificates\\', "'c:\\certs old\\'"]);
  });
  it('completes inside a folder, files after folders', async () => {
    assert.deepEqual(await texts('Get-Item c:\\certificates\\'), ['c:\\certificates\\contoso.pfx', 'c:\\certificates\\request.p7c']);
  });
  it('completes relative paths from the current location', async () => {
    assert.deepEqual(await texts('Get-Item rea'), ['.\\readme.txt']);
  });
  it('keeps a quote the user opened', async () => {
    assert.deepEqual(await texts("Get-Item 'c:\\certs o"), ["'c:\\certs old\\'"]);
  });
  it('completes a path in command position', async () => {
    assert.deepEqual(await texts('c:\\re'), ['c:\\readme.txt']);
  });
});

describe('commonPrefix', () => {
  it('is the shared start of the candidates', () => {
    const items = ['Get-ExchangeCertificate', 'Get-ExchangeServer'].map((t) => ({ text: t, display: t, kind: 'command' as const }));
    assert.equal(commonPrefix(items), 'Get-Exchange');
  });
});

// The lab certificate authority, so the walkthrough needs no outside CA: root and subordinate CAs
// (their state in the local server's certificate store, their keys in the key store), issuing a
// certificate for a PKCS #10 request (its SAN request honoured) or with a new key as a PFX (a partner
// organisation's certificate, an expired one for tests), revocation and CRLs. A new root is trusted
// on every server of the organisation ("a well-known third-party CA") unless -NoTrust.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { createCrl, createRootCa, createSubordinateCa, revoke } from '../../src/pki/lab-ca.ts';
import type { LabCa } from '../../src/pki/lab-ca.ts';
import { issueCertificate, issueFromRequest } from '../../src/pki/lab-ca-issue.ts';
import { parseCrl } from '../../src/pki/crl.ts';
import { writePfx } from '../../src/pki/pfx-write.ts';
import { revocationReasons } from '../../src/pki/revocation-reasons.ts';
import type { RevocationReason } from '../../src/pki/revocation-reasons.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { CertificateStore } from '../../src/store/certificate-store.ts';
import { getOrganization } from '../../src/store/organization.ts';
import { listServers } from '../../src/store/servers.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { readInputFile, tryCertificate, writeOutputFile, nativePath } from '../exchange/certificates/certificate-common.ts';
import { crlObject, importCrl, x509Object } from '../exchange/certificates/trusted-roots.ts';
import { exchangeState, serverContext } from '../exchange/exchange-state.ts';

const MODULE = 'emsh.Lab';
const ISSUED_TYPE = 'Emsh.Lab.IssuedCertificate';
const SETUP = 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null';

/** A CA as saved: LabCa without its private key, which lives in the key store. */
interface SavedCa extends Omit<LabCa, 'privateKeyPem'> {
  name: string;
  keyId: string;
}

/** Lab CAs live in the organisation's local server store (whatever $env:EMSH_SERVER says). */
function labStore(ctx: CmdletContext): CertificateStore {
  const state = exchangeState(ctx.session);
  const local = getOrganization(state.documents)?.LocalServer ?? serverContext(ctx.session).serverName;
  return new CertificateStore(state, local);
}

function allStores(ctx: CmdletContext): CertificateStore[] {
  const state = exchangeState(ctx.session);
  const names = new Set([labStore(ctx).serverName, ...listServers(state.documents).map((s) => s.Name)]);
  return [...names].map((name) => new CertificateStore(state, name));
}

function loadCa(ctx: CmdletContext, name: string | undefined): { name: string; ca: LabCa; saved: SavedCa } {
  const store = labStore(ctx);
  const names = store.listLabCas();
  const chosen = name ?? names[names.length - 1];
  const saved = chosen === undefined ? undefined : (store.loadLabCa(chosen) as SavedCa | undefined);
  if (!saved) {
    const message = chosen === undefined ? 'There is no lab certificate authority; create one with New-LabCertificateAuthority.' : `The lab certificate authority '${chosen}' was not found.`;
    throw new StoreError(message, 'LabCertificateAuthorityNotFound', 'ObjectNotFound', { targetObject: chosen });
  }
  const { pem } = exchangeState(ctx.session).keys.loadKey(saved.keyId);
  const { name: savedName, keyId: _keyId, ...rest } = saved;
  return { name: savedName, ca: { ...rest, privateKeyPem: pem }, saved };
}

function saveCa(ctx: CmdletContext, name: string, ca: LabCa, keyId: string): void {
  const { privateKeyPem: _key, ...rest } = ca;
  labStore(ctx).saveLabCa(name, { ...rest, name, keyId } satisfies SavedCa);
}

function issuedObject(pem: string, file: string | undefined, chainPems: string[]): PSObject {
  const info = x509Object(pem, 'My');
  const result = new PSObject([ISSUED_TYPE, 'System.Object']);
  for (const name of ['Thumbprint', 'Subject', 'Issuer', 'NotBefore', 'NotAfter', 'SerialNumber']) result.setProperty(name, info.getProperty(name));
  result.setProperty('Path', file ?? null);
  result.setProperty('ChainLength', chainPems.length);
  return result;
}

const caParameter = { type: 'string', description: 'The issuing lab CA (default the one created last).' } as const;

export const newLabCertificateAuthorityCmdlet = defineCmdlet({
  name: 'New-LabCertificateAuthority',
  synopsis: 'Creates a lab certification authority (root, or subordinate with -Parent).',
  description:
    'Creates a CA named -Name (subject CN=<Name>, or -SubjectName). A root is self-signed and, unless -NoTrust, added to the trusted ' +
    'roots of every server of the organisation; -Parent makes a subordinate CA signed by that lab CA. -CertificatePath writes the CA ' +
    'certificate (PEM) for Import-Certificate on other machines.',
  module: MODULE,
  parameters: {
    Name: { type: 'string', mandatory: true, position: 0, description: 'The CA name.' },
    SubjectName: { type: 'string', description: 'X.500 subject; default CN=<Name>.' },
    Parent: { type: 'string', description: 'The lab CA that signs this one (a subordinate CA).' },
    NoTrust: { type: 'switch', description: 'Do not add the root to the trusted roots.' },
    CertificatePath: { type: 'string', description: 'Also write the CA certificate to this file.' },
    ValidityDays: { type: 'int', description: 'Validity; default 3650 (root) or 1825 (subordinate).' },
    CrlDistributionPoint: { type: 'string', description: 'URI written into the certificates this CA issues.' },
  },
  examples: [
    {
      title: 'A root and a subordinate CA',
      setup: SETUP,
      code: 'New-LabCertificateAuthority -Name ContosoRoot | Out-Null\n(New-LabCertificateAuthority -Name ContosoIssuing -Parent ContosoRoot).Issuer',
      output: 'CN=ContosoRoot',
    },
  ],
  async process(p, ctx) {
    await tryCertificate(ctx, async () => {
      if (p.CertificatePath !== undefined) nativePath(ctx, p.CertificatePath);
      const name = p.Name!;
      if (labStore(ctx).loadLabCa(name)) throw new StoreError(`A lab certificate authority named '${name}' already exists.`, 'LabCertificateAuthorityExists', 'ResourceExists', { targetObject: name });
      const options = {
        subject: p.SubjectName ?? `CN=${name}`,
        ...(p.ValidityDays !== undefined ? { validityDays: p.ValidityDays } : {}),
        ...(p.CrlDistributionPoint !== undefined ? { crlDistributionPoint: p.CrlDistributionPoint } : {}),
      };
      const ca = p.Parent !== undefined ? await createSubordinateCa(loadCa(ctx, p.Parent).ca, options) : await createRootCa(options);
      const keyId = exchangeState(ctx.session).keys.saveKey(ca.privateKeyPem, { exportable: true });
      saveCa(ctx, name, ca, keyId);
      if (p.Parent === undefined && !p.NoTrust) for (const store of allStores(ctx)) store.addTrustedRoot(ca.certificatePem);
      if (p.CertificatePath !== undefined) writeOutputFile(ctx, p.CertificatePath, ca.certificatePem);
      ctx.write(x509Object(ca.certificatePem, p.Parent === undefined ? 'Root' : 'CA'));
    });
  },
});

export const approveLabCertificateRequestCmdlet = defineCmdlet({
  name: 'Approve-LabCertificateRequest',
  synopsis: 'Issues a certificate for a PKCS #10 request (New-ExchangeCertificate -GenerateRequest).',
  description:
    'Reads the request at -Path, checks its signature, and writes the certificate the lab CA issues (its subject, its requested DNS ' +
    'names, Server and Client Authentication, one year) to -OutPath as PEM. -IncludeChain appends the CA certificates.',
  module: MODULE,
  parameters: {
    Path: { type: 'string', mandatory: true, position: 0, description: 'The request file.' },
    OutPath: { type: 'string', mandatory: true, description: 'The certificate file to write (issued.cer).' },
    CertificateAuthority: caParameter,
    IncludeChain: { type: 'switch', description: 'Append the CA chain to the file.' },
    NotAfter: { type: 'datetime', description: 'End of validity (a deliberately expired certificate for tests).' },
    ValidityDays: { type: 'int', description: 'Validity in days; default 365.' },
  },
  examples: [
    {
      title: 'The CA issues the walkthrough request',
      setup:
        `${SETUP}\nNew-LabCertificateAuthority -Name ContosoRoot | Out-Null\n` +
        'New-ExchangeCertificate -GenerateRequest -Path c:\\certificates\\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com" -DomainName mail.contoso.com | Out-Null',
      code: 'Approve-LabCertificateRequest -Path c:\\certificates\\request.p7c -OutPath c:\\certificates\\issued.cer | Out-Null\n(Import-ExchangeCertificate -Path c:\\certificates\\issued.cer).HasPrivateKey',
      output: 'True',
    },
  ],
  process(p, ctx) {
    void tryCertificate(
      ctx,
      () => {
        nativePath(ctx, p.OutPath!);
        const { ca } = loadCa(ctx, p.CertificateAuthority);
        const issued = issueFromRequest(ca, readInputFile(ctx, p.Path!), {
          ...(p.NotAfter !== undefined ? { notAfter: p.NotAfter } : {}),
          ...(p.ValidityDays !== undefined ? { validityDays: p.ValidityDays } : {}),
        });
        const text = [issued.certificatePem, ...(p.IncludeChain ? issued.chainPems : [])].map((x) => x.trim() + '\n').join('');
        const file = writeOutputFile(ctx, p.OutPath!, text);
        ctx.write(issuedObject(issued.certificatePem, file, issued.chainPems));
      },
      p.Path,
    );
  },
});

export const newLabCertificateCmdlet = defineCmdlet({
  name: 'New-LabCertificate',
  synopsis: 'Issues a certificate with a new key and writes both as a PFX (a partner organisation, a test certificate).',
  description:
    'The lab CA issues a certificate for -SubjectName/-DomainName with a new RSA key and writes certificate, key and CA chain to -Path ' +
    'as PKCS #12 protected by -Password (default empty), ready for Import-ExchangeCertificate. -NotBefore/-NotAfter make not-yet-valid ' +
    'or expired certificates for tests.',
  module: MODULE,
  parameters: {
    SubjectName: { type: 'string', mandatory: true, description: 'X.500 subject in DER order (DC=com,DC=Contoso,CN=mail1.contoso.com).' },
    DomainName: { type: 'string[]', description: 'DNS subject alternative names besides the CN.' },
    Path: { type: 'string', mandatory: true, description: 'The PFX file to write.' },
    Password: { type: 'securestring', description: 'The PFX password (default empty).' },
    CertificateAuthority: caParameter,
    NotBefore: { type: 'datetime', description: 'Start of validity; default now minus 10 minutes.' },
    NotAfter: { type: 'datetime', description: 'End of validity; default one year.' },
    KeySize: { type: 'int', description: 'RSA key size; default 2048.' },
  },
  examples: [
    {
      title: "Woodgrove Bank's certificate",
      setup: `${SETUP}\nNew-LabCertificateAuthority -Name ThirdPartyRoot | Out-Null`,
      code: '(New-LabCertificate -SubjectName "CN=mail.woodgrovebank.com" -Path c:\\certificates\\woodgrove.pfx).Issuer',
      output: 'CN=ThirdPartyRoot',
    },
  ],
  async process(p, ctx) {
    await tryCertificate(ctx, async () => {
      nativePath(ctx, p.Path!);
      const { ca } = loadCa(ctx, p.CertificateAuthority);
      const issued = await issueCertificate(ca, {
        subject: p.SubjectName!,
        domainNames: p.DomainName ?? [],
        ...(p.KeySize !== undefined ? { keySize: p.KeySize } : {}),
        ...(p.NotBefore !== undefined ? { notBefore: p.NotBefore } : {}),
        ...(p.NotAfter !== undefined ? { notAfter: p.NotAfter } : {}),
      });
      const pfx = writePfx(issued.privateKeyPem, [issued.certificatePem, ...issued.chainPems], p.Password?.reveal() ?? '');
      const file = writeOutputFile(ctx, p.Path!, pfx);
      ctx.write(issuedObject(issued.certificatePem, file, issued.chainPems));
    });
  },
});

export const revokeLabCertificateCmdlet = defineCmdlet({
  name: 'Revoke-LabCertificate',
  synopsis: 'Records the revocation of a certificate the lab CA issued.',
  description: 'Adds -SerialNumber (binds from the pipeline by property name) to the CA\'s revocations; the next New-LabCertificateRevocationList lists it.',
  module: MODULE,
  parameters: {
    SerialNumber: { type: 'string', mandatory: true, position: 0, valueFromPipelineByPropertyName: true, description: 'The serial number (hex).' },
    CertificateAuthority: caParameter,
    Reason: { type: 'string', validateSet: Object.keys(revocationReasons), description: 'The CRL reason code.' },
  },
  examples: [
    {
      title: 'Revoke a partner certificate and publish the CRL',
      setup: `${SETUP}\nNew-LabCertificateAuthority -Name ThirdPartyRoot | Out-Null`,
      code:
        'New-LabCertificate -SubjectName "CN=mail.woodgrovebank.com" -Path c:\\certificates\\woodgrove.pfx | Revoke-LabCertificate -Reason KeyCompromise\n' +
        '(New-LabCertificateRevocationList -OutPath c:\\certificates\\root.crl).RevokedCount',
      output: '1',
    },
  ],
  process(p, ctx) {
    void tryCertificate(ctx, () => {
      const { name, ca, saved } = loadCa(ctx, p.CertificateAuthority);
      const reason = p.Reason === undefined ? undefined : (Object.keys(revocationReasons).find((r) => r.toLowerCase() === p.Reason!.toLowerCase()) as RevocationReason);
      saveCa(ctx, name, revoke(ca, p.SerialNumber!, new Date(), reason), saved.keyId);
    });
  },
});

export const newLabCrlCmdlet = defineCmdlet({
  name: 'New-LabCertificateRevocationList',
  synopsis: "Publishes the lab CA's CRL to a file and imports it into every server's store.",
  description:
    'Signs a CRL of the CA\'s revocations (next update in 7 days unless -NextUpdate), writes it to -OutPath (PEM) and, unless -NoImport, ' +
    'imports it into the certificate store of every server, where revocation checks (Get-ExchangeCertificate Status, TLS) read it.',
  module: MODULE,
  parameters: {
    OutPath: { type: 'string', description: 'The CRL file to write.' },
    CertificateAuthority: caParameter,
    NextUpdate: { type: 'datetime', description: 'When the CRL expires.' },
    NoImport: { type: 'switch', description: "Do not import the CRL into the servers' stores." },
  },
  examples: [
    {
      title: 'An empty CRL',
      setup: `${SETUP}\nNew-LabCertificateAuthority -Name ContosoRoot | Out-Null`,
      code: '(New-LabCertificateRevocationList -OutPath c:\\certificates\\root.crl).Issuer',
      output: 'CN=ContosoRoot',
    },
  ],
  process(p, ctx) {
    void tryCertificate(ctx, () => {
      if (p.OutPath !== undefined) nativePath(ctx, p.OutPath);
      const { name, ca, saved } = loadCa(ctx, p.CertificateAuthority);
      const crl = createCrl(ca, p.NextUpdate !== undefined ? { nextUpdate: p.NextUpdate } : {});
      saveCa(ctx, name, crl.ca, saved.keyId);
      if (p.OutPath !== undefined) writeOutputFile(ctx, p.OutPath, crl.crlPem);
      if (!p.NoImport) for (const store of allStores(ctx)) importCrl(store, crl.crlPem);
      ctx.write(crlObject(parseCrl(crl.crlPem)));
    });
  },
});

export const certificateAuthorityCmdlets = [
  newLabCertificateAuthorityCmdlet,
  approveLabCertificateRequestCmdlet,
  newLabCertificateCmdlet,
  revokeLabCertificateCmdlet,
  newLabCrlCmdlet,
];

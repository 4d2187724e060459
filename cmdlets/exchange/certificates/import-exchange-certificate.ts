// Import-ExchangeCertificate: a PFX (certificate + key; the key is always marked non-exportable, as
// Exchange does), or a certificate without key (DER or PEM .cer/.crt, PKCS #7 .p7b/.p7c chain). A
// certificate whose public key matches a pending request completes it and binds to its key. Writes
// the ExchangeCertificate, so `Import-ExchangeCertificate ... | Enable-ExchangeCertificate` works.
// Nothing in the store changes when the data is bad.
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { readCertificates } from '../../../src/pki/certificate-files.ts';
import type { CertificateInfo } from '../../../src/pki/certificate-info.ts';
import { detectFormat } from '../../../src/pki/file-format.ts';
import { readPfx } from '../../../src/pki/pfx-read.ts';
import { PkiError } from '../../../src/pki/pki-error.ts';
import { CertificateStore } from '../../../src/store/certificate-store.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from '../exchange-module.ts';
import { serverContext } from '../exchange-state.ts';
import { certificateObject, EXCHANGE_CERTIFICATE_TYPE } from './certificate-objects.ts';
import { readInputFile, SERVER_PARAMETER, tryCertificate } from './certificate-common.ts';

export const importExchangeCertificateCmdlet = defineCmdlet({
  name: 'Import-ExchangeCertificate',
  synopsis: 'Imports a certificate (PFX with its key, or a certificate a CA issued for a pending request).',
  description:
    'Imports -Path (or -FileData bytes): a PFX/PKCS #12 file opened with -Password (a SecureString, e.g. (Get-Credential).Password ' +
    'or Read-Host -AsSecureString), whose key is kept but marked non-exportable; or a DER/PEM certificate or PKCS #7 chain, which ' +
    'completes the pending request (New-ExchangeCertificate -GenerateRequest) holding the same public key. EC keys are not ' +
    'supported. Writes the imported certificate, which pipes into Enable-ExchangeCertificate.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Import-ExchangeCertificate'),
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  defaultParameterSet: 'Path',
  outputType: [EXCHANGE_CERTIFICATE_TYPE],
  parameters: {
    Path: { type: 'string', mandatory: true, sets: ['Path'], description: 'The file: .pfx/.p12, .cer/.crt (DER or PEM), .p7b/.p7c.' },
    FileData: { type: 'byte[]', mandatory: true, sets: ['FileData'], description: 'The file contents as bytes ([System.IO.File]::ReadAllBytes(...)).' },
    Password: { type: 'securestring', description: 'The PFX password.' },
    FriendlyName: { type: 'string', description: 'The friendly name to give the certificate.' },
    Server: SERVER_PARAMETER,
  },
  examples: [
    {
      title: 'Step 2 of the walkthrough: import a PFX and enable it for SMTP',
      setup:
        'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null\n' +
        'New-LabCertificateAuthority -Name ContosoRoot | Out-Null\n' +
        'New-LabCertificate -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com" -DomainName mail.contoso.com -Path c:\\certificates\\import.pfx | Out-Null',
      code: 'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx | Enable-ExchangeCertificate -Services SMTP\nGet-ExchangeCertificate | Format-List Services,Status,RootCAType,HasPrivateKey',
      output: 'Services      : SMTP\nStatus        : Valid\nRootCAType    : ThirdParty\nHasPrivateKey : True',
    },
    {
      title: 'A wrong PFX password',
      setup:
        'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null\n' +
        'New-LabCertificateAuthority -Name ContosoRoot | Out-Null\n' +
        'New-LabCertificate -SubjectName "CN=mail1.contoso.com" -Path c:\\certificates\\import.pfx -Password (ConvertTo-SecureString "secret" -AsPlainText -Force) | Out-Null',
      code: 'Import-ExchangeCertificate -Path c:\\certificates\\import.pfx -Password (ConvertTo-SecureString "wrong" -AsPlainText -Force) -ErrorAction SilentlyContinue\n$Error[0].Exception.Message',
      output: 'The source data cannot be imported or the wrong password was specified.',
    },
  ],
  async process(p, ctx) {
    await tryCertificate(
      ctx,
      async () => {
        const data = p.FileData !== undefined ? Buffer.from(p.FileData) : readInputFile(ctx, p.Path!);
        const where = serverContext(ctx.session, p.Server);
        const store = CertificateStore.of(where);
        const imported = await importData(ctx, store, data, p.Password?.reveal(), p.FriendlyName);
        if (imported) ctx.write(certificateObject(store, imported, where.state.keys));
      },
      p.Path,
    );
  },
});

async function importData(ctx: CmdletContext, store: CertificateStore, data: Buffer, password: string | undefined, friendlyName: string | undefined) {
  const format = detectFormat(data);
  const keys = serverContext(ctx.session, store.serverName).state.keys;
  if (format === 'pfx') {
    const pfx = readPfx(data, password);
    if (!(await ctx.shouldProcess(pfx.certificate.subject, 'Import-ExchangeCertificate'))) return undefined;
    const keyId = keys.saveKey(pfx.privateKeyPem, { exportable: false });
    try {
      return store.importCertificate({
        certificatePem: pfx.certificatePem,
        chainPems: pfx.chain.map((c) => c.pem),
        keyId,
        privateKeyExportable: false,
        publicKeyFingerprint: pfx.certificate.publicKeyFingerprint,
        certificateDomains: pfx.certificate.certificateDomains,
        ...(friendlyName ?? pfx.friendlyName ? { friendlyName: friendlyName ?? pfx.friendlyName } : {}),
      }).certificate;
    } catch (error) {
      keys.deleteKey(keyId);
      throw error;
    }
  }
  if (format === 'csr') {
    throw new PkiError(
      'The file is a certificate request (PKCS #10), not a certificate. Submit the request to a certification authority, then import the certificate it issues.',
      'NotACertificate',
    );
  }
  const certificates = readCertificates(data);
  const leaf = pickLeaf(store, certificates);
  if (!(await ctx.shouldProcess(leaf.subject, 'Import-ExchangeCertificate'))) return undefined;
  return store.importCertificate({
    certificatePem: leaf.pem,
    chainPems: certificates.filter((c) => c !== leaf).map((c) => c.pem),
    publicKeyFingerprint: leaf.publicKeyFingerprint,
    certificateDomains: leaf.certificateDomains,
    ...(friendlyName !== undefined ? { friendlyName } : {}),
  }).certificate;
}

/** The certificate completing a pending request, else the first that is not a CA. */
function pickLeaf(store: CertificateStore, certificates: CertificateInfo[]): CertificateInfo {
  return (
    certificates.find((c) => store.findRequestByPublicKey(c.publicKeyFingerprint)) ??
    certificates.find((c) => !c.basicConstraints?.isCa) ??
    certificates[0]!
  );
}

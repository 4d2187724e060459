// The trust the chain checks use: PowerShell's Import-Certificate into Cert:\LocalMachine\Root (a
// trusted root) or Cert:\LocalMachine\My (a certificate without key), Get-TrustedRootCertificate to
// list the roots, and Import-CertificateRevocationList for the CRLs revocation checks read. Certificates
// are written as the Cert: drive shows them (X509Certificate2 objects, `Get-ChildItem Cert:\LocalMachine\Root`).
import '../../../src/format/certificate-views.ts';
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import { readCertificates } from '../../../src/pki/certificate-files.ts';
import { parseCrl } from '../../../src/pki/crl.ts';
import type { RevocationList } from '../../../src/pki/crl.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { registerView } from '../../../src/format/views.ts';
import type { CertificateStore } from '../../../src/store/certificate-store.ts';
import { invalidValue } from '../../../src/store/store-error.ts';
import { x509CertificateObject } from '../../../src/providers/certificate-objects.ts';
import { certificateStore, readInputFile, SERVER_PARAMETER, tryCertificate } from './certificate-common.ts';

const CRL_TYPE = 'Emsh.Pki.CertificateRevocationList';
registerView(CRL_TYPE, { kind: 'table', columns: ['Issuer', 'ThisUpdate', 'NextUpdate', 'RevokedCount'] });

const SETUP = 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null';

/** A certificate without key as `Cert:\LocalMachine\<storeName>` shows it. */
export function x509Object(pem: string, storeName: string): PSObject {
  return x509CertificateObject({ pem, hasPrivateKey: false, friendlyName: '' }, 'LocalMachine', storeName);
}

function storeName(location: string): 'Root' | 'My' {
  const match = /^(?:Cert:\\?)?\\?LocalMachine\\(Root|My)\\?$/i.exec(location.trim().replace(/\//g, '\\'));
  if (!match) throw invalidValue(`The certificate store location '${location}' is not supported; use Cert:\\LocalMachine\\Root or Cert:\\LocalMachine\\My.`, 'UnsupportedCertStoreLocation', location);
  return match[1]!.toLowerCase() === 'root' ? 'Root' : 'My';
}

export const importCertificateCmdlet = defineCmdlet({
  name: 'Import-Certificate',
  synopsis: 'Imports certificates into Cert:\\LocalMachine\\Root (trusted roots) or Cert:\\LocalMachine\\My.',
  description:
    "PowerShell's PKI cmdlet on the server's store: -CertStoreLocation Cert:\\LocalMachine\\Root makes the certificates of -FilePath " +
    '(.cer DER/PEM, .p7b) trusted roots for chain validation (RootCAType ThirdParty); Cert:\\LocalMachine\\My adds a certificate without key.',
  module: 'PKI',
  parameters: {
    FilePath: { type: 'string', mandatory: true, position: 0, description: 'The certificate file.' },
    CertStoreLocation: { type: 'string', mandatory: true, description: 'Cert:\\LocalMachine\\Root or Cert:\\LocalMachine\\My.' },
    Server: SERVER_PARAMETER,
  },
  examples: [
    {
      title: "Trust a partner's root",
      setup: `${SETUP}\nNew-LabCertificateAuthority -Name Fabrikam -NoTrust -CertificatePath c:\\certificates\\fabrikam.cer | Out-Null`,
      code: 'Import-Certificate -FilePath c:\\certificates\\fabrikam.cer -CertStoreLocation Cert:\\LocalMachine\\Root | ForEach-Object Subject',
      output: 'CN=Fabrikam',
    },
  ],
  process(p, ctx) {
    void tryCertificate(
      ctx,
      () => {
        const where = storeName(p.CertStoreLocation!);
        const certificates = readCertificates(readInputFile(ctx, p.FilePath!));
        const store = certificateStore(ctx, p.Server);
        for (const certificate of certificates) {
          if (where === 'Root') {
            store.addTrustedRoot(certificate.pem);
            ctx.write(x509Object(certificate.pem, 'Root'));
          } else {
            const { certificate: record } = store.importCertificate({ certificatePem: certificate.pem, certificateDomains: certificate.certificateDomains, publicKeyFingerprint: certificate.publicKeyFingerprint });
            ctx.write(x509CertificateObject({ pem: record.certificatePem, hasPrivateKey: record.keyId !== undefined, friendlyName: record.friendlyName }, 'LocalMachine', 'My'));
          }
        }
      },
      p.FilePath,
    );
  },
});

export const getTrustedRootCertificateCmdlet = defineCmdlet({
  name: 'Get-TrustedRootCertificate',
  synopsis: "Lists the server's trusted root certification authorities (Cert:\\LocalMachine\\Root).",
  description: 'The roots chain validation trusts: imported with Import-Certificate or trusted by New-LabCertificateAuthority.',
  module: 'PKI',
  parameters: { Server: SERVER_PARAMETER },
  examples: [
    {
      title: 'The lab CA is trusted',
      setup: `${SETUP}\nNew-LabCertificateAuthority -Name ContosoRoot | Out-Null`,
      code: '(Get-TrustedRootCertificate).Subject',
      output: 'CN=ContosoRoot',
    },
  ],
  process(p, ctx) {
    void tryCertificate(ctx, () => {
      for (const root of certificateStore(ctx, p.Server).listTrustedRoots()) ctx.write(x509Object(root.certificatePem, 'Root'));
    });
  },
});

/** Imports a CRL (PEM or DER) into a store; returns its object. */
export function importCrl(store: CertificateStore, data: Buffer | string): PSObject {
  const crl = parseCrl(data);
  store.importCrl({ issuer: crl.issuer, crlPem: crl.pem, thisUpdate: crl.thisUpdate.toISOString(), ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.toISOString() } : {}) });
  return crlObject(crl);
}

export function crlObject(crl: RevocationList): PSObject {
  const result = new PSObject([CRL_TYPE, 'System.Object']);
  result.setProperty('Issuer', crl.issuer);
  result.setProperty('ThisUpdate', crl.thisUpdate);
  result.setProperty('NextUpdate', crl.nextUpdate ?? null);
  result.setProperty('RevokedCount', crl.revoked.length);
  return result;
}

export const importCrlCmdlet = defineCmdlet({
  name: 'Import-CertificateRevocationList',
  synopsis: "Imports a CRL into the server's store for revocation checks.",
  description: 'Imports -Path (PEM or DER X.509 CRL). The newest CRL of each issuer replaces the older one; Get-ExchangeCertificate shows Revoked for listed certificates.',
  module: 'PKI',
  parameters: { Path: { type: 'string', mandatory: true, position: 0, description: 'The CRL file.' }, Server: SERVER_PARAMETER },
  examples: [
    {
      title: 'Import the CRL a lab CA published',
      setup: `${SETUP}\nNew-LabCertificateAuthority -Name ContosoRoot | Out-Null\nNew-LabCertificateRevocationList -OutPath c:\\certificates\\root.crl | Out-Null`,
      code: '(Import-CertificateRevocationList c:\\certificates\\root.crl).RevokedCount',
      output: '0',
    },
  ],
  process(p, ctx) {
    void tryCertificate(
      ctx,
      () => {
        const data = readInputFile(ctx, p.Path!);
        ctx.write(importCrl(certificateStore(ctx, p.Server), data));
      },
      p.Path,
    );
  },
});


// Get-ExchangeCertificate (installed certificates, then pending requests), Remove-ExchangeCertificate
// (asks first; removes a pending request too) and Export-ExchangeCertificate (PFX of an exportable
// key, the request text of a pending request).
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import { writePfx } from '../../../src/pki/pfx-write.ts';
import { normalizeThumbprint } from '../../../src/store/certificate-records.ts';
import { certificateNotFound } from '../../../src/store/certificate-store.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from '../exchange-module.ts';
import { shouldProcessMessage } from '../exchange-should-process.ts';
import { serverContext } from '../exchange-state.ts';
import { certificateObject, EXCHANGE_CERTIFICATE_TYPE, pendingRequestObject } from './certificate-objects.ts';
import { certificateStore, completeThumbprint, keyStore, nativePath, SERVER_PARAMETER, tryCertificate, writeOutputFile } from './certificate-common.ts';

const SETUP = 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null';

const thumbprint = {
  type: 'string',
  position: 0,
  valueFromPipeline: true,
  valueFromPipelineByPropertyName: true,
  complete: completeThumbprint,
  description: 'The certificate (40 hexadecimal digits, spaces allowed).',
} as const;

export const getExchangeCertificateCmdlet = defineCmdlet({
  name: 'Get-ExchangeCertificate',
  synopsis: "Lists the server's certificates and pending certificate requests.",
  description:
    'Lists the certificates of the server the shell is on (or -Server), then its pending requests (Status PendingRequest). ' +
    '-Thumbprint picks one; -DomainName the certificates naming that host (the first is the one Exchange selects). The table ' +
    'shows Thumbprint, Services (IPUWS, "." when off) and Subject; Format-List the properties in Exchange\'s order, Format-List * ' +
    'all of them. Status is computed now: the chain to a trusted root (Import-Certificate -CertStoreLocation Cert:\\LocalMachine\\Root), ' +
    'the dates, and the imported CRLs; a self-signed certificate is Valid with RootCAType None.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-ExchangeCertificate'),
  outputType: [EXCHANGE_CERTIFICATE_TYPE],
  parameters: { Thumbprint: thumbprint, DomainName: { type: 'string[]', description: 'Only certificates for these host names.' }, Server: SERVER_PARAMETER },
  examples: [
    {
      title: 'The table view',
      setup: `${SETUP}\nNew-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services SMTP | Out-Null`,
      code: 'Get-ExchangeCertificate',
      outputMatches: '^Thumbprint\\s+Services\\s+Subject\\n-+\\s+-+\\s+-+\\n[0-9A-F]{40}  \\.\\.\\.\\.S      CN=mail1\\.contoso\\.com$',
    },
    {
      title: 'Which certificate serves a host name',
      setup: `${SETUP}\nNew-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -DomainName mail.contoso.com -Services SMTP | Out-Null`,
      code: '(Get-ExchangeCertificate -DomainName mail.contoso.com).CertificateDomains',
      output: 'mail1.contoso.com\nmail.contoso.com',
    },
  ],
  process(p, ctx) {
    void tryCertificate(ctx, () => {
      const store = certificateStore(ctx, p.Server);
      let certificates = store.list();
      let requests = store.listRequests();
      if (p.Thumbprint !== undefined) {
        const wanted = normalizeThumbprint(p.Thumbprint);
        certificates = certificates.filter((c) => c.thumbprint === wanted);
        requests = requests.filter((r) => r.id === wanted);
        if (certificates.length + requests.length === 0) throw certificateNotFound(p.Thumbprint);
      }
      if (p.DomainName !== undefined) {
        const found = new Set(p.DomainName.flatMap((d) => store.findByDomain(d).map((c) => c.thumbprint)));
        certificates = certificates.filter((c) => found.has(c.thumbprint));
        requests = [];
      }
      const keys = keyStore(ctx, p.Server);
      for (const record of certificates) ctx.write(certificateObject(store, record, keys));
      for (const request of requests) ctx.write(pendingRequestObject(store, request, keys));
    });
  },
});

export const removeExchangeCertificateCmdlet = defineCmdlet({
  name: 'Remove-ExchangeCertificate',
  synopsis: 'Removes a certificate (and its private key) or a pending request.',
  description:
    'Removes the certificate or pending request with -Thumbprint, and its private key when nothing else uses it. Asks first ' +
    '(-Confirm:$false to skip); -WhatIf shows what would go. The default SMTP certificate cannot be removed.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Remove-ExchangeCertificate'),
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: { Thumbprint: { ...thumbprint, mandatory: true }, Server: SERVER_PARAMETER },
  examples: [
    {
      title: 'Remove a certificate without being asked',
      setup: `${SETUP}\n$c = New-ExchangeCertificate -SubjectName "CN=old.contoso.com" -Services None`,
      code: 'Remove-ExchangeCertificate -Thumbprint $c.Thumbprint -Confirm:$false\n@(Get-ExchangeCertificate).Count',
      output: '0',
    },
  ],
  async process(p, ctx) {
    await tryCertificate(
      ctx,
      async () => {
        const store = certificateStore(ctx, p.Server);
        const request = store.findRequest(p.Thumbprint!);
        const record = request ? undefined : store.get(p.Thumbprint!);
        const id = request?.id ?? record!.thumbprint;
        if (!(await shouldProcessMessage(ctx, `Remove certificate with thumbprint ${id} from the computer's certificate store?`))) return;
        if (request) store.removeRequest(id);
        else store.removeCertificate(id);
      },
      p.Thumbprint,
    );
  },
});

export const exportExchangeCertificateCmdlet = defineCmdlet({
  name: 'Export-ExchangeCertificate',
  synopsis: 'Exports a certificate with its private key (PFX), or a pending request.',
  description:
    'Writes the certificate with -Thumbprint and its private key as PKCS #12 (PFX) protected by -Password: raw bytes with ' +
    '-BinaryEncoded, else base64 text. The key must be exportable (created with -PrivateKeyExportable $true; a key imported from a PFX ' +
    'never is). A pending request exports as its PKCS #10 request. Without -Path the data is written to the pipeline.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Export-ExchangeCertificate'),
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Thumbprint: { ...thumbprint, mandatory: true },
    Path: { type: 'string', description: 'The file to write.' },
    BinaryEncoded: { type: 'switch', description: 'Write DER/PKCS #12 bytes instead of base64 text.' },
    Password: { type: 'securestring', description: 'The PFX password.' },
    Server: SERVER_PARAMETER,
  },
  examples: [
    {
      title: 'A non-exportable key is refused',
      setup: `${SETUP}\n$c = New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services None`,
      code: 'Export-ExchangeCertificate -Thumbprint $c.Thumbprint -Path c:\\certificates\\backup.pfx -BinaryEncoded -ErrorAction SilentlyContinue\n$Error[0].Exception.Message',
      output: "The private key couldn't be exported as PKCS-12. It either couldn't be accessed or isn't exportable.",
    },
  ],
  async process(p, ctx) {
    await tryCertificate(
      ctx,
      async () => {
        const store = certificateStore(ctx, p.Server);
        if (p.Path !== undefined) nativePath(ctx, p.Path);
        const request = store.findRequest(p.Thumbprint!);
        let data: Buffer | string;
        if (request) {
          data = request.requestPem;
        } else {
          const record = store.get(p.Thumbprint!);
          const refuse = (message: string, id: string) => new StoreError(message, id, 'InvalidOperation', { targetObject: record.thumbprint });
          if (!record.keyId) throw refuse('The certificate does not have a private key. Certificates without a private key cannot be exported as PKCS-12.', 'ExportCertificateAs12WithoutKey');
          const key = serverContext(ctx.session, p.Server).state.keys.loadKey(record.keyId);
          if (!record.privateKeyExportable || !key.exportable) {
            throw refuse("The private key couldn't be exported as PKCS-12. It either couldn't be accessed or isn't exportable.", 'ExportCertificateAs12KeyNotExportable');
          }
          const pfx = writePfx(key.pem, [record.certificatePem, ...(record.chainPems ?? [])], p.Password?.reveal() ?? '', { friendlyName: record.friendlyName });
          data = p.BinaryEncoded ? pfx : pfx.toString('base64');
        }
        if (!(await shouldProcessMessage(ctx, `Exporting the certificate with thumbprint ${normalizeThumbprint(p.Thumbprint!)}.`))) return;
        if (p.Path !== undefined) writeOutputFile(ctx, p.Path, data);
        else ctx.write(data);
      },
      p.Thumbprint,
    );
  },
});


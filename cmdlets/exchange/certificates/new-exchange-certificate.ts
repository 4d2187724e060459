// New-ExchangeCertificate: a self-signed certificate (Exchange 2007: one year) or, with
// -GenerateRequest, a PKCS #10 request written to -Path whose key stays in the store as a pending
// request (Status PendingRequest) until Import-ExchangeCertificate binds the issued certificate to it.
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { createCertificateRequest } from '../../../src/pki/certificate-request.ts';
import { createSelfSignedCertificate } from '../../../src/pki/self-signed.ts';
import { listAcceptedDomains } from '../../../src/store/accepted-domains.ts';
import { CertificateStore } from '../../../src/store/certificate-store.ts';
import { findServer } from '../../../src/store/servers.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from '../exchange-module.ts';
import { organizationContext, serverContext } from '../exchange-state.ts';
import { AllowedServicesEnum, certificateObject, EXCHANGE_CERTIFICATE_TYPE } from './certificate-objects.ts';
import { nativePath, SERVER_PARAMETER, tryCertificate, writeOutputFile } from './certificate-common.ts';
import { enableWithPrompt } from './enable-exchange-certificate.ts';

export const newExchangeCertificateCmdlet = defineCmdlet({
  name: 'New-ExchangeCertificate',
  synopsis: 'Creates a self-signed certificate, or a certificate request for a certification authority.',
  description:
    'Without -GenerateRequest: a self-signed RSA certificate (SHA-256, valid one year as in Exchange 2007) with its key, enabled ' +
    'for -Services (default IMAP, POP, SMTP; SMTP asks before replacing the default SMTP certificate unless -Force). With ' +
    '-GenerateRequest: a base64 PKCS #10 request (-----BEGIN NEW CERTIFICATE REQUEST-----) written to -Path and to the pipeline; ' +
    'the key stays with a pending request (Get-ExchangeCertificate shows Status PendingRequest) until Import-ExchangeCertificate ' +
    'imports the issued certificate. -SubjectName is an X.500 name in the order written (DC=com,DC=Contoso,CN=mail1.contoso.com); ' +
    'its CN is added to the -DomainName subject alternative names.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('New-ExchangeCertificate'),
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  defaultParameterSet: 'Certificate',
  outputType: [EXCHANGE_CERTIFICATE_TYPE, 'System.String'],
  parameters: {
    GenerateRequest: { type: 'switch', sets: ['Request'], description: 'Make a PKCS #10 certificate request instead of a self-signed certificate.' },
    Path: { type: 'string', sets: ['Request'], description: 'The file the request is written to (c:\\certificates\\request.p7c).' },
    BinaryEncoded: { type: 'switch', sets: ['Request'], description: 'Write the request as DER instead of base64.' },
    SubjectName: { type: 'string', description: 'X.500 subject (DC, CN, O, OU, C, L, S); default CN=<server FQDN>.' },
    DomainName: { type: 'string[]', description: 'Subject alternative names (DNS names).' },
    FriendlyName: { type: 'string', description: 'Friendly name (under 64 characters).', defaultDescription: 'Microsoft Exchange' },
    KeySize: { type: 'int', description: 'RSA key size: 1024, 2048 or 4096.', defaultDescription: '2048' },
    PrivateKeyExportable: { type: 'bool', description: 'Whether Export-ExchangeCertificate may export the key.', defaultDescription: '$false' },
    Services: { type: AllowedServicesEnum, sets: ['Certificate'], description: 'Services to enable the certificate for.', defaultDescription: 'IMAP, POP, SMTP' },
    IncludeAcceptedDomains: { type: 'switch', description: "Add the organisation's accepted domains to the names." },
    Force: { type: 'switch', description: 'Replace the default SMTP certificate (or an existing request file) without asking.' },
    Server: SERVER_PARAMETER,
  },
  examples: [
    {
      title: 'Step 1 of the walkthrough: a request for a certification authority',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null',
      code:
        'New-ExchangeCertificate -GenerateRequest -FriendlyName "Internet certificate" -Path c:\\certificates\\request.p7c -SubjectName "DC=com,DC=Contoso,CN=mail1.contoso.com"  -DomainName mail.contoso.com | Out-Null\n' +
        'Get-ExchangeCertificate | Format-List Status,Subject,CertificateDomains',
      output: 'Status             : PendingRequest\nSubject            : CN=mail1.contoso.com, DC=Contoso, DC=com\nCertificateDomains : {mail1.contoso.com, mail.contoso.com}',
    },
    {
      title: 'A self-signed certificate for SMTP',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null',
      code: 'New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services SMTP | Format-List ServicesStringForm,IsSelfSigned,Status,RootCAType',
      output: 'ServicesStringForm : ....S\nIsSelfSigned       : True\nStatus             : Valid\nRootCAType         : None',
    },
  ],
  async process(p, ctx) {
    await tryCertificate(ctx, async () => {
      const where = serverContext(ctx.session, p.Server);
      const store = CertificateStore.of(where);
      const fqdn = findServer(where.state.documents, where.serverName)?.Fqdn ?? where.serverName;
      const domains = [...(p.DomainName ?? [])];
      if (p.IncludeAcceptedDomains) domains.push(...listAcceptedDomains(organizationContext(ctx.session)).map((d) => String(d.DomainName)));
      const subject = p.SubjectName ?? `CN=${fqdn}`;
      if (!p.SubjectName && domains.length === 0) domains.push(where.serverName.split('.')[0]!, fqdn);
      const common = { subject, domainNames: domains, ...(p.KeySize !== undefined ? { keySize: p.KeySize } : {}), ...(p.FriendlyName !== undefined ? { friendlyName: p.FriendlyName } : {}) };
      if (p.GenerateRequest) return generateRequest(ctx, store, common, p.Path, p.BinaryEncoded, p.PrivateKeyExportable ?? false);
      if (!(await ctx.shouldProcess(subject, 'New-ExchangeCertificate'))) return;
      const created = await createSelfSignedCertificate(common);
      const keyId = where.state.keys.saveKey(created.privateKeyPem, { exportable: p.PrivateKeyExportable ?? false });
      const record = store.importCertificate({
        certificatePem: created.certificatePem,
        keyId,
        privateKeyExportable: p.PrivateKeyExportable ?? false,
        friendlyName: created.friendlyName,
        certificateDomains: created.certificate.certificateDomains,
      }).certificate;
      const services = p.Services ?? 1 | 2 | 16;
      const enabled = services ? await enableWithPrompt(ctx, store, record.thumbprint, services, p.Force) : record;
      ctx.write(certificateObject(store, enabled ?? store.get(record.thumbprint), where.state.keys));
    });
  },
});

async function generateRequest(
  ctx: CmdletContext,
  store: CertificateStore,
  options: { subject: string; domainNames: string[]; keySize?: number; friendlyName?: string },
  psPath: string | undefined,
  binary: boolean,
  exportable: boolean,
): Promise<void> {
  if (psPath !== undefined) nativePath(ctx, psPath); // an unknown drive fails before anything changes
  if (!(await ctx.shouldProcess(options.subject, 'New-ExchangeCertificate -GenerateRequest'))) return;
  const request = await createCertificateRequest(options);
  const keys = serverContext(ctx.session, store.serverName).state.keys;
  const keyId = keys.saveKey(request.privateKeyPem, { exportable });
  let pending: { id: string } | undefined;
  try {
    pending = store.addRequest({
      subject: request.subject,
      domainNames: request.dnsNames,
      friendlyName: request.friendlyName,
      keyId,
      privateKeyExportable: exportable,
      requestPem: request.csrPem,
      publicKeyFingerprint: request.publicKeyFingerprint,
    });
    if (psPath !== undefined) writeOutputFile(ctx, psPath, binary ? request.csrDer : request.csrPem);
  } catch (error) {
    if (pending) store.removeRequest(pending.id);
    else keys.deleteKey(keyId);
    throw error;
  }
  ctx.write(request.csrPem);
}

// Enable-ExchangeCertificate: adds services to a certificate (never removes them). A certificate
// without its private key, or one whose Status is not Valid (expired, untrusted, revoked...), is
// refused with Exchange's CertificateNotValidForExchange text. Enabling SMTP on a certificate other
// than the default SMTP certificate asks Exchange's overwrite question: answered in a REPL (No keeps
// the old default but still adds SMTP), an error in a non-interactive run unless -Force.
import { defineCmdlet } from '../../../src/pipeline/cmdlet.ts';
import { parseCertificate } from '../../../src/pki/certificate-info.ts';
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { CertificateRecord } from '../../../src/store/certificate-records.ts';
import type { CertificateStore } from '../../../src/store/certificate-store.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from '../exchange-module.ts';
import { shouldProcessMessage } from '../exchange-should-process.ts';
import { AllowedServicesEnum, certificateState, EXCHANGE_CERTIFICATE_TYPE } from './certificate-objects.ts';
import { certificateStore, completeThumbprint, Reported, SERVER_PARAMETER, tryCertificate } from './certificate-common.ts';

const SMTP = 16;

function notValid(record: CertificateRecord, reason: string): StoreError {
  return new StoreError(
    `The certificate with thumbprint ${record.thumbprint} was found but is not valid for use with Exchange Server (reason: ${reason}).`,
    'CertificateNotValidForExchange',
    'InvalidOperation',
    { targetObject: record.thumbprint },
  );
}

function expires(record: CertificateRecord, notAfter: (r: CertificateRecord) => Date): string {
  return notAfter(record).toLocaleString('en-US');
}

/** Enables services on a certificate, asking before it replaces the default SMTP certificate. */
export async function enableWithPrompt(ctx: CmdletContext, store: CertificateStore, thumbprint: string, services: number, force: boolean): Promise<CertificateRecord | undefined> {
  const record = store.get(thumbprint);
  if (services !== 0) {
    if (!record.keyId) throw notValid(record, 'PrivateKeyMissing');
    const state = certificateState(store, record);
    if (state.status !== 'Valid') throw notValid(record, state.status);
  }
  let makeDefault = true;
  const previous = store.getDefaultSmtpCertificate();
  if ((services & SMTP) !== 0 && previous && previous.thumbprint !== record.thumbprint && !force) {
    const notAfter = (r: CertificateRecord) => parseCertificate(r.certificatePem).notAfter;
    const query =
      'Overwrite the existing default SMTP certificate?\n\n' +
      `Current certificate: '${previous.thumbprint}' (expires ${expires(previous, notAfter)})\n` +
      `Replace it with certificate: '${record.thumbprint}' (expires ${expires(record, notAfter)})`;
    if (!ctx.session.interactive) {
      ctx.writeError({
        message: `${query}\nThe question can't be asked in a non-interactive session; nothing was changed. Use -Force to replace the default SMTP certificate.`,
        errorId: 'ConfirmOverwriteInternalTransportCertificate',
        category: 'OperationStopped',
        targetObject: record.thumbprint,
      });
      throw new Reported();
    }
    makeDefault = await ctx.shouldContinue(query, 'Confirm');
  }
  return store.enableServices(record.thumbprint, services, { makeDefaultSmtp: makeDefault }).certificate;
}

export const enableExchangeCertificateCmdlet = defineCmdlet({
  name: 'Enable-ExchangeCertificate',
  synopsis: 'Enables a certificate for Exchange services (SMTP for TLS).',
  description:
    'Adds -Services (None, IMAP, POP, UM, IIS, SMTP; a comma list) to the certificate with -Thumbprint. The thumbprint binds from ' +
    'the pipeline by property name, so Import-ExchangeCertificate ... | Enable-ExchangeCertificate -Services SMTP works. Services ' +
    'are never removed. SMTP makes the certificate the default SMTP certificate, asking first when another one is (-Force: no ' +
    'question). The certificate must have its private key and a Valid status (chain to a trusted root, within its dates, not revoked).',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Enable-ExchangeCertificate'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [],
  parameters: {
    Thumbprint: {
      type: 'string',
      mandatory: true,
      position: 0,
      valueFromPipeline: true,
      valueFromPipelineByPropertyName: true,
      complete: completeThumbprint,
      description: 'The certificate (40 hexadecimal digits, spaces allowed).',
    },
    Services: { type: AllowedServicesEnum, mandatory: true, description: 'Services to enable: None, IMAP, POP, UM, IIS, SMTP.' },
    Force: { type: 'switch', description: 'Replace the default SMTP certificate without asking.' },
    Server: SERVER_PARAMETER,
  },
  examples: [
    {
      title: 'Enable a self-signed certificate for SMTP',
      setup:
        'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null\n' +
        '$c = New-ExchangeCertificate -SubjectName "CN=mail1.contoso.com" -Services None',
      code: 'Enable-ExchangeCertificate -Thumbprint $c.Thumbprint -Services SMTP\n(Get-ExchangeCertificate $c.Thumbprint).ServicesStringForm',
      output: '....S',
    },
    {
      title: 'An unknown thumbprint',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -NoDnsRegistration | Out-Null',
      code: 'Enable-ExchangeCertificate -Thumbprint AB493A0C9A6C0327162FE04EF74609CB8FB7FE24 -Services SMTP -ErrorAction SilentlyContinue\n$Error[0].Exception.Message',
      output: 'The certificate with thumbprint AB493A0C9A6C0327162FE04EF74609CB8FB7FE24 was not found.',
    },
  ],
  async process(p, ctx) {
    await tryCertificate(
      ctx,
      async () => {
        const store = certificateStore(ctx, p.Server);
        if (!(await shouldProcessMessage(ctx, `Enable certificate with thumbprint ${store.get(p.Thumbprint!).thumbprint}?`))) return;
        await enableWithPrompt(ctx, store, p.Thumbprint!, p.Services ?? 0, p.Force);
      },
      p.Thumbprint,
    );
  },
});

// One TLS secure context per distinct SMTP certificate, built once (parsing the key is costly) and
// reused by every connection; a different certificate from the `certificate()` callback simply
// gets its own entry, so enabling a new certificate takes effect on the next connection.
import { constants } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import { parseCertificate } from '../pki/certificate-info.ts';
import type { CertificateSummary } from '../pki/certificate-summary.ts';
import type { SmtpCertificate } from './transport-settings.ts';

export interface CertificateContext {
  secureContext: SecureContext;
  info: CertificateSummary;
}

const maxEntries = 16;

export class TlsContextCache {
  private readonly entries = new Map<string, { keyPem: string; chain: string; context: CertificateContext }>();
  /** The store's certificate reader returns the same object while the store is unchanged. */
  private readonly byObject = new WeakMap<SmtpCertificate, CertificateContext>();
  private plainClientContext: SecureContext | undefined;

  get(certificate: SmtpCertificate): CertificateContext {
    const same = this.byObject.get(certificate);
    if (same) return same;
    const context = this.byText(certificate);
    this.byObject.set(certificate, context);
    return context;
  }

  private byText(certificate: SmtpCertificate): CertificateContext {
    const chain = certificate.chainPems.join('\n');
    const cached = this.entries.get(certificate.certPem);
    if (cached && cached.keyPem === certificate.keyPem && cached.chain === chain) return cached.context;
    const context: CertificateContext = {
      secureContext: createSecureContext({
        key: certificate.keyPem,
        cert: [certificate.certPem.trim(), ...certificate.chainPems.map((pem) => pem.trim())].join('\n'),
        minVersion: 'TLSv1.2',
        // Full handshake per session, as Exchange 2007: no TLS session tickets to build (and re-parse the peer certificate for).
        secureOptions: constants.SSL_OP_NO_TICKET,
      }),
      info: parseCertificate(certificate.certPem),
    };
    if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(certificate.certPem, { keyPem: certificate.keyPem, chain, context });
    return context;
  }

  /** A client context without a certificate (opportunistic TLS when none is enabled). */
  anonymousClientContext(): SecureContext {
    this.plainClientContext ??= createSecureContext({ minVersion: 'TLSv1.2' });
    return this.plainClientContext;
  }
}

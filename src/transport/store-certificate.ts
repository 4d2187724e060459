// The certificate a receive connector presents, from the server's certificate store: enabled for
// SMTP, with a key, naming the connector FQDN and valid now (else the latest naming it); else the
// default SMTP certificate. The service asks at every EHLO and STARTTLS, so the choice and the key
// are worked out once per version of the store document (DocumentStore.readShared gives the same
// object until the file changes) and only the validity dates are checked against the clock each time.
import { parseCertificate } from '../pki/certificate-info.ts';
import { certificateStoreSpec, SERVICES, type CertificateRecord } from '../store/certificate-records.ts';
import { CertificateStore } from '../store/certificate-store.ts';
import type { EmshState } from '../store/emsh-state.ts';
import type { SmtpCertificate } from './transport-settings.ts';

interface Candidate {
  record: CertificateRecord;
  notBefore: number;
  notAfter: number;
}

/** The certificate for a connector FQDN at a given time, for one version of the store. */
type Choice = (now: number) => SmtpCertificate | undefined;

const validityCache = new Map<string, { notBefore: number; notAfter: number }>();

function candidate(record: CertificateRecord): Candidate {
  let validity = validityCache.get(record.thumbprint);
  if (!validity) {
    const info = parseCertificate(record.certificatePem);
    validity = { notBefore: info.notBefore.getTime(), notAfter: info.notAfter.getTime() };
    validityCache.set(record.thumbprint, validity);
  }
  return { record, ...validity };
}

function usable(record: CertificateRecord | undefined): record is CertificateRecord {
  return !!record && !!record.keyId && (record.services & SERVICES.SMTP) !== 0;
}

function smtpChoice(state: EmshState, serverName: string, fqdn: string): Choice {
  const store = new CertificateStore(state, serverName);
  const candidates = store.findByDomain(fqdn).filter(usable).map(candidate);
  const defaultSmtp = store.getDefaultSmtpCertificate();
  const fallback = candidates.at(-1)?.record ?? (usable(defaultSmtp) ? defaultSmtp : undefined);
  const loaded = new Map<CertificateRecord, SmtpCertificate>();
  const load = (record: CertificateRecord): SmtpCertificate => {
    let certificate = loaded.get(record);
    if (!certificate) {
      const key = state.keys.loadKey(record.keyId!);
      certificate = { keyPem: key.pem, certPem: record.certificatePem, chainPems: (record.chainPems ?? []).filter((pem) => !parseCertificate(pem).isSelfSigned) };
      loaded.set(record, certificate);
    }
    return certificate;
  };
  return (now) => {
    let chosen = fallback;
    for (const c of candidates) if (c.notBefore <= now && now <= c.notAfter) chosen = c.record;
    return chosen ? load(chosen) : undefined;
  };
}

/** The certificate for a connector FQDN, read from the store now. */
export function smtpCertificateFor(state: EmshState, serverName: string, fqdn: string): SmtpCertificate | undefined {
  return smtpChoice(state, serverName, fqdn)(Date.now());
}

/**
 * smtpCertificateFor for a running service: the same answer, worked out again only when the store
 * document changed (another shell imported or enabled a certificate) and otherwise a stat of the
 * file; the same object is returned while nothing changed, so TLS contexts can be keyed on it.
 */
export function smtpCertificateReader(state: EmshState, serverName: string): (fqdn: string) => SmtpCertificate | undefined {
  const spec = certificateStoreSpec(serverName);
  let version: object | undefined;
  let choices = new Map<string, Choice>();
  return (fqdn) => {
    const document = state.documents.readShared(spec);
    if (document !== version) {
      version = document;
      choices = new Map();
    }
    const name = fqdn.toLowerCase();
    let choice = choices.get(name);
    if (!choice) {
      choice = smtpChoice(state, serverName, fqdn);
      choices.set(name, choice);
    }
    return choice(Date.now());
  };
}

// Transport settings for the walkthrough's two organisations, Contoso and Woodgrove Bank, each
// with its own temporary state directory, loopback listeners on port 0, and a lab "DNS" registry
// mapping a domain to the loopback port of the organisation that receives its mail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePeerValidator } from '../../../src/transport/node-peer-validator.ts';
import type { NextHopHost, ReceiveConnectorSettings, SendConnectorSettings, SmtpCertificate, TransportSettings } from '../../../src/transport/transport-settings.ts';
import type { CertificateFiles, LabCertificates } from './certificates.ts';

export function temporaryStateDir(label: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `emsh-transport-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** domain → loopback host and port, filled in once the receiving service listens. */
export class LabRegistry {
  private readonly entries = new Map<string, NextHopHost>();

  set(domain: string, host: NextHopHost): void {
    this.entries.set(domain.toLowerCase(), host);
  }

  readonly resolve = async (domain: string): Promise<NextHopHost[]> => {
    const entry = this.entries.get(domain.toLowerCase());
    return entry ? [entry] : [];
  };
}

export function certificateOf(files: CertificateFiles): SmtpCertificate {
  return { keyPem: files.keyPem, certPem: files.certPem, chainPems: [] };
}

export function inetReceiveConnector(fqdn: string, overrides: Partial<ReceiveConnectorSettings> = {}): ReceiveConnectorSettings {
  return {
    name: 'Inet',
    bindings: [{ address: '127.0.0.1', port: 0 }],
    remoteIPRanges: ['0.0.0.0-255.255.255.255'],
    fqdn,
    enabled: true,
    authMechanism: { tls: true },
    domainSecureEnabled: true,
    maxMessageSize: 10 * 1024 * 1024,
    protocolLoggingLevel: 'Verbose',
    ...overrides,
  };
}

export function internetSendConnector(fqdn: string, overrides: Partial<SendConnectorSettings> = {}): SendConnectorSettings {
  return {
    name: 'Internet',
    addressSpaces: [{ domain: '*', cost: 1 }],
    dnsRoutingEnabled: true,
    smartHosts: [],
    fqdn,
    domainSecureEnabled: true,
    requireTls: false,
    ignoreStartTls: false,
    protocolLoggingLevel: 'Verbose',
    maxMessageSize: 10 * 1024 * 1024,
    enabled: true,
    ...overrides,
  };
}

export interface OrganisationOptions {
  stateDir: string;
  certificates: LabCertificates;
  registry: LabRegistry;
  /** Mutable: tests swap it to change the certificate without a restart. */
  certificate?: { current: SmtpCertificate | undefined };
  overrides?: Partial<TransportSettings>;
}

function organisation(name: 'contoso' | 'woodgrove', options: OrganisationOptions): TransportSettings {
  const { certificates } = options;
  const domain = name === 'contoso' ? 'contoso.com' : 'woodgrovebank.com';
  const partner = name === 'contoso' ? 'woodgrovebank.com' : 'contoso.com';
  const fqdn = `mail.${domain}`;
  const holder = options.certificate ?? { current: certificateOf(certificates[name]) };
  return {
    serverName: name === 'contoso' ? 'MAIL1' : 'WGB-EDGE1',
    stateDir: options.stateDir,
    acceptedDomains: [domain],
    tlsReceiveDomainSecureList: [partner],
    tlsSendDomainSecureList: [partner],
    receiveConnectors: [inetReceiveConnector(fqdn)],
    sendConnectors: [internetSendConnector(fqdn)],
    certificate: () => holder.current,
    validatePeer: createNodePeerValidator({ trustedCaPems: [certificates.caPem], crlPems: [certificates.crlPem] }),
    resolveNextHop: options.registry.resolve,
    durableWrites: false,
    ...options.overrides,
  };
}

export function contosoSettings(options: OrganisationOptions): TransportSettings {
  return organisation('contoso', options);
}

export function woodgroveSettings(options: OrganisationOptions): TransportSettings {
  return organisation('woodgrove', options);
}

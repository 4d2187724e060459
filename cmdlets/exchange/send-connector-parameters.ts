// The send connector settings New-SendConnector and Set-SendConnector share, declared once: each one
// is also the store property it sets.
import type { ParameterDeclarations } from '../../src/pipeline/cmdlet.ts';
import { ProtocolLoggingLevelEnum, SmartHostAuthMechanismEnum } from './exchange-enums.ts';

const multiValued = 'A value or comma-separated list replaces the whole list; @{Add=...; Remove=...} adds and removes entries.';

export const sendConnectorSettings = {
  AddressSpaces: {
    type: 'object',
    description:
      `The domains the connector sends to, as [SMTP:]domain[;cost]: *, contoso.com, *.contoso.com (cost 1 to 100, default 1). ${multiValued}`,
  },
  Comment: { type: 'string', description: 'A free-text comment (at most 1,024 characters).' },
  ConnectionInactivityTimeOut: { type: 'object', description: 'How long an idle connection stays open, such as 00:10:00 (the default).' },
  DNSRoutingEnabled: {
    type: 'bool',
    description: 'Route by DNS MX records ($true, the default) or through -SmartHosts ($false). Domain security needs $true.',
  },
  DomainSecureEnabled: {
    type: 'bool',
    description:
      'Mutual TLS (domain security) to the domains of TLSSendDomainSecureList. Needs DNSRoutingEnabled $true and IgnoreSTARTTLS $false.',
  },
  Enabled: { type: 'bool', description: 'Whether the connector is used (default $true).' },
  ForceHELO: { type: 'bool', description: 'Send HELO instead of EHLO (default $false).' },
  Fqdn: {
    type: 'string',
    description: 'The name sent in HELO/EHLO; for domain security it must match the certificate. Default: the source server FQDN.',
  },
  IgnoreSTARTTLS: { type: 'bool', description: 'Never use STARTTLS (default $false). Not with RequireTLS or DomainSecureEnabled.' },
  IsScopedConnector: { type: 'bool', description: 'Only servers of the same site may use the connector (default $false).' },
  MaxMessageSize: { type: 'object', description: 'The largest message sent, such as 10MB (the default), or unlimited.' },
  Port: { type: 'int', description: 'The destination port (default 25).' },
  ProtocolLoggingLevel: { type: ProtocolLoggingLevelEnum, description: 'None (default) or Verbose: write the SMTP send protocol log.' },
  RequireTLS: { type: 'bool', description: 'Send only over TLS (default $false).' },
  SmartHostAuthMechanism: { type: SmartHostAuthMechanismEnum, description: 'How to authenticate to the smart hosts (default None).' },
  SmartHosts: { type: 'object', description: `Hosts to relay through (names or IP addresses); turns DNS routing off. ${multiValued}` },
  SourceIPAddress: { type: 'string', description: 'The local IP address to send from (default 0.0.0.0, any).' },
  SourceTransportServers: {
    type: 'object',
    description: `The Hub Transport or subscribed Edge servers that send through this connector (not on an Edge). ${multiValued}`,
  },
  UseExternalDNSServersEnabled: { type: 'bool', description: 'Use the external DNS servers of the transport server (default $false).' },
} satisfies ParameterDeclarations;

// Whole-object rules of send and receive connectors, checked on the object a New-/Set- operation
// would write (so `-AuthMechanism None` on a domain-secure connector fails like enabling domain
// security without TLS does). Texts are Exchange's where it has one (reference section 5).
import type { ReceiveConnector } from './receive-connector-defaults.ts';
import type { SendConnector } from './send-connector-defaults.ts';
import { ipRangeKey } from './ip-range.ts';
import { sameName } from './identity.ts';
import { invalidOperation, invalidValue, StoreError } from './store-error.ts';

export const MESSAGES = {
  receiveDomainSecureWithoutTls:
    "The DomainSecureEnabled parameter can't be set to $True unless Transport Layer Security (TLS) is set on the AuthMechanism parameter.",
  receiveDomainSecureWithExternalAuthoritative:
    "The DomainSecureEnabled parameter can't be set to $True if the AuthMechanism parameter is set to ExternalAuthoritative.",
  sendDomainSecureWithoutDnsRouting:
    "The DomainSecureEnabled parameter can't be set to $True unless the DNSRoutingEnabled parameter is also set to $True.",
  sendDomainSecureWithIgnoreStartTls:
    "The DomainSecureEnabled parameter can't be set to $True if the IgnoreSTARTTLS parameter is set to $True.",
  requireTlsWithoutTls: 'If RequireTLS is set, TLS must also be set as an authentication mechanism.',
  externalAuthoritativeWithoutExchangeServers:
    'You must set the value for the PermissionGroups parameter to ExchangeServers when you set the AuthMechanism parameter to a value of ExternalAuthoritative.',
  smartHostNotSet: 'You must specify a smart host if you are not using DNS to route mails.',
  dnsRoutingWithSmartHosts: 'You must not set the DNSRoutingEnabled parameter to $true if smart hosts are used.',
  requireTlsWithIgnoreStartTls: "RequireTLS and IgnoreTLS can't both be set.",
  mappingConflict: (name: string) =>
    `The values that you specified for the Bindings and RemoteIPRanges parameters conflict with the settings on Receive connector "${name}". ` +
    'A Receive connector must have a unique combination of a local IP address & port bindings and remote IP address ranges. Change at least one of these values.',
  usageConflict: 'At most one of the following parameters can be specified: -usage, -internet, -internal, -partner, -custom.',
} as const;

export function validateSendConnector(connector: SendConnector, scope: { edge: boolean }): void {
  if (connector.RequireTLS && connector.IgnoreSTARTTLS) {
    throw invalidOperation(MESSAGES.requireTlsWithIgnoreStartTls, 'IgnoreRequireTLSConflict', connector.Identity);
  }
  if (connector.DNSRoutingEnabled && connector.SmartHosts.length > 0) {
    throw invalidOperation(MESSAGES.dnsRoutingWithSmartHosts, 'DNSRoutingEnabledMustNotBeSpecified', connector.Identity);
  }
  if (!connector.DNSRoutingEnabled && connector.SmartHosts.length === 0) {
    throw invalidOperation(MESSAGES.smartHostNotSet, 'SmartHostNotSet', connector.Identity);
  }
  if (connector.DomainSecureEnabled && !connector.DNSRoutingEnabled) {
    throw invalidOperation(MESSAGES.sendDomainSecureWithoutDnsRouting, 'DomainSecureEnabledWithoutDNSRoutingEnabled', connector.Identity);
  }
  if (connector.DomainSecureEnabled && connector.IgnoreSTARTTLS) {
    throw invalidOperation(MESSAGES.sendDomainSecureWithIgnoreStartTls, 'DomainSecureEnabledWithIgnoreStartTLSEnabled', connector.Identity);
  }
  if (connector.AddressSpaces.length === 0) {
    throw invalidValue(
      `Send connector "${connector.Name}" needs at least one address space, such as SMTP:*;1 or woodgrovebank.com.`,
      'AddressSpacesRequired',
      connector.Identity,
    );
  }
  if (scope.edge && connector.SourceTransportServers.length > 0) {
    throw invalidOperation(
      "The SourceTransportServers parameter isn't valid for Send connectors on an Edge Transport server; " +
        'the Edge server itself is the source.',
      'SourceTransportServersOnEdge',
      connector.Identity,
    );
  }
}

export function validateReceiveConnector(connector: ReceiveConnector, siblings: readonly ReceiveConnector[], scope: { edge: boolean }): void {
  const auth = new Set<string>(connector.AuthMechanism);
  const id = connector.Identity;
  if (connector.DomainSecureEnabled && !auth.has('Tls')) {
    throw invalidOperation(MESSAGES.receiveDomainSecureWithoutTls, 'DomainSecureEnabledWithoutTls', id);
  }
  if (connector.DomainSecureEnabled && auth.has('ExternalAuthoritative')) {
    throw invalidOperation(MESSAGES.receiveDomainSecureWithExternalAuthoritative, 'DomainSecureEnabledWithExternalAuthoritative', id);
  }
  if (connector.RequireTLS && !auth.has('Tls')) {
    throw invalidOperation(MESSAGES.requireTlsWithoutTls, 'RequireTLSWithoutTLS', id);
  }
  if (auth.has('ExternalAuthoritative')) {
    if (!connector.PermissionGroups.includes('ExchangeServers')) {
      throw invalidOperation(MESSAGES.externalAuthoritativeWithoutExchangeServers, 'ExternalAuthoritativeWithoutExchangeServerPermission', id);
    }
    if ([...auth].some((name) => name !== 'ExternalAuthoritative' && name !== 'Tls')) {
      throw invalidOperation(
        'The ExternalAuthoritative authentication mechanism can only be combined with Tls; remove the other values from AuthMechanism.',
        'ExternalAuthoritativeWithOtherMechanisms',
        id,
      );
    }
  }
  if (auth.has('BasicAuthRequireTLS') && !(auth.has('BasicAuth') && auth.has('Tls'))) {
    throw invalidOperation(
      'The BasicAuthRequireTLS authentication mechanism needs BasicAuth and Tls as well; add them to AuthMechanism.',
      'BasicAuthRequireTLSWithoutBasicAuthAndTls',
      id,
    );
  }
  if (scope.edge && connector.PermissionGroups.includes('ExchangeLegacyServers')) {
    throw invalidOperation(
      "The ExchangeLegacyServers permission group isn't supported on an Edge Transport server; remove it from PermissionGroups.",
      'UnSupportedPermissionGroupsForEdge',
      id,
    );
  }
  if (connector.Bindings.length === 0 || connector.RemoteIPRanges.length === 0) {
    throw invalidValue(
      `Receive connector "${connector.Name}" needs at least one binding and one remote IP range.`,
      'BindingsAndRemoteIPRangesRequired',
      id,
    );
  }
  const ranges = new Set(connector.RemoteIPRanges.map(ipRangeKey));
  const bindings = new Set(connector.Bindings.map((b) => b.toLowerCase()));
  for (const other of siblings) {
    if (other.Guid === connector.Guid) continue;
    const sharesBinding = other.Bindings.some((b) => bindings.has(b.toLowerCase()));
    const sharesRange = other.RemoteIPRanges.some((r) => ranges.has(ipRangeKey(r)));
    if (sharesBinding && sharesRange) {
      throw invalidOperation(MESSAGES.mappingConflict(other.Name), 'ReceiveConnectorMappingConflict', id);
    }
  }
}

/** Refuses a name another object of the same kind already has (case-insensitive). */
export function assertUniqueName(
  existing: readonly { Name: string; Guid: string }[],
  name: string,
  kind: string,
  where: string,
  exceptGuid?: string,
): void {
  if (existing.some((item) => item.Guid !== exceptGuid && sameName(item.Name, name))) {
    throw new StoreError(
      `A ${kind} named '${name}' already exists on '${where}'; choose a different name.`,
      'ObjectAlreadyExists',
      'ResourceExists',
      { targetObject: name },
    );
  }
}

/** Refuses names Exchange can't store: empty, longer than 64 characters, or containing a backslash. */
export function assertValidName(name: unknown, kind: string): string {
  const text = typeof name === 'string' ? name.trim() : '';
  if (!text || text.length > 64 || text.includes('\\')) {
    throw invalidValue(
      `"${String(name)}" isn't a valid ${kind} name; use 1 to 64 characters without a backslash (\\).`,
      'InvalidObjectName',
      name,
    );
  }
  return text;
}

// Send connectors (New-/Get-/Set-/Remove-SendConnector) as the context server sees them: inside the
// organisation, or an Edge's own copy (refused while the Edge is subscribed: EdgeSync owns it).
import net from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import type { Transaction } from './documents.ts';
import { addressSpaceKey, canonicalAddressSpace } from './address-space.ts';
import { PROTOCOL_LOGGING_LEVELS, SMART_HOST_AUTH_MECHANISMS, parseEnum } from './flags.ts';
import { matchesIdentity } from './identity.ts';
import {
  applyChanges,
  booleanRule,
  byteSizeRule,
  countRule,
  enumRule,
  multiValuedRule,
  parsedRule,
  requiredTextRule,
  textRule,
  timeSpanRule,
} from './property-rules.ts';
import type { PropertyRules } from './property-rules.ts';
import { SEND_CONNECTOR_USAGES, sendConnectorTemplate, sendConnectorsSpec, withDerivedProperties } from './send-connector-defaults.ts';
import type { SendConnector, SendConnectorUsage } from './send-connector-defaults.ts';
import { assertNotSubscribedEdge, resolveScope } from './server-context.ts';
import type { Scope, ServerContext } from './server-context.ts';
import { findServer } from './servers.ts';
import { isSmtpDomain, parseFqdn } from './smtp-domain.ts';
import { invalidValue, objectAmbiguous, objectNotFound } from './store-error.ts';
import { assertUniqueName, assertValidName, MESSAGES, validateSendConnector } from './validation.ts';

type Settable = Exclude<
  keyof SendConnector,
  | 'Identity' | 'Guid' | 'AuthenticationCredential' | 'ConnectedDomains' | 'HomeMTA' | 'HomeMtaServerId'
  | 'IsSmtpConnector' | 'LinkedReceiveConnector' | 'SmartHostsString' | 'SourceRoutingGroup' | 'WhenCreated' | 'WhenChanged'
>;

/** What Set-SendConnector may change (multi-valued ones take a list or `{ add, remove }`). */
export type SendConnectorChanges = { readonly [K in Settable]?: unknown };

/** New-SendConnector: a name, address spaces, an optional usage template, and any settable property. */
export interface NewSendConnectorParameters extends SendConnectorChanges {
  readonly Name: unknown;
  readonly AddressSpaces: unknown;
  readonly Usage?: unknown;
}

const MAX_SIZE = 2147483647;

const rules: PropertyRules<SendConnector> = {
  Name: (input) => assertValidName(input, 'send connector'),
  AddressSpaces: multiValuedRule(canonicalAddressSpace, { key: addressSpaceKey }),
  Comment: textRule({ nullable: true, maxLength: 1024 }),
  ConnectionInactivityTimeOut: timeSpanRule({ minSeconds: 1, maxSeconds: 86400 }),
  DNSRoutingEnabled: booleanRule,
  DomainSecureEnabled: booleanRule,
  Enabled: booleanRule,
  ForceHELO: booleanRule,
  Fqdn: parsedRule(parseFqdn, { nullable: true }),
  IgnoreSTARTTLS: booleanRule,
  IsScopedConnector: booleanRule,
  MaxMessageSize: byteSizeRule({ max: MAX_SIZE, unlimited: true }),
  Port: countRule({ min: 1, max: 65535 }),
  ProtocolLoggingLevel: enumRule(PROTOCOL_LOGGING_LEVELS, 'Microsoft.Exchange.Data.ProtocolLoggingLevel'),
  RequireTLS: booleanRule,
  SmartHostAuthMechanism: enumRule(SMART_HOST_AUTH_MECHANISMS, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig+AuthMechanisms'),
  SmartHosts: multiValuedRule(parseSmartHost),
  SourceIPAddress: (input) => parseIpAddress(input, 'SourceIPAddress'),
  SourceTransportServers: multiValuedRule((input) => requiredTextRule()(input, '', 'SourceTransportServers')),
  UseExternalDNSServersEnabled: booleanRule,
};

export function listSendConnectors(ctx: ServerContext): SendConnector[] {
  const { documents } = ctx.state;
  return documents.read(sendConnectorsSpec(resolveScope(documents, ctx).folder)).connectors;
}

/** By name or GUID, case-insensitive. */
export function getSendConnector(ctx: ServerContext, identity: string): SendConnector {
  const { documents } = ctx.state;
  const scope = resolveScope(documents, ctx);
  return findOne(documents.read(sendConnectorsSpec(scope.folder)).connectors, identity, scope);
}

/** The usage chosen by -Usage or by one of the -Internet/-Internal/-Partner/-Custom switches. */
export function resolveSendConnectorUsage(options: {
  Usage?: unknown;
  Internet?: boolean;
  Internal?: boolean;
  Partner?: boolean;
  Custom?: boolean;
}): SendConnectorUsage | undefined {
  const chosen: SendConnectorUsage[] = [];
  if (options.Usage !== undefined && options.Usage !== null) {
    chosen.push(parseEnum(SEND_CONNECTOR_USAGES, options.Usage, 'Microsoft.Exchange.Management.SystemConfigurationTasks.NewSendConnector+UsageType'));
  }
  for (const usage of ['Internet', 'Internal', 'Partner', 'Custom'] as const) if (options[usage]) chosen.push(usage);
  if (chosen.length > 1) throw invalidValue(MESSAGES.usageConflict, 'NewSendConnectorIncorrectUsageParameters', chosen);
  return chosen[0];
}

export function newSendConnector(ctx: ServerContext, parameters: NewSendConnectorParameters): SendConnector {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    assertNotSubscribedEdge(scope);
    const { Usage, ...changes } = parameters;
    const usage = resolveSendConnectorUsage({ Usage }) ?? 'Custom';
    const name = assertValidName(parameters.Name, 'send connector');
    const template = sendConnectorTemplate(name, usage, scope.server.Name);
    // Inside the organisation the connector sends from the server it is created on, unless told.
    if (!scope.edge && !('SourceTransportServers' in changes)) template.SourceTransportServers = [scope.server.Name];
    const spec = sendConnectorsSpec(scope.folder);
    const document = tx.read(spec);
    const connector = build(tx, template, changes, scope, document.connectors);
    tx.write(spec, { ...document, connectors: [...document.connectors, connector] });
    return connector;
  });
}

export function setSendConnector(ctx: ServerContext, identity: string, changes: SendConnectorChanges): SendConnector {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    assertNotSubscribedEdge(scope);
    const spec = sendConnectorsSpec(scope.folder);
    const document = tx.read(spec);
    const current = findOne(document.connectors, identity, scope);
    const built = build(tx, current, changes, scope, document.connectors);
    // Nothing changed: nothing is written (the cmdlet may warn with noSettingsModifiedWarning).
    if (isDeepStrictEqual(built, current)) return current;
    const connector = { ...built, WhenChanged: new Date().toISOString() };
    tx.write(spec, { ...document, connectors: document.connectors.map((c) => (c.Guid === current.Guid ? connector : c)) });
    return connector;
  });
}

export function removeSendConnector(ctx: ServerContext, identity: string): SendConnector {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    assertNotSubscribedEdge(scope);
    const spec = sendConnectorsSpec(scope.folder);
    const document = tx.read(spec);
    const current = findOne(document.connectors, identity, scope);
    tx.write(spec, { ...document, connectors: document.connectors.filter((c) => c.Guid !== current.Guid) });
    return current;
  });
}

/** Applies changes to a connector, resolves its source servers and validates the result. */
function build(tx: Transaction, base: SendConnector, changes: SendConnectorChanges, scope: Scope, siblings: readonly SendConnector[]): SendConnector {
  const { result, specified } = applyChanges(base, changes, rules);
  // Smart hosts imply smart-host routing unless DNSRoutingEnabled is given too (then it must be $false).
  if (specified.includes('SmartHosts') && result.SmartHosts.length > 0 && !specified.includes('DNSRoutingEnabled')) {
    result.DNSRoutingEnabled = false;
  }
  result.SourceTransportServers = result.SourceTransportServers.map((name) => {
    const server = findServer(tx, name);
    const inOrganization = server && (server.ServerRole === 'HubTransport' || server.EdgeSubscription !== null);
    if (!server || !inOrganization) throw objectNotFound(name, scope.where);
    return server.Name;
  });
  const connector = withDerivedProperties(result);
  assertUniqueName(siblings, connector.Name, 'send connector', scope.where, base.Guid);
  validateSendConnector(connector, scope);
  return connector;
}

function findOne(connectors: readonly SendConnector[], identity: string, scope: Scope): SendConnector {
  const found = connectors.filter((c) => matchesIdentity(c, identity.trim()));
  if (found.length > 1) throw objectAmbiguous(identity);
  if (!found[0]) throw objectNotFound(identity, scope.where);
  return found[0];
}

/** A smart host: a host name, an IP address, `[IP address]`, or `--` (EdgeSync: the Hub servers). */
function parseSmartHost(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const bracketed = /^\[(.+)\]$/.exec(text);
  if (text === '--' || isSmtpDomain(text) || net.isIP(text) || (bracketed && net.isIP(bracketed[1]!))) return text;
  throw invalidValue(
    `"${String(value)}" isn't a valid smart host; use a host name, an IP address or an IP address in brackets ([10.1.1.1]).`,
    'InvalidSmartHost',
    value,
  );
}

function parseIpAddress(value: unknown, property: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!net.isIP(text)) throw invalidValue(`"${String(value)}" isn't a valid IP address for ${property}.`, 'InvalidIPAddress', value);
  return text;
}

// Receive connectors (New-/Get-/Set-/Remove-ReceiveConnector): per-server objects, never replicated
// by EdgeSync, so they can be changed on a subscribed Edge too.
//
// Identity resolution: `Inet` or `SERVER\Inet` (server by name or FQDN), or a GUID, case-insensitive.
// On an Edge only the Edge's own connectors exist (its directory holds no other server). Inside the
// organisation a bare name is looked up on every Hub server and must match exactly one connector.
import { isDeepStrictEqual } from 'node:util';
import type { Transaction } from './documents.ts';
import { canonicalBinding } from './binding.ts';
import { AUTH_MECHANISMS, PERMISSION_GROUPS, PROTOCOL_LOGGING_LEVELS, SIZE_ENABLED_VALUES, parseEnum } from './flags.ts';
import { matchesIdentity, parseConnectorIdentity, sameName } from './identity.ts';
import { canonicalIpRange, ipRangeKey } from './ip-range.ts';
import {
  applyChanges,
  booleanRule,
  byteSizeRule,
  countRule,
  enumRule,
  flagsRule,
  multiValuedRule,
  parsedRule,
  textRule,
  timeSpanRule,
  unlimitedCountRule,
} from './property-rules.ts';
import type { PropertyRules } from './property-rules.ts';
import { RECEIVE_CONNECTOR_USAGES, receiveConnectorTemplate, receiveConnectorsSpec } from './receive-connector-defaults.ts';
import type { ReceiveConnector, ReceiveConnectorUsage } from './receive-connector-defaults.ts';
import { resolveScope } from './server-context.ts';
import type { Scope, ServerContext } from './server-context.ts';
import { findServer, listServers } from './servers.ts';
import type { ExchangeServer } from './servers.ts';
import { parseFqdn, parseSmtpDomain } from './smtp-domain.ts';
import { invalidValue, objectAmbiguous, objectNotFound } from './store-error.ts';
import { assertUniqueName, assertValidName, validateReceiveConnector } from './validation.ts';

type Settable = Exclude<keyof ReceiveConnector, 'Identity' | 'Server' | 'Guid' | 'WhenCreated' | 'WhenChanged'>;

/** What Set-ReceiveConnector may change (multi-valued ones take a list or `{ add, remove }`). */
export type ReceiveConnectorChanges = { readonly [K in Settable]?: unknown };

/** New-ReceiveConnector: name, bindings, remote IP ranges, optional usage and server, any settable property. */
export interface NewReceiveConnectorParameters extends ReceiveConnectorChanges {
  readonly Name: unknown;
  readonly Bindings: unknown;
  readonly RemoteIPRanges: unknown;
  readonly Usage?: unknown;
  /** Name or FQDN of the server to create it on; default the context server. */
  readonly Server?: string;
}

const MAX_INT = 2147483647;

const rules: PropertyRules<ReceiveConnector> = {
  Name: (input) => assertValidName(input, 'receive connector'),
  AuthMechanism: flagsRule(AUTH_MECHANISMS, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms'),
  Banner: parsedRule(parseBanner, { nullable: true }),
  BinaryMimeEnabled: booleanRule,
  Bindings: multiValuedRule(canonicalBinding, { required: true }),
  ChunkingEnabled: booleanRule,
  Comment: textRule({ nullable: true, maxLength: 1024 }),
  ConnectionInactivityTimeout: timeSpanRule({ minSeconds: 1, maxSeconds: 86400 }),
  ConnectionTimeout: timeSpanRule({ minSeconds: 1, maxSeconds: 86400 }),
  DefaultDomain: parsedRule(parseSmtpDomain, { nullable: true }),
  DeliveryStatusNotificationEnabled: booleanRule,
  DomainSecureEnabled: booleanRule,
  EightBitMimeEnabled: booleanRule,
  EnableAuthGSSAPI: booleanRule,
  Enabled: booleanRule,
  EnhancedStatusCodesEnabled: booleanRule,
  Fqdn: (input) => parseFqdn(input),
  LongAddressesEnabled: booleanRule,
  MaxHeaderSize: (input, current, property) => byteSizeRule({ min: 1, max: MAX_INT })(input, current, property) as number,
  MaxHopCount: countRule({ min: 1, max: 500 }),
  MaxInboundConnection: unlimitedCountRule({ min: 1, max: MAX_INT }),
  MaxInboundConnectionPercentagePerSource: countRule({ min: 1, max: 100 }),
  MaxInboundConnectionPerSource: unlimitedCountRule({ min: 1, max: 10000 }),
  MaxLocalHopCount: countRule({ min: 0, max: 50 }),
  MaxLogonFailures: countRule({ min: 0, max: 10 }),
  MaxMessageSize: byteSizeRule({ min: 65536, max: MAX_INT }),
  MaxProtocolErrors: unlimitedCountRule({ min: 0, max: MAX_INT }),
  MaxRecipientsPerMessage: countRule({ min: 1, max: 512000 }),
  MessageRateLimit: unlimitedCountRule({ min: 1, max: MAX_INT }),
  OrarEnabled: booleanRule,
  PermissionGroups: flagsRule(PERMISSION_GROUPS, 'Microsoft.Exchange.Data.PermissionGroups'),
  PipeliningEnabled: booleanRule,
  ProtocolLoggingLevel: enumRule(PROTOCOL_LOGGING_LEVELS, 'Microsoft.Exchange.Data.ProtocolLoggingLevel'),
  RemoteIPRanges: multiValuedRule(canonicalIpRange, { key: ipRangeKey, required: true }),
  RequireEHLODomain: booleanRule,
  RequireTLS: booleanRule,
  SizeEnabled: enumRule(SIZE_ENABLED_VALUES, 'Microsoft.Exchange.Data.SizeMode'),
  TarpitInterval: timeSpanRule({ minSeconds: 0, maxSeconds: 600 }),
};

/**
 * Get-ReceiveConnector [-Server]: the context Edge's connectors, or inside the organisation the
 * connectors of every Hub server (or of the one named).
 */
export function listReceiveConnectors(ctx: ServerContext, options: { server?: string } = {}): ReceiveConnector[] {
  const { documents } = ctx.state;
  const scope = resolveScope(documents, ctx);
  const servers = options.server ? [serverInScope(documents, scope, options.server)] : serversInScope(documents, scope);
  return servers.flatMap((server) => documents.read(receiveConnectorsSpec(server.Name)).connectors);
}

export function getReceiveConnector(ctx: ServerContext, identity: string): ReceiveConnector {
  const { documents } = ctx.state;
  return resolve(documents, resolveScope(documents, ctx), identity).connector;
}

export function newReceiveConnector(ctx: ServerContext, parameters: NewReceiveConnectorParameters): ReceiveConnector {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    const server = parameters.Server ? serverInScope(tx, scope, parameters.Server) : scope.server;
    const { Usage, Server: _server, ...changes } = parameters;
    const usage: ReceiveConnectorUsage | undefined =
      Usage === undefined || Usage === null
        ? undefined
        : parseEnum(RECEIVE_CONNECTOR_USAGES, Usage, 'Microsoft.Exchange.Management.SystemConfigurationTasks.NewReceiveConnector+UsageType');
    const template = receiveConnectorTemplate(server, assertValidName(parameters.Name, 'receive connector'), usage);
    const spec = receiveConnectorsSpec(server.Name);
    const document = tx.read(spec);
    const connector = build(template, changes, server, document.connectors);
    tx.write(spec, { ...document, connectors: [...document.connectors, connector] });
    return connector;
  });
}

export function setReceiveConnector(ctx: ServerContext, identity: string, changes: ReceiveConnectorChanges): ReceiveConnector {
  return ctx.state.documents.transaction((tx) => {
    const { server, connector: current } = resolve(tx, resolveScope(tx, ctx), identity);
    const spec = receiveConnectorsSpec(server.Name);
    const document = tx.read(spec);
    const built = build(current, changes, server, document.connectors);
    // Nothing changed: nothing is written (the cmdlet may warn with noSettingsModifiedWarning).
    if (isDeepStrictEqual(built, current)) return current;
    const connector = { ...built, WhenChanged: new Date().toISOString() };
    tx.write(spec, { ...document, connectors: document.connectors.map((c) => (c.Guid === current.Guid ? connector : c)) });
    return connector;
  });
}

export function removeReceiveConnector(ctx: ServerContext, identity: string): ReceiveConnector {
  return ctx.state.documents.transaction((tx) => {
    const { server, connector } = resolve(tx, resolveScope(tx, ctx), identity);
    const spec = receiveConnectorsSpec(server.Name);
    const document = tx.read(spec);
    tx.write(spec, { ...document, connectors: document.connectors.filter((c) => c.Guid !== connector.Guid) });
    return connector;
  });
}

function build(base: ReceiveConnector, changes: ReceiveConnectorChanges, server: ExchangeServer, siblings: readonly ReceiveConnector[]): ReceiveConnector {
  const { result } = applyChanges(base, changes, rules);
  const connector = { ...result, Identity: `${server.Name}\\${result.Name}` };
  assertUniqueName(siblings, connector.Name, 'receive connector', server.Fqdn, base.Guid);
  validateReceiveConnector(connector, siblings, { edge: server.ServerRole === 'Edge' });
  return connector;
}

type Reader = Pick<Transaction, 'read'>;

function serversInScope(reader: Reader, scope: Scope): ExchangeServer[] {
  if (scope.edge) return [scope.server];
  return listServers(reader).filter((server) => server.ServerRole === 'HubTransport');
}

/** A server the context can see: the Edge itself, or (inside the organisation) a Hub server. */
function serverInScope(reader: Reader, scope: Scope, identity: string): ExchangeServer {
  const server = findServer(reader, identity);
  if (!server || !serversInScope(reader, scope).some((s) => s.Guid === server.Guid)) throw objectNotFound(identity, scope.where);
  return server;
}

function resolve(reader: Reader, scope: Scope, identity: string): { server: ExchangeServer; connector: ReceiveConnector } {
  const parsed = parseConnectorIdentity(identity);
  let servers: ExchangeServer[];
  if (parsed.server !== undefined) {
    const server = findServer(reader, parsed.server);
    const visible = server && serversInScope(reader, scope).some((s) => s.Guid === server.Guid);
    if (!server || !visible) throw objectNotFound(identity.trim(), scope.where);
    servers = [server];
  } else {
    servers = serversInScope(reader, scope);
  }
  const matches = servers.flatMap((server) =>
    reader
      .read(receiveConnectorsSpec(server.Name))
      .connectors.filter((c) => matchesIdentity(c, parsed.name) && sameName(c.Server, server.Name))
      .map((connector) => ({ server, connector })),
  );
  if (matches.length > 1) throw objectAmbiguous(identity.trim());
  if (!matches[0]) throw objectNotFound(identity.trim(), scope.where);
  return matches[0];
}

/** A banner must be an SMTP 220 greeting. */
function parseBanner(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  if (!/^220[ -]\S/.test(text)) {
    throw invalidValue(`The banner "${String(value)}" must start with "220 ", for example "220 mail.contoso.com ESMTP".`, 'InvalidBanner', value);
  }
  return text;
}

// Exchange's enumerations as shell enum types: parameter types (binding, help, tab completion) and
// the values of output objects. Member names come from the store's lists (src/store/flags.ts and
// friends), so the shell and the model never disagree. Other modules (the transport) import these.
//
//   [Microsoft.Exchange.Data.ProtocolLoggingLevel]::Verbose    [AuthMechanisms]'Tls, ExchangeServer'
import { ACCEPTED_DOMAIN_TYPES } from '../../src/store/accepted-domains.ts';
import { AUTH_MECHANISMS, PERMISSION_GROUPS, PROTOCOL_LOGGING_LEVELS, SIZE_ENABLED_VALUES, SMART_HOST_AUTH_MECHANISMS } from '../../src/store/flags.ts';
import { RECEIVE_CONNECTOR_USAGES } from '../../src/store/receive-connector-defaults.ts';
import { SEND_CONNECTOR_USAGES } from '../../src/store/send-connector-defaults.ts';
import { DSN_CONVERSION_MODES, HEADER_PROMOTION_MODES } from '../../src/store/transport-config.ts';
import { registerEnum } from '../../src/runtime/types.ts';
import { EnumType, EnumValue } from '../../src/runtime/values.ts';

/** An ordinary enum: members numbered 0, 1, 2... in the given order. */
function sequential(fullName: string, names: readonly string[]): EnumType {
  return new EnumType(fullName, Object.fromEntries(names.map((name, i) => [name, i])));
}

/** A [Flags] enum whose first member is None (0) and the others 1, 2, 4... in order. */
function flags(fullName: string, names: readonly string[]): EnumType {
  return new EnumType(fullName, Object.fromEntries(names.map((name, i) => [name, i === 0 ? 0 : 1 << (i - 1)])), true);
}

export const ProtocolLoggingLevelEnum = sequential('Microsoft.Exchange.Data.ProtocolLoggingLevel', PROTOCOL_LOGGING_LEVELS);

/** Receive connector AuthMechanism: None, Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ExternalAuthoritative. */
export const AuthMechanismsEnum = flags('Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms', AUTH_MECHANISMS);

export const PermissionGroupsEnum = flags('Microsoft.Exchange.Data.PermissionGroups', PERMISSION_GROUPS);

export const SizeModeEnum = sequential('Microsoft.Exchange.Data.SizeMode', SIZE_ENABLED_VALUES);

export const SmartHostAuthMechanismEnum = sequential(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig+AuthMechanisms',
  SMART_HOST_AUTH_MECHANISMS,
);

export const DsnConversionOptionEnum = sequential('Microsoft.Exchange.Data.Directory.SystemConfiguration.DSNConversionOption', DSN_CONVERSION_MODES);

export const HeaderPromotionModeEnum = sequential('Microsoft.Exchange.Data.Directory.SystemConfiguration.HeaderPromotionMode', HEADER_PROMOTION_MODES);

export const AcceptedDomainTypeEnum = sequential('Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomainType', ACCEPTED_DOMAIN_TYPES);

export const SendConnectorUsageEnum = sequential('Microsoft.Exchange.Management.SystemConfigurationTasks.NewSendConnector+UsageType', SEND_CONNECTOR_USAGES);

export const ReceiveConnectorUsageEnum = sequential(
  'Microsoft.Exchange.Management.SystemConfigurationTasks.NewReceiveConnector+UsageType',
  RECEIVE_CONNECTOR_USAGES,
);

/** Exchange 2007's ServerRole flags (the roles this lab has: HubTransport and Edge). */
export const ServerRoleEnum = new EnumType(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole',
  { None: 0, Mailbox: 2, ClientAccess: 4, UnifiedMessaging: 16, HubTransport: 32, Edge: 64 },
  true,
);

for (const type of [
  ProtocolLoggingLevelEnum,
  AuthMechanismsEnum,
  PermissionGroupsEnum,
  SizeModeEnum,
  DsnConversionOptionEnum,
  HeaderPromotionModeEnum,
  AcceptedDomainTypeEnum,
  ServerRoleEnum,
]) {
  registerEnum(type);
}

/** The member names of a bound enum parameter value (flags split into their names, in enum order). */
export function enumNames(type: EnumType, value: number): string[] {
  return type.namesOf(value);
}

/** The single member name of a bound (non-flags) enum parameter value. */
export function enumName(type: EnumType, value: number): string {
  return type.namesOf(value).join(', ');
}

/** An output value from the store's member name(s): `'Verbose'` or `['Tls', 'ExchangeServer']`. */
export function enumValue(type: EnumType, names: string | readonly string[]): EnumValue {
  let value = 0;
  for (const name of typeof names === 'string' ? [names] : names) {
    const member = type.lookup(name);
    if (member) value |= member.value;
  }
  return type.value(value);
}

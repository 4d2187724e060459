// Exchange enumerations and flag sets as arrays of their names, in enum order
// (`['Tls', 'ExchangeServer']` displays as `Tls, ExchangeServer`). Parsing is case-insensitive and
// a plain value replaces the whole set, as assigning an enum does in PowerShell.
import { StoreError } from './store-error.ts';

export const AUTH_MECHANISMS = [
  'None',
  'Tls',
  'Integrated',
  'BasicAuth',
  'BasicAuthRequireTLS',
  'ExchangeServer',
  'ExternalAuthoritative',
] as const;
export type AuthMechanism = (typeof AUTH_MECHANISMS)[number];

export const PERMISSION_GROUPS = [
  'None',
  'AnonymousUsers',
  'ExchangeUsers',
  'ExchangeServers',
  'ExchangeLegacyServers',
  'Partners',
  'Custom',
] as const;
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

export const PROTOCOL_LOGGING_LEVELS = ['None', 'Verbose'] as const;
export type ProtocolLoggingLevel = (typeof PROTOCOL_LOGGING_LEVELS)[number];

export const SMART_HOST_AUTH_MECHANISMS = ['None', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer', 'ExternalAuthoritative'] as const;
export type SmartHostAuthMechanism = (typeof SMART_HOST_AUTH_MECHANISMS)[number];

export const SIZE_ENABLED_VALUES = ['Disabled', 'Enabled', 'EnabledWithoutValue'] as const;
export type SizeEnabled = (typeof SIZE_ENABLED_VALUES)[number];

/** One value of an enumeration, by name (case-insensitive). */
export function parseEnum<E extends string>(values: readonly E[], value: unknown, typeName: string): E {
  const text = typeof value === 'string' ? value.trim() : '';
  const found = values.find((name) => name.toLowerCase() === text.toLowerCase());
  if (!found) throw enumError(values, value, typeName);
  return found;
}

/**
 * A flag set from `'Tls'`, `'Tls, ExchangeServer'`, `['Tls', 'BasicAuth']`. The result is in enum
 * order without duplicates; `None` (zero) disappears beside other flags and stands alone otherwise.
 */
export function parseFlags<E extends string>(values: readonly E[], value: unknown, typeName: string): E[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((item) =>
    typeof item === 'string' ? item.split(',') : [item],
  );
  const chosen = new Set(parts.map((part) => parseEnum(values, typeof part === 'string' ? part.trim() : part, typeName)));
  const none = values[0]!;
  const flags = values.filter((name) => name !== none && chosen.has(name));
  return flags.length ? flags : [none];
}

function enumError(values: readonly string[], value: unknown, typeName: string): StoreError {
  return new StoreError(
    `Cannot convert value "${String(value)}" to type "${typeName}". Error: "Unable to match the identifier name ` +
      `${String(value)} to a valid enumerator name. Specify one of the following enumerator names and try again:` +
      `\n${values.join(', ')}"`,
    'InvalidEnumValue',
    'InvalidArgument',
    { typeName: 'System.Management.Automation.PSInvalidCastException', targetObject: value },
  );
}

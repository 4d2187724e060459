// TransportConfig (Get-TransportConfig / Set-TransportConfig): the organisation's transport settings,
// with Exchange 2007's properties and defaults. TLSSendDomainSecureList and TLSReceiveDomainSecureList
// hold SmtpDomains (no wildcard, at most 256); a plain value replaces the list, `{ add, remove }`
// changes it (multi-valued.ts).
import { isDeepStrictEqual } from 'node:util';
import type { DocumentSpec } from './documents.ts';
import { enumRule, booleanRule, byteSizeRule, multiValuedRule, parsedRule, timeSpanRule, unlimitedCountRule, applyChanges } from './property-rules.ts';
import type { PropertyRules } from './property-rules.ts';
import type { ByteSize, Unlimited } from './quantities.ts';
import { canonicalIpRange } from './ip-range.ts';
import { parseSmtpAddress, parseSmtpDomain } from './smtp-domain.ts';
import { invalidValue } from './store-error.ts';
import { cannotSetPropertyOnSubscribedEdge, resolveScope } from './server-context.ts';
import type { ServerContext } from './server-context.ts';

export const DSN_CONVERSION_MODES = ['UseExchangeDSNs', 'PreserveDSNBody', 'DoNotConvert'] as const;
export const HEADER_PROMOTION_MODES = ['NoCreate', 'MayCreate', 'MustCreate'] as const;

export interface TransportConfig {
  Identity: string;
  Name: string;
  ClearCategories: boolean;
  DSNConversionMode: (typeof DSN_CONVERSION_MODES)[number];
  GenerateCopyOfDSNFor: string[];
  HeaderPromotionModeSetting: (typeof HEADER_PROMOTION_MODES)[number];
  InternalSMTPServers: string[];
  JournalingReportNdrTo: string | null;
  MaxDumpsterSizePerStorageGroup: ByteSize;
  MaxDumpsterTime: string;
  MaxReceiveSize: ByteSize;
  MaxRecipientEnvelopeLimit: Unlimited<number>;
  MaxSendSize: ByteSize;
  TLSReceiveDomainSecureList: string[];
  TLSSendDomainSecureList: string[];
  VerifySecureSubmitEnabled: boolean;
  VoicemailJournalingEnabled: boolean;
  WritingBrandingInDSNEnabled: boolean;
  Xexch50Enabled: boolean;
  WhenChanged: string | null;
}

/** What Set-TransportConfig may change (multi-valued ones take a list or `{ add, remove }`). */
export type TransportConfigChanges = { readonly [K in Exclude<keyof TransportConfig, 'Identity' | 'Name' | 'WhenChanged'>]?: unknown };

export interface TransportConfigDocument {
  schemaVersion: number;
  config: TransportConfig;
}

const MB = 1024 * 1024;

export function defaultTransportConfig(): TransportConfig {
  return {
    Identity: 'Transport Settings',
    Name: 'Transport Settings',
    ClearCategories: true,
    DSNConversionMode: 'UseExchangeDSNs',
    GenerateCopyOfDSNFor: ['5.4.8', '5.4.6', '5.4.4', '5.2.4', '5.2.0', '5.1.4'],
    HeaderPromotionModeSetting: 'NoCreate',
    InternalSMTPServers: [],
    JournalingReportNdrTo: null,
    MaxDumpsterSizePerStorageGroup: 18 * MB,
    MaxDumpsterTime: '7.00:00:00',
    MaxReceiveSize: 10 * MB,
    MaxRecipientEnvelopeLimit: 5000,
    MaxSendSize: 10 * MB,
    TLSReceiveDomainSecureList: [],
    TLSSendDomainSecureList: [],
    VerifySecureSubmitEnabled: false,
    VoicemailJournalingEnabled: true,
    WritingBrandingInDSNEnabled: true,
    Xexch50Enabled: true,
    WhenChanged: null,
  };
}

export function transportConfigSpec(folder: string): DocumentSpec<TransportConfigDocument> {
  return {
    name: `${folder}/transport-config`,
    schemaVersion: 1,
    create: () => ({ schemaVersion: 1, config: defaultTransportConfig() }),
    // Properties added later get their defaults; stored values win.
    upgrade: (raw) => ({ schemaVersion: 1, config: { ...defaultTransportConfig(), ...(raw.config as Partial<TransportConfig>) } }),
  };
}

/** The TLS domain-secure lists: SmtpDomain values, at most 256 (Exchange's limit). */
const tlsDomainListRule = multiValuedRule(parseSmtpDomain, { maxCount: 256 });

const rules: PropertyRules<TransportConfig> = {
  ClearCategories: booleanRule,
  DSNConversionMode: enumRule(DSN_CONVERSION_MODES, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.DSNConversionOption'),
  GenerateCopyOfDSNFor: multiValuedRule(parseDsnCode),
  HeaderPromotionModeSetting: enumRule(HEADER_PROMOTION_MODES, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.HeaderPromotionMode'),
  InternalSMTPServers: multiValuedRule(canonicalIpRange),
  JournalingReportNdrTo: parsedRule(parseSmtpAddress, { nullable: true }),
  MaxDumpsterSizePerStorageGroup: byteSizeRule({ max: 2 * 1024 * MB }),
  MaxDumpsterTime: timeSpanRule({ maxSeconds: 24855 * 86400 }),
  MaxReceiveSize: byteSizeRule({ max: 2 * 1024 * MB, unlimited: true }),
  MaxRecipientEnvelopeLimit: unlimitedCountRule({ min: 0, max: 2147483647 }),
  MaxSendSize: byteSizeRule({ max: 2 * 1024 * MB, unlimited: true }),
  TLSReceiveDomainSecureList: tlsDomainListRule,
  TLSSendDomainSecureList: tlsDomainListRule,
  VerifySecureSubmitEnabled: booleanRule,
  VoicemailJournalingEnabled: booleanRule,
  WritingBrandingInDSNEnabled: booleanRule,
  Xexch50Enabled: booleanRule,
};

/** Properties an Edge Transport server doesn't use (setting them there only warns). */
export const PROPERTIES_UNUSED_ON_EDGE = ['MaxDumpsterSizePerStorageGroup', 'MaxDumpsterTime', 'MaxReceiveSize', 'MaxRecipientEnvelopeLimit'] as const;

export const EDGE_UNUSED_PROPERTIES_WARNING =
  "Edge Transport servers don't use the MaxDumpsterSizePerStorageGroup, MaxDumpsterTime, MaxReceiveSize, " +
  'MaxRecipientEnvelopeLimit, and SupervisionTags parameters. Therefore, setting these parameters will have no effect.';

/** Exchange's warning when a Set- cmdlet changes nothing. */
export function noSettingsModifiedWarning(identity: string): string {
  return `The command completed successfully but no settings of '${identity}' have been modified.`;
}

/** Get-TransportConfig as the context server sees it. */
export function getTransportConfig(ctx: ServerContext): TransportConfig {
  const { documents } = ctx.state;
  return documents.read(transportConfigSpec(resolveScope(documents, ctx).folder)).config;
}

export interface SetTransportConfigResult {
  config: TransportConfig;
  /** Warnings for the cmdlet to write (WriteWarning). */
  warnings: string[];
}

/**
 * Set-TransportConfig. On a subscribed Edge every property is owned by EdgeSync, so the first one
 * given is refused with Exchange's text. Everything is validated before anything is written.
 */
export function setTransportConfig(ctx: ServerContext, changes: TransportConfigChanges): SetTransportConfigResult {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    const spec = transportConfigSpec(scope.folder);
    const current = tx.read(spec).config;
    const { result, specified } = applyChanges(current, changes, rules);
    if (scope.subscribed && specified.length > 0) throw cannotSetPropertyOnSubscribedEdge(specified[0]!);
    const warnings =
      scope.edge && specified.some((name) => (PROPERTIES_UNUSED_ON_EDGE as readonly string[]).includes(name))
        ? [EDGE_UNUSED_PROPERTIES_WARNING]
        : [];
    if (isDeepStrictEqual(result, current)) return { config: current, warnings: [...warnings, noSettingsModifiedWarning(current.Identity)] };
    const config = { ...result, WhenChanged: new Date().toISOString() };
    tx.write(spec, { schemaVersion: 1, config });
    return { config, warnings };
  });
}

/** Enhanced status codes such as `5.4.8` (GenerateCopyOfDSNFor). */
function parseDsnCode(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^[245]\.\d{1,3}\.\d{1,3}$/.test(text)) {
    throw invalidValue(`"${String(value)}" isn't a valid enhanced status code; use the form 5.4.8.`, 'InvalidEnhancedStatusCode', value);
  }
  return text;
}

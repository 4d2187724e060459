// Get-TransportConfig and Set-TransportConfig: the organisation's transport settings, among them the
// two lists domain security hangs on, TLSSendDomainSecureList and TLSReceiveDomainSecureList.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { ParameterDeclarations } from '../../src/pipeline/cmdlet.ts';
import { getTransportConfig, noSettingsModifiedWarning, setTransportConfig } from '../../src/store/transport-config.ts';
import { directoryInfo } from './exchange-directory.ts';
import { DsnConversionOptionEnum, HeaderPromotionModeEnum } from './exchange-enums.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from './exchange-module.ts';
import { transportConfigObject, TRANSPORT_CONFIG_TYPE } from './exchange-objects.ts';
import { boundChanges } from './exchange-parameters.ts';
import { shouldProcessMessage } from './exchange-should-process.ts';
import { changeAndReplicate, failWithStoreError, organizationContext, organizationContextOrFail, writeStoreError } from './exchange-state.ts';
import './exchange-views.ts';

const LAB_NOTE =
  'Organisation-level: inside the organisation (a Hub Transport server) it changes the organisation and EdgeSync ' +
  'replicates the change to every subscribed Edge server at once; on a stand-alone Edge it changes that Edge; on a ' +
  "subscribed Edge it is refused (configure it inside the organisation). See Initialize-LabOrganization for the lab's servers.";

const multiValued = (what: string) =>
  `${what} A value or comma-separated list replaces the whole list; @{Add="a.com"; Remove="b.com"} adds and removes entries ` +
  'without touching the others; $null empties it.';

const settings = {
  ClearCategories: { type: 'bool', description: 'Whether Outlook message categories are cleared during content conversion (default $true).' },
  DSNConversionMode: { type: DsnConversionOptionEnum, description: 'How delivery status notifications are converted (default UseExchangeDSNs).' },
  GenerateCopyOfDSNFor: { type: 'object', description: multiValued('Enhanced status codes (such as 5.4.8) whose DSNs are copied to the postmaster mailbox.') },
  HeaderPromotionModeSetting: { type: HeaderPromotionModeEnum, description: 'Whether named properties are created for custom X-headers (NoCreate, MayCreate, MustCreate).' },
  InternalSMTPServers: { type: 'object', description: multiValued('IP addresses or ranges of internal SMTP servers (for Sender ID).') },
  JournalingReportNdrTo: { type: 'string', description: 'The SMTP address journal reports that cannot be delivered are sent to.' },
  MaxDumpsterSizePerStorageGroup: { type: 'object', description: 'Transport dumpster size per storage group, such as 18MB (not used on an Edge).' },
  MaxDumpsterTime: { type: 'object', description: 'How long messages stay in the transport dumpster, such as 7.00:00:00 (not used on an Edge).' },
  MaxReceiveSize: { type: 'object', description: 'Largest message the organisation receives, such as 10MB, or unlimited.' },
  MaxRecipientEnvelopeLimit: { type: 'object', description: 'Most recipients a message may have, or unlimited.' },
  MaxSendSize: { type: 'object', description: 'Largest message the organisation sends, such as 10MB, or unlimited.' },
  TLSReceiveDomainSecureList: {
    type: 'object',
    description: multiValued('SMTP domains (no wildcards, at most 256) mail is received from with mutual TLS (domain security).'),
  },
  TLSSendDomainSecureList: {
    type: 'object',
    description: multiValued('SMTP domains (no wildcards, at most 256) mail is sent to with mutual TLS (domain security).'),
  },
  VerifySecureSubmitEnabled: { type: 'bool', description: 'Whether MAPI submissions from Outlook 2007 are checked for secure submission.' },
  VoicemailJournalingEnabled: { type: 'bool', description: 'Whether Unified Messaging voice mail is journaled.' },
  WritingBrandingInDSNEnabled: { type: 'bool', description: 'Whether DSNs carry the organisation\'s branding.' },
  Xexch50Enabled: { type: 'bool', description: 'Whether the XEXCH50 command is offered for Exchange 2003 interoperability.' },
} satisfies ParameterDeclarations;

export const getTransportConfigCmdlet = defineCmdlet({
  name: 'Get-TransportConfig',
  synopsis: 'Gets the organisation-wide transport configuration.',
  description: `Shows the transport settings of the organisation (TransportConfig). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-TransportConfig'),
  outputType: [TRANSPORT_CONFIG_TYPE],
  parameters: {},
  examples: [
    {
      title: 'The domain-secure lists of a new organisation are empty',
      code: 'Get-TransportConfig | Format-List TLS*',
      output: 'TLSReceiveDomainSecureList : {}\nTLSSendDomainSecureList    : {}',
    },
    {
      title: 'A size limit is an Unlimited<ByteQuantifiedSize>',
      code: '(Get-TransportConfig).MaxSendSize\n(Get-TransportConfig).MaxSendSize.Value.ToMB()',
      output: 'IsUnlimited Value\n----------- -----\n      False 10MB\n10',
    },
  ],
  process(_p, ctx) {
    try {
      const server = organizationContext(ctx.session);
      ctx.write(transportConfigObject(getTransportConfig(server), directoryInfo(server)));
    } catch (error) {
      failWithStoreError(ctx, error);
    }
  },
});

export const setTransportConfigCmdlet = defineCmdlet({
  name: 'Set-TransportConfig',
  synopsis: 'Changes the organisation-wide transport configuration.',
  description:
    'Changes the transport settings of the organisation. TLSSendDomainSecureList and TLSReceiveDomainSecureList are ' +
    'multi-valued: as the walkthrough warns, a plain value replaces the whole list, so pass the existing domains too, or ' +
    `use @{Add=...; Remove=...}. Nothing is written when a value is invalid. ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Set-TransportConfig'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: settings,
  examples: [
    {
      title: 'Step 3 of the walkthrough: send domain-secured mail to Woodgrove Bank',
      code: 'Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com\n(Get-TransportConfig).TLSSendDomainSecureList',
      output: 'woodgrovebank.com',
    },
    {
      title: 'A plain value replaces the list; a hashtable adds and removes',
      code:
        'Set-TransportConfig -TLSReceiveDomainSecureList woodgrovebank.com,fabrikam.com\n' +
        'Set-TransportConfig -TLSReceiveDomainSecureList @{Add="contoso.org"; Remove="fabrikam.com"}\n' +
        'Get-TransportConfig | Format-List TLSReceiveDomainSecureList',
      output: 'TLSReceiveDomainSecureList : {woodgrovebank.com, contoso.org}',
    },
    {
      title: 'What would change, without changing it',
      code: 'Set-TransportConfig -TLSSendDomainSecureList fabrikam.com -WhatIf',
      output: 'What if: Setting Transport configuration.',
    },
  ],
  async process(p, ctx) {
    const changes = boundChanges(p, ctx, settings);
    const server = organizationContextOrFail(ctx);
    if (!(await shouldProcessMessage(ctx, 'Setting Transport configuration.'))) return;
    try {
      const { warnings } = changeAndReplicate(
        server,
        () => setTransportConfig(server, changes),
        (result) => !result.warnings.includes(noSettingsModifiedWarning(result.config.Identity)),
      );
      for (const warning of warnings) ctx.writeWarning(warning);
    } catch (error) {
      writeStoreError(ctx, error);
    }
  },
});

export const transportConfigCmdlets = [getTransportConfigCmdlet, setTransportConfigCmdlet];

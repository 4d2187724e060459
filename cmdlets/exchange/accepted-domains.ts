// New-/Get-/Set-/Remove-AcceptedDomain: the SMTP domains the organisation accepts mail for
// (organisation-level: replicated to subscribed Edge servers by EdgeSync).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { getAcceptedDomain, listAcceptedDomains, newAcceptedDomain, removeAcceptedDomain, setAcceptedDomain } from '../../src/store/accepted-domains.ts';
import { noSettingsModifiedWarning } from '../../src/store/transport-config.ts';
import { completeAcceptedDomain } from './exchange-completion.ts';
import { directoryInfo } from './exchange-directory.ts';
import { AcceptedDomainTypeEnum, enumName } from './exchange-enums.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from './exchange-module.ts';
import { confirmedTarget, identityParameter, matchIdentity, writeObjects } from './exchange-object-cmdlet.ts';
import { shouldProcessMessage } from './exchange-should-process.ts';
import { attempt, changeAndReplicate, organizationContextOrFail } from './exchange-state.ts';
import { acceptedDomainObject, ACCEPTED_DOMAIN_TYPE } from './server-objects.ts';
import './exchange-views.ts';

const LAB_NOTE =
  'Accepted domains are organisation-level: changed inside the organisation they reach subscribed Edge servers through ' +
  'EdgeSync at once; on a subscribed Edge changes are refused.';

const identity = identityParameter(completeAcceptedDomain, 'The accepted domain: its name, its domain name, or its GUID.');

const domainType = {
  type: AcceptedDomainTypeEnum,
  description: 'Authoritative (the default: mailboxes in this organisation), InternalRelay or ExternalRelay.',
} as const;

export const getAcceptedDomainCmdlet = defineCmdlet({
  name: 'Get-AcceptedDomain',
  synopsis: 'Gets accepted domains.',
  description: `Lists the accepted domains, or the one named (name with wildcards, domain name or GUID). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-AcceptedDomain'),
  outputType: [ACCEPTED_DOMAIN_TYPE],
  parameters: { Identity: { ...identity, mandatory: false, description: 'The accepted domain (wildcards allowed). All when omitted.' } },
  examples: [
    {
      title: 'The accepted domains',
      setup: 'New-AcceptedDomain "Contoso Mail" -DomainName mail.contoso.com | Out-Null',
      code: 'Get-AcceptedDomain "Contoso Mail"',
      output: 'Name         DomainName       DomainType    Default\n----         ----------       ----------    -------\nContoso Mail mail.contoso.com Authoritative False',
    },
  ],
  process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    const found = matchIdentity(ctx, listAcceptedDomains(server), p.Identity, (d) => [d.Name, d.DomainName, d.Guid], () => getAcceptedDomain(server, p.Identity!));
    writeObjects(ctx, server, found, acceptedDomainObject);
  },
});

export const newAcceptedDomainCmdlet = defineCmdlet({
  name: 'New-AcceptedDomain',
  synopsis: 'Creates an accepted domain.',
  description: `Adds an SMTP domain (contoso.com, or *.contoso.com with its subdomains) the organisation accepts mail for. ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('New-AcceptedDomain'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [ACCEPTED_DOMAIN_TYPE],
  parameters: {
    Name: { type: 'string', mandatory: true, position: 0, description: 'The accepted domain\'s name (such as "Contoso Domain").' },
    DomainName: { type: 'string', mandatory: true, description: 'The SMTP domain: contoso.com, or *.contoso.com for it and its subdomains.' },
    DomainType: domainType,
  },
  examples: [
    {
      title: 'What the Exchange documentation shows for -WhatIf',
      code: 'New-AcceptedDomain -Name "Contoso Domain" -DomainName "contoso.com" -WhatIf',
      output: 'What if: Creating Accepted Domain "Contoso Domain" with domain name "contoso.com".',
    },
    {
      title: 'Accept mail for a subdomain',
      code: '(New-AcceptedDomain "Mail" -DomainName mail.contoso.com).DomainType',
      output: 'Authoritative',
    },
  ],
  async process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    if (!(await shouldProcessMessage(ctx, `Creating Accepted Domain "${p.Name}" with domain name "${p.DomainName}".`))) return;
    const parameters = { Name: p.Name, DomainName: p.DomainName, DomainType: p.DomainType === undefined ? undefined : enumName(AcceptedDomainTypeEnum, p.DomainType) };
    const created = attempt(ctx, () => changeAndReplicate(server, () => newAcceptedDomain(server, parameters)));
    if (created) ctx.write(acceptedDomainObject(created, directoryInfo(server)));
  },
});

export const setAcceptedDomainCmdlet = defineCmdlet({
  name: 'Set-AcceptedDomain',
  synopsis: 'Changes an accepted domain.',
  description: `Renames an accepted domain, changes its type, or makes it the default domain (-MakeDefault). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Set-AcceptedDomain'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Identity: identity,
    Name: { type: 'string', description: 'A new name.' },
    DomainType: domainType,
    MakeDefault: { type: 'switch', description: 'Make this the default accepted domain.' },
  },
  examples: [
    {
      title: 'A new default domain',
      setup: 'New-AcceptedDomain "Mail" -DomainName mail.contoso.com | Out-Null',
      code: 'Set-AcceptedDomain Mail -MakeDefault\n(Get-AcceptedDomain | Where-Object Default).Name',
      output: 'Mail',
    },
  ],
  async process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    const current = await confirmedTarget(ctx, () => getAcceptedDomain(server, p.Identity!), (d) => `Setting Accepted Domain "${d.Identity}".`);
    if (!current) return;
    const type = p.DomainType === undefined ? undefined : enumName(AcceptedDomainTypeEnum, p.DomainType);
    const unchanged =
      (p.Name === undefined || p.Name === current.Name) && (type === undefined || type === current.DomainType) && (!p.MakeDefault || current.Default);
    if (unchanged) {
      ctx.writeWarning(noSettingsModifiedWarning(current.Identity));
      return;
    }
    attempt(ctx, () => changeAndReplicate(server, () => setAcceptedDomain(server, current.Guid, { Name: p.Name, DomainType: type, MakeDefault: p.MakeDefault })));
  },
});

export const removeAcceptedDomainCmdlet = defineCmdlet({
  name: 'Remove-AcceptedDomain',
  synopsis: 'Removes an accepted domain.',
  description: `Removes an accepted domain (not the default one while others exist). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Remove-AcceptedDomain'),
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: { Identity: identity },
  examples: [
    {
      title: 'Remove a domain without being asked',
      setup: 'New-AcceptedDomain "Mail" -DomainName mail.contoso.com | Out-Null',
      code: 'Remove-AcceptedDomain Mail -Confirm:$false\n@(Get-AcceptedDomain Mail*).Count',
      output: '0',
    },
  ],
  async process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    const current = await confirmedTarget(ctx, () => getAcceptedDomain(server, p.Identity!), (d) => `Removing Accepted Domain "${d.Identity}".`);
    if (!current) return;
    attempt(ctx, () => changeAndReplicate(server, () => removeAcceptedDomain(server, current.Guid)));
  },
});

export const acceptedDomainCmdlets = [getAcceptedDomainCmdlet, newAcceptedDomainCmdlet, setAcceptedDomainCmdlet, removeAcceptedDomainCmdlet];

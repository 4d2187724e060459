// Get-ExchangeServer, and the lab's New-ExchangeServer (Exchange creates servers with Setup; the lab
// creates Hub Transport and Edge Transport servers with a cmdlet).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { visibleServers } from '../../src/store/server-context.ts';
import { newServer } from '../../src/store/servers.ts';
import { objectNotFound } from '../../src/store/store-error.ts';
import { completeServer } from './exchange-completion.ts';
import { directoryInfo } from './exchange-directory.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from './exchange-module.ts';
import { matchIdentity, writeObjects } from './exchange-object-cmdlet.ts';
import { shouldProcessMessage } from './exchange-should-process.ts';
import { attempt, contextServerFqdn, exchangeState, organizationContext, organizationContextOrFail } from './exchange-state.ts';
import { exchangeServerObject, EXCHANGE_SERVER_TYPE } from './server-objects.ts';
import './exchange-views.ts';

export const getExchangeServerCmdlet = defineCmdlet({
  name: 'Get-ExchangeServer',
  synopsis: 'Gets Exchange servers.',
  description:
    'Lists the Exchange servers the server the shell is on can see: inside the organisation the Hub Transport servers and the ' +
    'subscribed Edge Transport servers; on an Edge, only itself.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-ExchangeServer'),
  outputType: [EXCHANGE_SERVER_TYPE],
  parameters: {
    Identity: {
      type: 'string',
      position: 0,
      valueFromPipeline: true,
      valueFromPipelineByPropertyName: true,
      complete: completeServer,
      description: 'The server: name (wildcards allowed), FQDN or GUID. All servers when omitted.',
    },
  },
  examples: [
    {
      title: 'The lab organisation\'s servers, seen from inside the organisation',
      setup: 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      code: 'Get-ExchangeServer',
      output:
        'Name  Site                                                    ServerRole   Edition  AdminDisplayVersion\n' +
        '----  ----                                                    ----------   -------  -------------------\n' +
        'mail1                                                         Edge         Standard Version 8.1 (Build 240.6)\n' +
        'mail2                                                         Edge         Standard Version 8.1 (Build 240.6)\n' +
        'hub1  contoso.com/Configuration/Sites/Default-First-Site-Name HubTransport Standard Version 8.1 (Build 240.6)',
    },
  ],
  process(p, ctx) {
    const server = organizationContextOrFail(ctx);
    const found = matchIdentity(ctx, visibleServers(server), p.Identity, (s) => [s.Name, s.Fqdn, s.Guid], () => {
      throw objectNotFound(p.Identity!, contextServerFqdn(server));
    });
    writeObjects(ctx, server, found, exchangeServerObject);
  },
});

export const newExchangeServerCmdlet = defineCmdlet({
  name: 'New-ExchangeServer',
  synopsis: 'Adds a Hub Transport or Edge Transport server to the lab organisation.',
  description:
    'Lab cmdlet (Exchange installs servers with Setup): adds a server to this state root\'s organisation with what Setup ' +
    'would create, such as the default receive connectors. -Name takes a name (HUB1) or an FQDN (mail2.mail.contoso.com: the ' +
    'name is then its first label). An Edge server starts stand-alone: subscribe it with New-EdgeSubscription.',
  module: 'emsh.Lab',
  commandId: 'Emsh.Lab.NewExchangeServer',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [EXCHANGE_SERVER_TYPE],
  parameters: {
    Name: { type: 'string', mandatory: true, position: 0, description: 'The server name or FQDN.' },
    ServerRole: { type: 'string', mandatory: true, position: 1, validateSet: ['HubTransport', 'Edge'], description: 'HubTransport or Edge.' },
    Fqdn: { type: 'string', description: 'The FQDN, when -Name is a plain name (default: the name).' },
  },
  examples: [
    {
      title: 'Contoso\'s second Edge server',
      code: 'New-ExchangeServer mail2.mail.contoso.com -ServerRole Edge | Format-List Name,Fqdn,ServerRole,IsEdgeServer',
      output: 'Name         : mail2\nFqdn         : mail2.mail.contoso.com\nServerRole   : Edge\nIsEdgeServer : True',
    },
  ],
  async process(p, ctx) {
    if (!(await shouldProcessMessage(ctx, `Creating Exchange server "${p.Name}" with the ${p.ServerRole} role.`))) return;
    const created = attempt(ctx, () => newServer(exchangeState(ctx.session), { name: p.Name!, role: p.ServerRole!, ...(p.Fqdn ? { fqdn: p.Fqdn } : {}) }));
    if (created) ctx.write(exchangeServerObject(created, directoryInfo(organizationContext(ctx.session))));
  },
});

export const serverCmdlets = [getExchangeServerCmdlet, newExchangeServerCmdlet];

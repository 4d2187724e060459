// EdgeSync: New-/Get-/Remove-EdgeSubscription and Start-EdgeSynchronization.
//
// Exchange 2007 subscribes an Edge in two steps: on the Edge, `New-EdgeSubscription -FileName x.xml`
// exports a subscription file; inside the organisation, `New-EdgeSubscription -FileName x.xml -Site
// <site>` imports it. emsh does the same (the file names the Edge server), and the lab adds
// `-EdgeServer <name>` to subscribe in one step. Once subscribed, the Edge's transport settings,
// accepted domains and the send connectors it sources are EdgeSync's: changes made inside the
// organisation replicate at once (see exchange-state.ts); Start-EdgeSynchronization replicates now.
import fs from 'node:fs';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { fileSystem } from '../../src/providers/install.ts';
import { subscribeEdge, synchronize, unsubscribeEdge } from '../../src/store/edge-sync.ts';
import { resolveScope } from '../../src/store/server-context.ts';
import type { ServerContext } from '../../src/store/server-context.ts';
import { getServer, listServers } from '../../src/store/servers.ts';
import type { ExchangeServer } from '../../src/store/servers.ts';
import { invalidOperation, invalidValue, objectNotFound, StoreError } from '../../src/store/store-error.ts';
import { completeEdgeServer, completeServer } from './exchange-completion.ts';
import { directoryInfo } from './exchange-directory.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from './exchange-module.ts';
import { confirmedTarget, identityParameter, matchIdentity, writeObjects } from './exchange-object-cmdlet.ts';
import { shouldProcessMessage } from './exchange-should-process.ts';
import { attempt, exchangeState, organizationContextOrFail, serverContext, writeStoreError } from './exchange-state.ts';
import { edgeSubscriptionObject, edgeSyncResultObject, EDGE_SUBSCRIPTION_TYPE, EDGE_SYNC_RESULT_TYPE } from './server-objects.ts';
import './exchange-views.ts';

const SUBSCRIPTION_FILE_ROOT = 'EdgeSubscriptionData';

function nativePath(ctx: CmdletContext, psPath: string): string {
  fileSystem(ctx.session);
  return ctx.session.resolveNativePath(psPath);
}

/** The Edge subscription file: which Edge server asks to be subscribed. */
export function subscriptionFileText(edge: ExchangeServer): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\r\n' +
    `<${SUBSCRIPTION_FILE_ROOT}>\r\n` +
    `  <EdgeServerName>${edge.Name}</EdgeServerName>\r\n` +
    `  <EdgeServerFQDN>${edge.Fqdn}</EdgeServerFQDN>\r\n` +
    `  <CreatedAt>${new Date().toISOString()}</CreatedAt>\r\n` +
    `</${SUBSCRIPTION_FILE_ROOT}>\r\n`
  );
}

function readSubscriptionFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw invalidValue(`The Edge Subscription file "${file}" can't be read: ${(error as Error).message}`, 'EdgeSubscriptionFileUnreadable', file);
  }
  const name = new RegExp(`<${SUBSCRIPTION_FILE_ROOT}>[\\s\\S]*<EdgeServerName>([^<]+)</EdgeServerName>`).exec(text)?.[1];
  if (!name) {
    throw invalidValue(`The file "${file}" isn't an Edge Subscription file; create one with New-EdgeSubscription on the Edge Transport server.`, 'InvalidEdgeSubscriptionFile', file);
  }
  return name.trim();
}

export const newEdgeSubscriptionCmdlet = defineCmdlet({
  name: 'New-EdgeSubscription',
  synopsis: 'Subscribes an Edge Transport server to an Active Directory site (EdgeSync).',
  description:
    'On an Edge Transport server, -FileName writes the Edge Subscription file. Inside the organisation, -FileName reads it ' +
    'and subscribes that Edge to -Site (default Default-First-Site-Name): the Edge gets EdgeSync\'s send connectors ' +
    '(-CreateInternetSendConnector, -CreateInboundSendConnector, both $true by default) and a first synchronisation. ' +
    'The lab\'s -EdgeServer subscribes an Edge of this state root in one step. Afterwards the Edge\'s accepted domains, ' +
    'send connectors and transport settings are managed inside the organisation.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('New-EdgeSubscription'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'File',
  outputType: [EDGE_SUBSCRIPTION_TYPE],
  parameters: {
    FileName: { type: 'string', mandatory: true, sets: ['File'], description: 'The Edge Subscription file (written on the Edge, read inside the organisation).' },
    EdgeServer: { type: 'string', mandatory: true, sets: ['Lab'], complete: completeEdgeServer, description: 'Lab: the Edge server to subscribe, without a file.' },
    Site: { type: 'string', description: 'The Active Directory site (default Default-First-Site-Name).' },
    CreateInternetSendConnector: { type: 'bool', description: 'Create (or join) "EdgeSync - <site> to Internet" (default $true).' },
    CreateInboundSendConnector: { type: 'bool', description: 'Create (or join) "EdgeSync - Inbound to <site>" (default $true).' },
    Force: { type: 'switch', description: 'Overwrite an existing subscription file.' },
  },
  examples: [
    {
      title: 'Subscribe a second Edge server (lab, one step)',
      setup:
        'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null\n' +
        'New-ExchangeServer mail2.mail.contoso.com -ServerRole Edge | Out-Null',
      code: 'New-EdgeSubscription -EdgeServer mail2 -CreateInternetSendConnector $false',
      output:
        'Name  Site                                                    Domain\n' +
        '----  ----                                                    ------\n' +
        'mail2 contoso.com/Configuration/Sites/Default-First-Site-Name mail.contoso.com',
    },
  ],
  async process(p, ctx) {
    const where = organizationContextOrFail(ctx);
    const inside = !resolveScope(where.state.documents, where).edge;
    const options = {
      ...(p.Site ? { site: p.Site } : {}),
      ...(p.CreateInternetSendConnector !== undefined ? { createInternetSendConnector: p.CreateInternetSendConnector } : {}),
      ...(p.CreateInboundSendConnector !== undefined ? { createInboundSendConnector: p.CreateInboundSendConnector } : {}),
    };
    let edgeName: string | undefined = p.EdgeServer;
    if (p.FileName !== undefined && !inside) {
      await exportSubscription(ctx, where, p.FileName, p.Force);
      return;
    }
    if (p.FileName !== undefined) {
      edgeName = attempt(ctx, () => readSubscriptionFile(nativePath(ctx, p.FileName!)));
      if (!edgeName) return;
    }
    const edge = await confirmedTarget(
      ctx,
      () => getServer(where.state.documents, edgeName!, resolveScope(where.state.documents, where).where),
      (s) => `Creating Edge Subscription for "${s.Name}" in site "${p.Site ?? 'Default-First-Site-Name'}".`,
    );
    if (!edge) return;
    const subscribed = attempt(ctx, () => subscribeEdge(where.state, edge.Name, options));
    if (subscribed) ctx.write(edgeSubscriptionObject(subscribed.server, directoryInfo(where)));
  },
});

async function exportSubscription(ctx: CmdletContext, edgeContext: ServerContext, fileName: string, force: boolean): Promise<void> {
  const edge = resolveScope(edgeContext.state.documents, edgeContext).server;
  const file = nativePath(ctx, fileName);
  if (fs.existsSync(file) && !force) {
    writeStoreError(ctx, invalidOperation(`The file "${fileName}" already exists; use -Force to overwrite it.`, 'EdgeSubscriptionFileExists', fileName));
    return;
  }
  if (!(await shouldProcessMessage(ctx, `Creating the Edge Subscription file "${fileName}" for Edge Transport server "${edge.Name}".`))) return;
  try {
    fs.writeFileSync(file, subscriptionFileText(edge));
  } catch (error) {
    writeStoreError(ctx, invalidOperation(`The Edge Subscription file "${fileName}" can't be written: ${(error as Error).message}`, 'EdgeSubscriptionFileWriteError', fileName));
  }
}

export const getEdgeSubscriptionCmdlet = defineCmdlet({
  name: 'Get-EdgeSubscription',
  synopsis: 'Gets Edge subscriptions.',
  description: 'Lists the subscribed Edge Transport servers (inside the organisation), or the Edge\'s own subscription (on an Edge).',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-EdgeSubscription'),
  outputType: [EDGE_SUBSCRIPTION_TYPE],
  parameters: {
    Identity: {
      type: 'string',
      position: 0,
      valueFromPipeline: true,
      valueFromPipelineByPropertyName: true,
      complete: completeEdgeServer,
      description: 'The Edge server (wildcards allowed). All subscriptions when omitted.',
    },
  },
  examples: [
    {
      title: 'The lab organisation\'s two Edge servers',
      setup: 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      code: 'Get-EdgeSubscription',
      output:
        'Name  Site                                                    Domain\n' +
        '----  ----                                                    ------\n' +
        'mail1 contoso.com/Configuration/Sites/Default-First-Site-Name contoso.com\n' +
        'mail2 contoso.com/Configuration/Sites/Default-First-Site-Name mail.contoso.com',
    },
  ],
  process(p, ctx) {
    const where = organizationContextOrFail(ctx);
    const scope = resolveScope(where.state.documents, where);
    const subscribed = (scope.edge ? [scope.server] : listServers(where.state.documents)).filter((s) => s.EdgeSubscription !== null);
    const found = matchIdentity(ctx, subscribed, p.Identity, (s) => [s.Name, s.Fqdn], () => {
      throw objectNotFound(p.Identity!, scope.where);
    });
    writeObjects(ctx, where, found, edgeSubscriptionObject);
  },
});

export const removeEdgeSubscriptionCmdlet = defineCmdlet({
  name: 'Remove-EdgeSubscription',
  synopsis: 'Removes an Edge subscription.',
  description:
    'Ends an Edge Transport server\'s subscription: EdgeSync stops, the replicated send connectors and accepted domains are ' +
    'deleted from the Edge, and the Edge is managed on its own again.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Remove-EdgeSubscription'),
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: {
    Identity: identityParameter(completeEdgeServer, 'The subscribed Edge server.'),
  },
  examples: [
    {
      title: 'Unsubscribe the second Edge server',
      setup: 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      code: 'Remove-EdgeSubscription mail2 -Confirm:$false\n(Get-EdgeSubscription).Name',
      output: 'mail1',
    },
  ],
  async process(p, ctx) {
    const state = attempt(ctx, () => exchangeState(ctx.session));
    if (!state) return;
    const edge = await confirmedTarget(
      ctx,
      () => getServer(state.documents, p.Identity!, resolveScope(state.documents, serverContext(ctx.session)).where),
      (s) => `Removing Edge Subscription "${s.Name}".`,
    );
    if (!edge) return;
    attempt(ctx, () => unsubscribeEdge(state, edge.Name));
  },
});

export const startEdgeSynchronizationCmdlet = defineCmdlet({
  name: 'Start-EdgeSynchronization',
  synopsis: 'Replicates the organisation\'s configuration to the subscribed Edge servers now.',
  description:
    'Runs EdgeSync now, inside the organisation (-Server: the Hub Transport server to run on): the transport settings, the ' +
    'accepted domains and the send connectors each Edge sources overwrite that Edge\'s copy. -TargetServer limits it to one ' +
    'Edge. emsh already replicates each change made inside the organisation, so this finds nothing to do unless the state was ' +
    'changed otherwise.',
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Start-EdgeSynchronization', 'Microsoft.Exchange.Management.EdgeSync'),
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [EDGE_SYNC_RESULT_TYPE],
  parameters: {
    Server: { type: 'string', complete: completeServer, description: 'The Hub Transport server that runs EdgeSync (default: inside the organisation).' },
    TargetServer: { type: 'string', complete: completeEdgeServer, description: 'Only this subscribed Edge server.' },
    ForceFullSync: { type: 'switch', description: 'Accepted: emsh always replicates everything.' },
    ForceUpdateCookie: { type: 'switch', description: 'Accepted for compatibility.' },
  },
  examples: [
    {
      title: 'Synchronise one Edge server',
      setup: 'Initialize-LabOrganization Contoso contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      code: 'Start-EdgeSynchronization -TargetServer mail1 | Format-List Result,Type,Name,Added,Deleted,Updated',
      output: 'Result  : Success\nType    : Configuration\nName    : mail1\nAdded   : 0\nDeleted : 0\nUpdated : 0',
    },
  ],
  async process(p, ctx) {
    const where = organizationContextOrFail(ctx, p.Server);
    const scope = resolveScope(where.state.documents, where);
    if (scope.edge) {
      writeStoreError(
        ctx,
        invalidOperation(
          `EdgeSync runs inside the organization, on a Hub Transport server; '${scope.server.Name}' is an Edge Transport server. Use -Server to name a Hub Transport server.`,
          'EdgeSyncRequiresHubTransportServer',
          scope.server.Name,
        ),
      );
      return;
    }
    let target: ExchangeServer | undefined;
    if (p.TargetServer !== undefined) {
      target = attempt(ctx, () => getServer(where.state.documents, p.TargetServer!, scope.where));
      if (!target) return;
      if (!target.EdgeSubscription) {
        writeStoreError(ctx, notSubscribed(target.Name));
        return;
      }
    } else if (!listServers(where.state.documents).some((s) => s.EdgeSubscription)) {
      ctx.writeWarning('No Edge Transport server is subscribed to this organization; there is nothing to synchronize.');
      return;
    }
    if (!(await shouldProcessMessage(ctx, `Starting EdgeSync synchronization on "${scope.server.Name}".`))) return;
    const results = attempt(ctx, () => synchronize(where.state, target ? { server: target.Name } : {}));
    for (const result of results ?? []) ctx.write(edgeSyncResultObject(result));
  },
});

function notSubscribed(name: string): StoreError {
  return invalidOperation(`Edge Transport server '${name}' has no Edge Subscription; subscribe it with New-EdgeSubscription first.`, 'EdgeNotSubscribed', name);
}

export const edgeSyncCmdlets = [newEdgeSubscriptionCmdlet, getEdgeSubscriptionCmdlet, removeEdgeSubscriptionCmdlet, startEdgeSynchronizationCmdlet];

// EdgeSync: Edge subscriptions (New-/Remove-EdgeSubscription) and replication
// (Start-EdgeSynchronization) of the organisation's configuration to each subscribed Edge's own
// directory. What replicates: TransportConfig (whole object), the accepted domains, and the send
// connectors whose SourceTransportServers include that Edge. Receive connectors and certificates are
// per-server and never replicate. On a subscribed Edge the replicated data is read-only (see
// server-context.ts); "During EdgeSync synchronization, the value stored on the local Edge Transport
// server object is overwritten with the value stored on this object for the Exchange organization."
import type { Transaction } from './documents.ts';
import type { EmshState } from './emsh-state.ts';
import { acceptedDomainsSpec } from './accepted-domains.ts';
import { sendConnectorTemplate, sendConnectorsSpec, withDerivedProperties } from './send-connector-defaults.ts';
import type { SendConnector } from './send-connector-defaults.ts';
import { edgeDirectoryFolder } from './server-context.ts';
import { DEFAULT_SITE, getServer, listServers, saveServer } from './servers.ts';
import type { ExchangeServer } from './servers.ts';
import { invalidOperation } from './store-error.ts';
import { transportConfigSpec } from './transport-config.ts';
import { validateSendConnector } from './validation.ts';

export interface SubscribeEdgeOptions {
  /** Active Directory site (default Default-First-Site-Name). */
  site?: string;
  /** Create (or join) "EdgeSync - <site> to Internet": address space *, DNS routing, domain security on. */
  createInternetSendConnector?: boolean;
  /** Create (or join) "EdgeSync - Inbound to <site>": address space --, smart hosts -- (the Hub servers). */
  createInboundSendConnector?: boolean;
}

/** One row of Start-EdgeSynchronization's output. */
export interface EdgeSyncResult {
  Result: 'Success';
  Type: 'Configuration';
  Name: string;
  FailureDetails: string;
  StartUTC: string;
  EndUTC: string;
  Added: number;
  Deleted: number;
  Updated: number;
  Scanned: number;
  TargetScanned: number;
}

const ORGANIZATION = 'organization';

/** New-EdgeSubscription: subscribes an Edge server, creates the EdgeSync send connectors, then synchronises it. */
export function subscribeEdge(state: EmshState, edgeIdentity: string, options: SubscribeEdgeOptions = {}): { server: ExchangeServer; result: EdgeSyncResult } {
  return state.documents.transaction((tx) => {
    const edge = getServer(tx, edgeIdentity, 'localhost');
    if (edge.ServerRole !== 'Edge') {
      throw invalidOperation(`Server '${edge.Name}' isn't an Edge Transport server; only Edge Transport servers can be subscribed.`, 'NotAnEdgeServer', edge.Name);
    }
    if (edge.EdgeSubscription) {
      throw invalidOperation(
        `Edge Transport server '${edge.Name}' is already subscribed to site ${edge.EdgeSubscription.Site}; remove the subscription first (Remove-EdgeSubscription).`,
        'EdgeAlreadySubscribed',
        edge.Name,
      );
    }
    const site = options.site ?? DEFAULT_SITE;
    const server: ExchangeServer = { ...edge, EdgeSubscription: { Site: site, SubscribedAt: new Date().toISOString(), LastSynchronizedAt: null } };
    saveServer(tx, server);
    if (options.createInternetSendConnector ?? true) joinEdgeSyncConnector(tx, server, internetConnector(site));
    if (options.createInboundSendConnector ?? true) joinEdgeSyncConnector(tx, server, inboundConnector(site));
    const result = replicate(tx, server);
    return { server: getServer(tx, server.Name, 'localhost'), result };
  });
}

/** Remove-EdgeSubscription: the Edge leaves EdgeSync; replicated connectors and domains are deleted from it. */
export function unsubscribeEdge(state: EmshState, edgeIdentity: string): ExchangeServer {
  return state.documents.transaction((tx) => {
    const edge = getServer(tx, edgeIdentity, 'localhost');
    if (!edge.EdgeSubscription) {
      throw invalidOperation(`Edge Transport server '${edge.Name}' has no Edge Subscription to remove.`, 'EdgeNotSubscribed', edge.Name);
    }
    const server: ExchangeServer = { ...edge, EdgeSubscription: null };
    saveServer(tx, server);
    const organizationConnectors = tx.read(sendConnectorsSpec(ORGANIZATION));
    const connectors = organizationConnectors.connectors
      .map((c) => withDerivedProperties({ ...c, SourceTransportServers: c.SourceTransportServers.filter((name) => name !== edge.Name) }))
      .filter((c) => !(c.Name.startsWith('EdgeSync - ') && c.SourceTransportServers.length === 0));
    tx.write(sendConnectorsSpec(ORGANIZATION), { ...organizationConnectors, connectors });
    const folder = edgeDirectoryFolder(edge.Name);
    tx.write(sendConnectorsSpec(folder), { schemaVersion: 1, connectors: [] });
    tx.write(acceptedDomainsSpec(folder), { schemaVersion: 1, domains: [] });
    return server;
  });
}

/** Start-EdgeSynchronization: replicates to every subscribed Edge (or the one named). */
export function synchronize(state: EmshState, options: { server?: string } = {}): EdgeSyncResult[] {
  return state.documents.transaction((tx) => {
    const edges = options.server
      ? [getServer(tx, options.server, 'localhost')].filter((s) => s.EdgeSubscription)
      : listServers(tx).filter((s) => s.ServerRole === 'Edge' && s.EdgeSubscription);
    return edges.map((edge) => replicate(tx, edge));
  });
}

/** The subscribed Edge servers. */
export function listEdgeSubscriptions(state: EmshState): ExchangeServer[] {
  return listServers(state.documents).filter((s) => s.EdgeSubscription !== null);
}

function replicate(tx: Transaction, edge: ExchangeServer): EdgeSyncResult {
  const start = new Date().toISOString();
  const folder = edgeDirectoryFolder(edge.Name);
  const counts = { Added: 0, Deleted: 0, Updated: 0, Scanned: 0, TargetScanned: 0 };
  const tally = <T>(source: readonly T[], target: readonly T[], key: (item: T) => string) => {
    const targetByKey = new Map(target.map((item) => [key(item), item]));
    const sourceKeys = new Set(source.map(key));
    counts.Scanned += source.length;
    counts.TargetScanned += target.length;
    for (const item of source) {
      const existing = targetByKey.get(key(item));
      if (!existing) counts.Added++;
      else if (JSON.stringify(existing) !== JSON.stringify(item)) counts.Updated++;
    }
    counts.Deleted += target.filter((item) => !sourceKeys.has(key(item))).length;
  };

  const config = tx.read(transportConfigSpec(ORGANIZATION)).config;
  tally([config], tx.exists(transportConfigSpec(folder)) ? [tx.read(transportConfigSpec(folder)).config] : [], () => 'config');
  tx.write(transportConfigSpec(folder), { schemaVersion: 1, config });

  const domains = tx.read(acceptedDomainsSpec(ORGANIZATION)).domains;
  tally(domains, tx.read(acceptedDomainsSpec(folder)).domains, (d) => d.Guid);
  tx.write(acceptedDomainsSpec(folder), { schemaVersion: 1, domains });

  const connectors = tx.read(sendConnectorsSpec(ORGANIZATION)).connectors.filter((c) => c.SourceTransportServers.includes(edge.Name));
  tally(connectors, tx.read(sendConnectorsSpec(folder)).connectors, (c) => c.Guid);
  tx.write(sendConnectorsSpec(folder), { schemaVersion: 1, connectors });

  const end = new Date().toISOString();
  if (edge.EdgeSubscription) saveServer(tx, { ...edge, EdgeSubscription: { ...edge.EdgeSubscription, LastSynchronizedAt: end } });
  return { Result: 'Success', Type: 'Configuration', Name: edge.Name, FailureDetails: '', StartUTC: start, EndUTC: end, ...counts };
}

function internetConnector(site: string): SendConnector {
  const connector = sendConnectorTemplate(`EdgeSync - ${site} to Internet`, 'Internet', '');
  return { ...connector, AddressSpaces: ['SMTP:*;100'], DomainSecureEnabled: true };
}

function inboundConnector(site: string): SendConnector {
  const connector = sendConnectorTemplate(`EdgeSync - Inbound to ${site}`, 'Internal', '');
  return { ...connector, AddressSpaces: ['SMTP:--;100'], DNSRoutingEnabled: false, SmartHosts: ['--'], SmartHostAuthMechanism: 'ExchangeServer' };
}

/** Adds the Edge to an EdgeSync connector of the organisation, creating the connector if needed. */
function joinEdgeSyncConnector(tx: Transaction, edge: ExchangeServer, template: SendConnector): void {
  const spec = sendConnectorsSpec(ORGANIZATION);
  const document = tx.read(spec);
  const existing = document.connectors.find((c) => c.Name.toLowerCase() === template.Name.toLowerCase());
  const base = existing ?? template;
  const connector = withDerivedProperties({
    ...base,
    SourceTransportServers: [...base.SourceTransportServers.filter((name) => name !== edge.Name), edge.Name],
  });
  validateSendConnector(connector, { edge: false });
  const connectors = existing ? document.connectors.map((c) => (c.Guid === existing.Guid ? connector : c)) : [...document.connectors, connector];
  tx.write(spec, { ...document, connectors });
}

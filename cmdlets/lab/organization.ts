// Initialize-LabOrganization: the organisation the walkthrough assumes, in one command, on this
// machine: Contoso with a Hub Transport server inside the organisation and its Edge Transport servers
// (mail1.contoso.com, mail2.mail.contoso.com) subscribed through EdgeSync, the DNS-routed "Internet"
// send connector and the "Inet" receive connector, and the domain registered in the lab DNS so that
// another lab organisation (Woodgrove Bank) can send to it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { Session } from '../../src/runtime/session.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { addAcceptedDomain, listAcceptedDomains, removeAcceptedDomain, setAcceptedDomain } from '../../src/store/accepted-domains.ts';
import { subscribeEdge, synchronize } from '../../src/store/edge-sync.ts';
import type { EmshState } from '../../src/store/emsh-state.ts';
import { ALL_IPV4 } from '../../src/store/ip-range.ts';
import { LabDnsRegistry } from '../../src/store/lab-dns.ts';
import { LabMachineRegistry } from '../../src/store/lab-machines.ts';
import { getOrganization, organizationSpec } from '../../src/store/organization.ts';
import type { StateSettings } from '../../src/store/organization.ts';
import { openState } from '../../src/store/emsh-state.ts';
import { statePaths } from '../../src/store/state-root.ts';
import { defaultEdgeReceiveConnectorName } from '../../src/store/receive-connector-defaults.ts';
import { newReceiveConnector, setReceiveConnector } from '../../src/store/receive-connectors.ts';
import { sendConnectorsSpec } from '../../src/store/send-connector-defaults.ts';
import { newSendConnector } from '../../src/store/send-connectors.ts';
import { openServerContext } from '../../src/store/server-context.ts';
import { DEFAULT_SITE, findServer, listServers, newServer } from '../../src/store/servers.ts';
import type { ExchangeServer } from '../../src/store/servers.ts';
import { parseSmtpDomain } from '../../src/store/smtp-domain.ts';
import { invalidValue, StoreError } from '../../src/store/store-error.ts';
import { exchangeState, exchangeStateRoot, hasOrganization, openExchangeState, writeStoreError } from '../exchange/exchange-state.ts';
import { shouldProcessMessage } from '../exchange/exchange-should-process.ts';

export const LAB_ORGANIZATION_TYPE = 'Emsh.Lab.LabOrganization';
/** The first port tried when -ListenPort is not given. */
export const DEFAULT_LISTEN_PORT = 2525;

interface ServerName {
  name: string;
  fqdn: string;
}

/** `mail1.contoso.com` → mail1 / mail1.contoso.com; `HUB1` → HUB1 / hub1.<domain>. */
function serverName(text: string, domain: string): ServerName {
  const given = text.trim();
  if (given.includes('.')) return { name: given.split('.')[0]!, fqdn: given };
  return { name: given, fqdn: `${given.toLowerCase()}.${domain}` };
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The first port from 2525 with `count` free consecutive loopback ports that no other lab organisation
 * registered (its domain in the lab DNS, or the Inet port of any of its Edge servers).
 */
async function findListenPort(count: number, registry: LabDnsRegistry | undefined, machines: LabMachineRegistry | undefined, root: string): Promise<number> {
  const others = (e: { stateRoot: string | null }) => e.stateRoot === null || path.resolve(e.stateRoot) !== path.resolve(root);
  const taken = new Set([
    ...(registry?.list() ?? []).filter(others).map((e) => e.port),
    ...(machines?.list() ?? []).filter(others).flatMap((m) => (m.port === undefined ? [] : [m.port])),
  ]);
  for (let port = DEFAULT_LISTEN_PORT; port + count - 1 <= 65535; port++) {
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = !taken.has(port + i) && (await isPortFree(port + i));
    if (ok) return port;
  }
  throw invalidValue('No free loopback port was found for the lab receive connectors; use -ListenPort.', 'NoFreeLabPort');
}

/**
 * A root that holds only what a first Exchange cmdlet creates (one stand-alone Edge named after the
 * host, no send connector) can still become the lab organisation; anything more is refused.
 */
function assertPristine(state: EmshState, root: string): void {
  const servers = listServers(state.documents);
  const organization = getOrganization(state.documents);
  const pristine = servers.length === 1 && servers[0]!.ServerRole === 'Edge' && !servers[0]!.EdgeSubscription;
  const hasConnectors = state.documents.read(sendConnectorsSpec('organization')).connectors.length > 0;
  if (!pristine || hasConnectors) {
    throw new StoreError(
      `The state root '${root}' already holds the organization '${organization?.Name}' (servers: ${servers.map((s) => s.Name).join(', ')}). ` +
        'Initialize-LabOrganization sets up a new organization: point $env:EMSH_HOME at an empty folder and run it again.',
      'LabOrganizationAlreadyInitialized',
      'ResourceExists',
      { targetObject: root },
    );
  }
}

interface LabPlan {
  name: string;
  domain: string;
  site: string;
  hub: ServerName;
  edges: ServerName[];
  port: number;
  sendConnectorFqdn: string;
}

/** Builds the organisation in one transaction: everything or nothing. */
function build(state: EmshState, plan: LabPlan): void {
  state.documents.transaction((tx) => {
    const organization = getOrganization(tx)!;
    const servers: ExchangeServer[] = plan.edges.map((edge) => findServer(tx, edge.fqdn) ?? newServer(tx, { name: edge.name, fqdn: edge.fqdn, role: 'Edge' }));
    tx.write(organizationSpec, { schemaVersion: 1, organization: { ...organization, Name: plan.name, LocalServer: servers[0]!.Name } });
    const hub = newServer(tx, { name: plan.hub.name, fqdn: plan.hub.fqdn, role: 'HubTransport' });
    const hubContext = openServerContext(state, hub.Name, {});
    // Inside the organisation: the lab's domain, and only it, is the accepted domain.
    const domains = listAcceptedDomains(hubContext);
    const own = domains.find((d) => d.DomainName.toLowerCase() === plan.domain.toLowerCase());
    const domain = own ?? addAcceptedDomain(tx, 'organization', { Name: plan.domain, DomainName: plan.domain }, hub.Fqdn);
    if (!domain.Default) setAcceptedDomain(hubContext, domain.Guid, { MakeDefault: true });
    for (const other of domains) if (other.Guid !== domain.Guid) removeAcceptedDomain(hubContext, other.Guid);
    // EdgeSync: the Edges join the site; the Internet connector below replaces EdgeSync's own.
    for (const edge of servers) subscribeEdge(state, edge.Name, { site: plan.site, createInternetSendConnector: false });
    newSendConnector(hubContext, {
      Name: 'Internet',
      Usage: 'Internet',
      AddressSpaces: '*',
      DNSRoutingEnabled: true,
      Fqdn: plan.sendConnectorFqdn,
      SourceTransportServers: servers.map((s) => s.Name),
    });
    servers.forEach((edge, i) => {
      const edgeContext = openServerContext(state, edge.Name, {});
      // The lab listens on loopback only: Inet on 127.0.0.1, Setup's 0.0.0.0:25 connector off.
      setReceiveConnector(edgeContext, defaultEdgeReceiveConnectorName(edge), { Enabled: false });
      newReceiveConnector(edgeContext, { Name: 'Inet', Usage: 'Internet', Bindings: `127.0.0.1:${plan.port + i}`, RemoteIPRanges: ALL_IPV4 });
    });
    synchronize(state);
  });
}

function summary(plan: LabPlan, root: string, dns: string | null): PSObject {
  const result = new PSObject([LAB_ORGANIZATION_TYPE, 'System.Object']);
  result.setProperty('Name', plan.name);
  result.setProperty('DomainName', plan.domain);
  result.setProperty('HubServer', plan.hub.fqdn);
  result.setProperty('EdgeServers', plan.edges.map((e) => e.fqdn));
  result.setProperty('LocalServer', plan.edges[0]!.name);
  result.setProperty('Site', plan.site);
  result.setProperty('SendConnector', `Internet (SMTP:*;1, FQDN ${plan.sendConnectorFqdn})`);
  result.setProperty('ReceiveConnectors', plan.edges.map((e, i) => `${e.name}\\Inet (127.0.0.1:${plan.port + i})`));
  result.setProperty('LabDns', dns);
  result.setProperty('StateRoot', root);
  return result;
}

interface InitializeParameters {
  Name?: string;
  DomainName?: string;
  EdgeServer?: string[];
  HubServer?: string;
  Site?: string;
  ListenPort?: number;
  SendConnectorFqdn?: string;
  Path?: string;
  NoDnsRegistration: boolean;
}

/** Where the organisation is built: the session's state root, or with -Path another one (a partner organisation). */
interface Target {
  root: string;
  exists(): boolean;
  open(settings: StateSettings): EmshState;
}

function target(p: InitializeParameters, ctx: CmdletContext): Target {
  const session: Session = ctx.session;
  const own = exchangeStateRoot(session);
  if (p.Path === undefined) {
    return { root: own, exists: () => hasOrganization(session), open: (settings) => (hasOrganization(session) ? exchangeState(session) : openExchangeState(session, settings)) };
  }
  const root = path.resolve(session.resolveNativePath(p.Path));
  if (root === path.resolve(own)) {
    throw invalidValue(`The path '${p.Path}' is this shell's own state root. -Path creates another organization: give a new folder, or leave -Path out to set up this one.`, 'LabPathIsCurrentStateRoot', p.Path);
  }
  const exists = () => fs.existsSync(path.join(statePaths(root).organizationFolder, 'organization.json'));
  return { root, exists, open: (settings) => openState({ root, env: session.env, ...(exists() ? {} : { settings }) }) };
}

function registerMachines(registry: LabMachineRegistry, plan: LabPlan, root: string): void {
  const organization = { organization: plan.name, domain: plan.domain };
  registry.registerOrganization(root, [
    ...plan.edges.map((e, i) => ({ name: e.name, fqdn: e.fqdn, role: 'Edge' as const, local: i === 0, port: plan.port + i, ...organization })),
    { name: plan.hub.name, fqdn: plan.hub.fqdn, role: 'HubTransport' as const, local: false, ...organization },
  ]);
}

async function initialize(p: InitializeParameters, ctx: CmdletContext): Promise<void> {
  const where = target(p, ctx);
  const root = where.root;
  const domain = parseSmtpDomain(p.DomainName);
  const edges = p.EdgeServer!.map((e) => serverName(e, domain));
  const hub = serverName(p.HubServer ?? `hub1.${domain}`, domain);
  const names = [...edges, hub].map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) {
    throw invalidValue(`The servers ${[...edges, hub].map((s) => s.fqdn).join(', ')} must have different names.`, 'DuplicateLabServerName', p.EdgeServer);
  }
  const registry = p.NoDnsRegistration ? undefined : LabDnsRegistry.forStateRoot(root, ctx.session.env);
  // The computers go to this shell's registry: the one its New-PSSession consults.
  const machines = p.NoDnsRegistration ? undefined : LabMachineRegistry.forStateRoot(exchangeStateRoot(ctx.session), ctx.session.env);
  const port = p.ListenPort ?? (await findListenPort(edges.length, registry, machines, root));
  if (port + edges.length - 1 > 65535) throw invalidValue(`The port ${port} leaves no room for ${edges.length} receive connectors.`, 'InvalidLabPort', port);
  const plan: LabPlan = {
    name: p.Name!.trim(),
    domain,
    site: p.Site ?? DEFAULT_SITE,
    hub,
    edges,
    port,
    sendConnectorFqdn: p.SendConnectorFqdn ?? `mail.${domain}`,
  };
  const settings = { organizationName: plan.name, acceptedDomain: domain, serverName: edges[0]!.name, serverFqdn: edges[0]!.fqdn };
  if (where.exists()) assertPristine(where.open(settings), root);
  const message = `Creating lab organization "${plan.name}" (${domain})${p.Path === undefined ? '' : ` in '${root}'`} with Hub Transport server "${hub.fqdn}" and Edge Transport servers ${edges.map((e) => `"${e.fqdn}"`).join(', ')}.`;
  if (!(await shouldProcessMessage(ctx, message))) return;
  build(where.open(settings), plan);
  let dns: string | null = null;
  if (registry && machines) {
    const entry = registry.register({ domain, host: '127.0.0.1', port, organization: plan.name, stateRoot: root });
    dns = `${entry.domain} -> ${entry.host}:${entry.port} (${registry.file})`;
    registerMachines(machines, plan, root);
  }
  ctx.write(summary(plan, root, dns));
}

export const initializeLabOrganizationCmdlet = defineCmdlet({
  name: 'Initialize-LabOrganization',
  synopsis: 'Sets up the organisation the walkthrough assumes, on this machine.',
  description: [
    'Lab cmdlet. Turns a new state root ($env:EMSH_HOME) into an Exchange organisation ready for steps 3 to 5 of the walkthrough:',
    '- the organisation -Name with the accepted domain -DomainName (the default one);',
    '- a Hub Transport server (-HubServer, default hub1.<DomainName>) in -Site: "inside the organisation";',
    '- the Edge Transport servers -EdgeServer, each subscribed to the site through EdgeSync. The first one is this machine ' +
      '(the local server): the transport service runs it, and receive connector and certificate cmdlets act on it;',
    '- the send connector "Internet" inside the organisation: address space *, DNS routing, FQDN -SendConnectorFqdn (default ' +
      'mail.<DomainName>), sourced by every Edge (EdgeSync replicates it to them);',
    '- on every Edge the receive connector "Inet" (usage Internet) bound to loopback: 127.0.0.1:-ListenPort on the first Edge, ' +
      'the next ports on the others (default: the first free ports from 2525). Setup\'s "Default internal receive connector" ' +
      '(0.0.0.0:25) is disabled so that the lab listens on loopback only;',
    '- the domain in the lab DNS registry ($env:EMSH_LAB_REGISTRY, else emsh-lab-registry.json beside the state root), pointing ' +
      'at the first Edge\'s Inet, so that another lab organisation delivers to it, and every server\'s name and FQDN as a lab ' +
      'computer (<registry>-machines.json), so that New-PSSession, Invoke-Command and Enter-PSSession reach the organisation ' +
      'from another shell through its first Edge (-NoDnsRegistration skips both);',
    '- with -Path, all of this in that folder instead of this shell\'s state root: the way to create the partner organisation ' +
      '(Woodgrove Bank) from Contoso\'s shell, then administer it with Invoke-Command -ComputerName mail.woodgrovebank.com.',
    '',
    'Inside the organisation or on the Edge: with no $env:EMSH_SERVER, organisation-level cmdlets (Set-TransportConfig, ' +
      'New-/Set-SendConnector, accepted domains, Get-ExchangeServer, EdgeSync) run inside the organisation, on the Hub Transport ' +
      'server, and EdgeSync replicates every change to the subscribed Edge servers at once (Exchange does it on a schedule). ' +
      'Per-server cmdlets (receive connectors, certificates) run on the local Edge; SERVER\\Inet or -Server reaches another one. ' +
      'So steps 3 and 4 run verbatim: Set-TransportConfig and Set-SendConnector Internet change the organisation and reach mail1 ' +
      'and mail2; Set-ReceiveConnector Inet changes mail1\'s Inet (run Set-ReceiveConnector mail2\\Inet ... for mail2). ' +
      'Set $env:EMSH_SERVER = "mail1" to be "on the Edge": organisation-level changes are then refused, as on a subscribed Edge.',
    '',
    'The state root must be new (or hold only the stand-alone Edge a first Exchange cmdlet creates).',
  ].join('\n'),
  module: 'emsh.Lab',
  commandId: 'Emsh.Lab.InitializeLabOrganization',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [LAB_ORGANIZATION_TYPE],
  parameters: {
    Name: { type: 'string', mandatory: true, position: 0, validateNotNullOrEmpty: true, description: 'The organisation name, such as Contoso.' },
    DomainName: { type: 'string', mandatory: true, position: 1, description: 'The organisation\'s SMTP domain, such as contoso.com.' },
    EdgeServer: {
      type: 'string[]',
      mandatory: true,
      description: 'The Edge Transport servers (FQDNs such as mail1.contoso.com, mail2.mail.contoso.com); the first is this machine.',
    },
    HubServer: { type: 'string', description: 'The Hub Transport server inside the organisation (default hub1.<DomainName>).' },
    Site: { type: 'string', description: 'The Active Directory site the Edges subscribe to (default Default-First-Site-Name).' },
    ListenPort: { type: 'int', validateRange: [1, 65535], description: 'The loopback port of the first Edge\'s Inet connector (default: the first free port from 2525).' },
    SendConnectorFqdn: { type: 'string', description: 'The FQDN of the Internet send connector (default mail.<DomainName>).' },
    Path: {
      type: 'string',
      description: 'Build the organisation in this folder (a new state root, such as the partner Woodgrove Bank) instead of this shell\'s own; reach it with New-PSSession -ComputerName <its first Edge>.',
    },
    NoDnsRegistration: { type: 'switch', description: 'Leave the lab registry alone: no DNS entry for the domain, no computers for New-PSSession.' },
  },
  examples: [
    {
      title: 'Contoso, as the walkthrough has it',
      code: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com,mail2.mail.contoso.com -ListenPort 2525 -NoDnsRegistration | Format-List Name,DomainName,HubServer,EdgeServers,LocalServer,SendConnector,ReceiveConnectors',
      output:
        'Name              : Contoso\n' +
        'DomainName        : contoso.com\n' +
        'HubServer         : hub1.contoso.com\n' +
        'EdgeServers       : {mail1.contoso.com, mail2.mail.contoso.com}\n' +
        'LocalServer       : mail1\n' +
        'SendConnector     : Internet (SMTP:*;1, FQDN mail.contoso.com)\n' +
        'ReceiveConnectors : {mail1\\Inet (127.0.0.1:2525), mail2\\Inet (127.0.0.1:2526)}',
    },
  ],
  async process(p, ctx) {
    try {
      await initialize(p, ctx);
    } catch (error) {
      writeStoreError(ctx, error);
    }
  },
});

export const labCmdlets = [initializeLabOrganizationCmdlet];

// New-/Get-/Set-/Remove-ReceiveConnector: per-server connectors (the walkthrough's `Inet`), never
// replicated by EdgeSync, so they stay editable on a subscribed Edge. `SERVER\Inet` (or -Server)
// runs the cmdlet on that server; a bare `Inet` on the server the shell is on.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { ParameterDeclarations } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { parseConnectorIdentity } from '../../src/store/identity.ts';
import { ALL_IPV4 } from '../../src/store/ip-range.ts';
import { getReceiveConnector, listReceiveConnectors, newReceiveConnector, removeReceiveConnector, setReceiveConnector } from '../../src/store/receive-connectors.ts';
import type { ServerContext } from '../../src/store/server-context.ts';
import { invalidValue, objectNotFound, StoreError } from '../../src/store/store-error.ts';
import { completeReceiveConnector, completeServer } from './exchange-completion.ts';
import { directoryInfo } from './exchange-directory.ts';
import { enumName, ReceiveConnectorUsageEnum } from './exchange-enums.ts';
import { EXCHANGE_MODULE, exchangeTaskId } from './exchange-module.ts';
import { receiveConnectorObject, RECEIVE_CONNECTOR_TYPE } from './exchange-objects.ts';
import { confirmedTarget, identityParameter, matchIdentity, warnIfUnchanged, writeObjects } from './exchange-object-cmdlet.ts';
import { boundChanges } from './exchange-parameters.ts';
import { shouldProcessMessage } from './exchange-should-process.ts';
import { attempt, contextServerFqdn, serverContext, writeStoreError } from './exchange-state.ts';
import { receiveConnectorSettings } from './receive-connector-parameters.ts';
import './exchange-views.ts';

const LAB_NOTE =
  'Receive connectors belong to one server and are not replicated: a bare name (Inet) means the server the shell is on ' +
  '(the local Edge, or $env:EMSH_SERVER), SERVER\\Name or -Server another one (the walkthrough runs step 4 on every Edge).';

const SERVER_DESCRIPTION = 'The server (name or FQDN) to run on; default the server the shell is on.';

const identity = identityParameter(completeReceiveConnector, 'The connector: Name (such as Inet), SERVER\\Name, or its GUID.');

const server = { type: 'string', complete: completeServer, description: SERVER_DESCRIPTION } as const;

const newParameters = {
  Name: { type: 'string', mandatory: true, position: 0, description: 'The connector name (1 to 64 characters, no backslash).' },
  ...receiveConnectorSettings,
  Bindings: { ...receiveConnectorSettings.Bindings, mandatory: true },
  RemoteIPRanges: { ...receiveConnectorSettings.RemoteIPRanges, defaultDescription: ALL_IPV4 },
  Usage: { type: ReceiveConnectorUsageEnum, description: 'The usage template: Custom, Internet, Internal, Client or Partner.' },
  Custom: { type: 'switch', description: 'Same as -Usage Custom: no permission groups, Tls.' },
  Internet: { type: 'switch', description: 'Same as -Usage Internet: AnonymousUsers, Tls.' },
  Internal: { type: 'switch', description: 'Same as -Usage Internal: ExchangeServers, Tls and ExchangeServer.' },
  Client: { type: 'switch', description: 'Same as -Usage Client: ExchangeUsers, Tls, Integrated, BasicAuth, BasicAuthRequireTLS.' },
  Partner: { type: 'switch', description: 'Same as -Usage Partner: Partners, Tls, domain security on.' },
  Server: server,
} satisfies ParameterDeclarations;

const setParameters = {
  Identity: identity,
  Name: { type: 'string', description: 'A new name for the connector.' },
  ...receiveConnectorSettings,
} satisfies ParameterDeclarations;

const USAGES = ['Custom', 'Internet', 'Internal', 'Client', 'Partner'] as const;

/** The context of `SERVER\Name` (that server) or of a bare name (-Server, else the shell's server). */
function contextFor(ctx: CmdletContext, identityText: string | undefined, serverName?: string): ServerContext | undefined {
  const named = identityText === undefined ? undefined : parseConnectorIdentity(identityText).server;
  try {
    return serverContext(ctx.session, named ?? serverName);
  } catch (error) {
    // An unknown SERVER in SERVER\Name: the connector is what couldn't be found.
    const unknownServer = named !== undefined && error instanceof StoreError && error.category === 'ObjectNotFound';
    writeStoreError(ctx, unknownServer ? objectNotFound(identityText!.trim(), contextServerFqdn(serverContext(ctx.session))) : error);
    return undefined;
  }
}

export const getReceiveConnectorCmdlet = defineCmdlet({
  name: 'Get-ReceiveConnector',
  synopsis: 'Gets receive connectors.',
  description:
    'Lists the receive connectors of the server the shell is on (or of -Server), or the one named by -Identity ' +
    `(Name with wildcards, SERVER\\Name, or GUID). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Get-ReceiveConnector'),
  defaultParameterSet: 'Identity',
  outputType: [RECEIVE_CONNECTOR_TYPE],
  parameters: {
    Identity: { ...identity, mandatory: false, sets: ['Identity'], description: 'The connector: Name (wildcards allowed), SERVER\\Name or GUID.' },
    Server: { ...server, sets: ['Server'] },
  },
  examples: [
    {
      title: 'A new Edge server has the default receive connector, bound to every IPv4 address on port 25',
      code: '(Get-ReceiveConnector).Bindings',
      output: 'AddressFamily Address Port\n------------- ------- ----\nInterNetwork  0.0.0.0   25',
    },
    {
      title: 'The receive connectors of the lab\'s Edge server',
      setup: 'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      code: 'Get-ReceiveConnector -Server mail1',
      output:
        'Identity                                       Bindings         Enabled\n' +
        '--------                                       --------         -------\n' +
        'mail1\\Default internal receive connector mail1 {0.0.0.0:25}     False\n' +
        'mail1\\Inet                                     {127.0.0.1:2525} True',
    },
  ],
  process(p, ctx) {
    const where = contextFor(ctx, p.Identity, p.Server);
    if (!where) return;
    const wanted = p.Identity === undefined ? undefined : parseConnectorIdentity(p.Identity).name;
    const all = attempt(ctx, () => listReceiveConnectors(where));
    if (!all) return;
    const found = matchIdentity(ctx, all, wanted, (c) => [c.Name, c.Guid], () => getReceiveConnector(where, p.Identity!));
    writeObjects(ctx, where, found, receiveConnectorObject);
  },
});

export const newReceiveConnectorCmdlet = defineCmdlet({
  name: 'New-ReceiveConnector',
  synopsis: 'Creates a receive connector.',
  description:
    'Creates a receive connector on the server the shell is on (or -Server). -Usage (or -Custom, -Internet, -Internal, -Client, ' +
    '-Partner) picks the permission groups and authentication; without one an Edge connector gets the Edge defaults ' +
    '(AnonymousUsers, ExchangeServers, Partners; Tls, ExchangeServer). Its Bindings and RemoteIPRanges must not overlap another ' +
    `connector's. ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('New-ReceiveConnector'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [RECEIVE_CONNECTOR_TYPE],
  parameters: newParameters,
  examples: [
    {
      title: 'An Internet connector on a loopback port',
      code: '$c = New-ReceiveConnector Inet -Internet -Bindings 127.0.0.1:2525 -RemoteIPRanges 0.0.0.0-255.255.255.255\n$c | Format-List Name,Bindings,PermissionGroups,AuthMechanism',
      output: 'Name             : Inet\nBindings         : {127.0.0.1:2525}\nPermissionGroups : AnonymousUsers\nAuthMechanism    : Tls',
    },
  ],
  async process(p, ctx) {
    const where = contextFor(ctx, undefined, p.Server);
    if (!where) return;
    const chosen = [
      ...(p.Usage === undefined ? [] : [enumName(ReceiveConnectorUsageEnum, p.Usage)]),
      ...USAGES.filter((usage) => p[usage]),
    ];
    if (chosen.length > 1) {
      const message = 'At most one of the following parameters can be specified: -usage, -internet, -internal, -partner, -client, -custom.';
      writeStoreError(ctx, invalidValue(message, 'NewReceiveConnectorIncorrectUsageParameters', chosen));
      return;
    }
    const changes = boundChanges(p, ctx, receiveConnectorSettings);
    if (!(await shouldProcessMessage(ctx, `Creating Receive connector "${p.Name}" on server "${where.serverName}".`))) return;
    const created = attempt(ctx, () =>
      newReceiveConnector(where, {
        ...changes,
        Name: p.Name,
        Bindings: changes.Bindings,
        RemoteIPRanges: changes.RemoteIPRanges ?? ALL_IPV4,
        Usage: chosen[0],
      }),
    );
    if (created) ctx.write(receiveConnectorObject(created, directoryInfo(where)));
  },
});

export const setReceiveConnectorCmdlet = defineCmdlet({
  name: 'Set-ReceiveConnector',
  synopsis: 'Changes a receive connector.',
  description:
    'Changes a receive connector. -AuthMechanism replaces the whole set. Domain security (-DomainSecureEnabled $true) needs Tls ' +
    'in AuthMechanism and not ExternalAuthoritative; with woodgrovebank.com in TLSReceiveDomainSecureList, mail from Woodgrove ' +
    'Bank must then arrive over mutual TLS while other senders use TLS only if they offer it. Nothing is written when the ' +
    `result is invalid; warns when nothing changed. ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Set-ReceiveConnector'),
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: setParameters,
  examples: [
    {
      title: 'Step 4 of the walkthrough: domain security and TLS on the Inet connector',
      setup: 'New-ReceiveConnector Inet -Bindings 127.0.0.1:2525 | Out-Null',
      code: 'Set-ReceiveConnector Inet -DomainSecureEnabled:$True -AuthMechanism TLS\nGet-ReceiveConnector Inet | Format-List DomainSecureEnabled,AuthMechanism',
      output: 'DomainSecureEnabled : True\nAuthMechanism       : Tls',
    },
    {
      title: 'Step 5: verbose protocol logging',
      setup: 'New-ReceiveConnector Inet -Bindings 127.0.0.1:2525 | Out-Null',
      code: 'Set-ReceiveConnector Inet -ProtocolLoggingLevel Verbose\n(Get-ReceiveConnector Inet).ProtocolLoggingLevel',
      output: 'Verbose',
    },
    {
      title: 'Domain security without TLS is refused',
      setup: 'New-ReceiveConnector Inet -Bindings 127.0.0.1:2525 | Out-Null',
      code: 'Set-ReceiveConnector Inet -DomainSecureEnabled $true -AuthMechanism None -ErrorAction SilentlyContinue\n$Error[0].Exception.Message',
      output: "The DomainSecureEnabled parameter can't be set to $True unless Transport Layer Security (TLS) is set on the AuthMechanism parameter.",
    },
  ],
  async process(p, ctx) {
    const where = contextFor(ctx, p.Identity);
    if (!where) return;
    const current = await confirmedTarget(ctx, () => getReceiveConnector(where, p.Identity!), (c) => `Setting Receive connector "${c.Identity}".`);
    if (!current) return;
    const changes = boundChanges(p, ctx, setParameters, ['Identity']);
    warnIfUnchanged(ctx, current, attempt(ctx, () => setReceiveConnector(where, current.Guid, changes)));
  },
});

export const removeReceiveConnectorCmdlet = defineCmdlet({
  name: 'Remove-ReceiveConnector',
  synopsis: 'Removes a receive connector.',
  description: `Removes a receive connector (asks first: -Confirm:$false to skip the question). ${LAB_NOTE}`,
  module: EXCHANGE_MODULE,
  commandId: exchangeTaskId('Remove-ReceiveConnector'),
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: { Identity: identity },
  examples: [
    {
      title: 'Remove a connector without being asked',
      setup: 'New-ReceiveConnector Inet -Bindings 127.0.0.1:2525 | Out-Null',
      code: 'Remove-ReceiveConnector Inet -Confirm:$false\n@(Get-ReceiveConnector Inet* ).Count',
      output: '0',
    },
  ],
  async process(p, ctx) {
    const where = contextFor(ctx, p.Identity);
    if (!where) return;
    const current = await confirmedTarget(ctx, () => getReceiveConnector(where, p.Identity!), (c) => `Removing Receive connector "${c.Identity}".`);
    if (!current) return;
    attempt(ctx, () => removeReceiveConnector(where, current.Guid));
  },
});

export const receiveConnectorCmdlets = [getReceiveConnectorCmdlet, newReceiveConnectorCmdlet, setReceiveConnectorCmdlet, removeReceiveConnectorCmdlet];

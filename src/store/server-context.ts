// Which server a cmdlet runs on, and therefore which copy of the organisation's configuration it sees.
//
// Exchange keeps organisation-wide settings (TransportConfig, send connectors, accepted domains) in
// Active Directory, "inside the organisation"; an Edge Transport server is outside it and keeps its
// own copy in its local directory (ADAM). emsh models this with a *server context*: every model
// operation takes a `ServerContext` naming the server the shell is "on".
//
//   - Context is a Hub Transport server: organisation-level documents are `organization/*.json`
//     (inside the organisation). Receive connectors are those of the Hub servers.
//   - Context is an Edge server: organisation-level documents are the Edge's own copy,
//     `servers/<edge>/adam/*.json`, and receive connectors are the Edge's own.
//     * Not subscribed: the Edge's copy is edited directly (a stand-alone Edge).
//     * Subscribed (subscribeEdge): EdgeSync owns the copy; `synchronize()` overwrites it from the
//       organisation, and edits from the Edge are refused with Exchange's texts
//       (CannotRunOnSubscribedEdge, ErrorCannotSetTransportServerPropertyOnSubscribedEdge).
//
// Choosing the context (for the cmdlet layer): `openServerContext(state, server?)` takes an explicit
// server name or FQDN (e.g. a `-Server` parameter or a session setting), else `$EMSH_SERVER`, else
// the organisation's LocalServer (the Edge named after this host, created on a fresh root).
// Per-server objects (certificates, receive connectors) always belong to the context server.
import type { EmshState } from './emsh-state.ts';
import { getOrganization } from './organization.ts';
import { findServer, getServer, listServers } from './servers.ts';
import type { DocumentReader, ExchangeServer } from './servers.ts';
import { serverFolderName } from './state-root.ts';
import { objectNotFound, StoreError } from './store-error.ts';

export const SERVER_CONTEXT_ENV = 'EMSH_SERVER';

export interface ServerContext {
  readonly state: EmshState;
  /** The name of the server the cmdlet runs on. */
  readonly serverName: string;
}

/** What a context means for one operation, read inside its transaction. */
export interface Scope {
  server: ExchangeServer;
  edge: boolean;
  /** An Edge with an EdgeSync subscription. */
  subscribed: boolean;
  /** Folder (relative to the root) of the organisation-level documents this context sees. */
  folder: string;
  /** Named in "couldn't be found on '{1}'" errors: the FQDN of the server asked. */
  where: string;
}

export function openServerContext(state: EmshState, server?: string, env: NodeJS.ProcessEnv = process.env): ServerContext {
  const local = getOrganization(state.documents)?.LocalServer;
  const wanted = server ?? env[SERVER_CONTEXT_ENV] ?? local;
  if (!wanted) {
    throw new StoreError(
      `The emsh state at ${state.root} has no organization yet; open it with openState() first.`,
      'OrganizationNotInitialized',
      'InvalidOperation',
      { targetObject: state.root },
    );
  }
  const where = (local && findServer(state.documents, local)?.Fqdn) ?? 'localhost';
  return { state, serverName: getServer(state.documents, wanted, where).Name };
}

export function resolveScope(reader: DocumentReader, ctx: ServerContext): Scope {
  const server = findServer(reader, ctx.serverName);
  if (!server) throw objectNotFound(ctx.serverName, 'localhost');
  const edge = server.ServerRole === 'Edge';
  return {
    server,
    edge,
    subscribed: edge && server.EdgeSubscription !== null,
    folder: configurationFolder(server),
    where: server.Fqdn,
  };
}

/**
 * Get-ExchangeServer as the context sees it: an Edge knows only itself; inside the organisation the
 * Hub servers and the subscribed Edge servers are visible.
 */
export function visibleServers(ctx: ServerContext): ExchangeServer[] {
  const scope = resolveScope(ctx.state.documents, ctx);
  if (scope.edge) return [scope.server];
  return listServers(ctx.state.documents).filter((s) => s.ServerRole === 'HubTransport' || s.EdgeSubscription !== null);
}

/** Where a server reads organisation-level documents: the organisation, or an Edge's own ADAM copy. */
export function configurationFolder(server: ExchangeServer): string {
  return server.ServerRole === 'Edge' ? edgeDirectoryFolder(server.Name) : 'organization';
}

export function edgeDirectoryFolder(serverName: string): string {
  return `servers/${serverFolderName(serverName)}/adam`;
}

/** Refuses connector and accepted-domain changes on a subscribed Edge (CannotRunOnSubscribedEdge). */
export function assertNotSubscribedEdge(scope: Scope): void {
  if (scope.subscribed) throw cannotRunOnSubscribedEdge(scope.server.Name);
}

export function cannotRunOnSubscribedEdge(target?: unknown): StoreError {
  return new StoreError(
    "You can't run this task on an Edge Transport server that is subscribed to an Active Directory site. You must " +
      'either perform this operation using the management console on a Hub Transport server, or remove the Edge ' +
      'Subscription by using the Remove-EdgeSubscription command.',
    'CannotRunOnSubscribedEdge',
    'InvalidOperation',
    { targetObject: target },
  );
}

/** `You can't configure the '{0}' property on a subscribed Edge Transport server. ...` */
export function cannotSetPropertyOnSubscribedEdge(property: string): StoreError {
  return new StoreError(
    `You can't configure the '${property}' property on a subscribed Edge Transport server. Configure this property ` +
      'from inside your organization and allow EdgeSync to replicate the changes.',
    'ErrorCannotSetTransportServerPropertyOnSubscribedEdge',
    'InvalidOperation',
    { targetObject: property },
  );
}

// The Exchange module's hold on the state root: the one place that opens the EmshState for a session
// (lazily, on the first Exchange cmdlet, cached in `session.services`), chooses the server a cmdlet
// runs on, and turns StoreErrors into ErrorRecords. Every Exchange cmdlet (connectors, transport
// config, certificates, the transport service) goes through here.
//
// Which server a cmdlet runs on (its ServerContext, see src/store/server-context.ts):
//   1. an explicit server: a `-Server` parameter, or the SERVER part of a `SERVER\Name` identity;
//   2. else the server the session is logged on to (a lab PSSession to mail2.mail.contoso.com:
//      setSessionServer), else `$env:EMSH_SERVER` (the lab's "log on to that server") of the
//      session's own environment (session.env: a lab PSSession has its own, as a remote computer);
//   3. else the organisation's local server, the Edge this machine is. Except for organisation-level
//      cmdlets (TransportConfig, send connectors, accepted domains, servers, EdgeSync) when that
//      Edge is subscribed: the walkthrough runs those "inside the organisation", so they run on a Hub
//      Transport server of the Edge's site, and EdgeSync replicates the change to every subscribed
//      Edge straight away (Exchange's EdgeSync does it on a schedule; see replicateToEdges).
import fs from 'node:fs';
import path from 'node:path';
import type { CmdletContext, ErrorSpec } from '../../src/pipeline/context.ts';
import type { Session } from '../../src/runtime/session.ts';
import { synchronize } from '../../src/store/edge-sync.ts';
import type { EdgeSyncResult } from '../../src/store/edge-sync.ts';
import { openState } from '../../src/store/emsh-state.ts';
import type { EmshState } from '../../src/store/emsh-state.ts';
import { getOrganization } from '../../src/store/organization.ts';
import type { StateSettings } from '../../src/store/organization.ts';
import { openServerContext, resolveScope, SERVER_CONTEXT_ENV } from '../../src/store/server-context.ts';
import type { ServerContext } from '../../src/store/server-context.ts';
import { findServer, listServers } from '../../src/store/servers.ts';
import { sessionStateRoot } from '../../src/providers/install.ts';
import { statePaths } from '../../src/store/state-root.ts';
import { StoreError } from '../../src/store/store-error.ts';

const SERVICE = 'exchange.state';

/** What the session keeps (the REPL banner reads `state` and `serverName` from it). */
export interface ExchangeSession {
  readonly root: string;
  readonly state: EmshState;
  /** The server the shell is on: the session's `$env:EMSH_SERVER`, else the local server (undefined if unknown). */
  readonly serverName: string | undefined;
}

/** The state root the session's Exchange cmdlets use: the session's, else its `$env:EMSH_HOME`, else conf's folder. */
export function exchangeStateRoot(session: Session): string {
  return sessionStateRoot(session);
}

/** The session's EmshState, opened (and on a fresh root initialised) on first use. */
export function exchangeState(session: Session): EmshState {
  const cached = session.services.get(SERVICE) as ExchangeSession | undefined;
  const root = exchangeStateRoot(session);
  if (cached && cached.root === root) return cached.state;
  return remember(session, root, openState({ root, env: session.env }));
}

/**
 * Opens the session's state root with names for a fresh root (Initialize-LabOrganization): when the
 * root already holds an organisation the settings are ignored, as openState does.
 */
export function openExchangeState(session: Session, settings: StateSettings): EmshState {
  const root = exchangeStateRoot(session);
  return remember(session, root, openState({ root, env: session.env, settings }));
}

/** Whether the session's state root already holds an organisation (without initialising one). */
export function hasOrganization(session: Session): boolean {
  // organization/organization.json is written when a root is initialised (see emsh-state.ts).
  return fs.existsSync(path.join(statePaths(exchangeStateRoot(session)).organizationFolder, 'organization.json'));
}

function remember(session: Session, root: string, state: EmshState): EmshState {
  const entry: ExchangeSession = {
    root,
    state,
    get serverName() {
      try {
        return openServerContext(state, loggedOnServer(session), {}).serverName;
      } catch {
        return undefined;
      }
    },
  };
  session.services.set(SERVICE, entry);
  return state;
}

/**
 * The context of a per-server cmdlet (receive connectors, certificates, the transport service):
 * `server` (a `-Server` value or the SERVER of `SERVER\Name`), else the server the session is logged
 * on to (setSessionServer, else the session's `$env:EMSH_SERVER`), else the local server.
 */
export function serverContext(session: Session, server?: string): ServerContext {
  const state = exchangeState(session);
  return openServerContext(state, nonEmpty(server) ?? loggedOnServer(session), {});
}

/**
 * The context of an organisation-level cmdlet: like serverContext, but when nothing names a server
 * and the local server is a subscribed Edge, a Hub Transport server of its site ("inside the
 * organisation"; see the header comment).
 */
export function organizationContext(session: Session, server?: string): ServerContext {
  const state = exchangeState(session);
  const wanted = nonEmpty(server) ?? loggedOnServer(session);
  if (wanted) return openServerContext(state, wanted, {});
  const local = getOrganization(state.documents)?.LocalServer;
  const edge = local ? findServer(state.documents, local) : undefined;
  if (edge?.ServerRole === 'Edge' && edge.EdgeSubscription) {
    const hubs = listServers(state.documents).filter((s) => s.ServerRole === 'HubTransport');
    const hub = hubs.find((s) => s.Site === edge.EdgeSubscription!.Site) ?? hubs[0];
    if (hub) return openServerContext(state, hub.Name, {});
  }
  return openServerContext(state, undefined, {});
}

/** The FQDN of the context's server (what Exchange's "couldn't be found on '{1}'" names). */
export function contextServerFqdn(ctx: ServerContext): string {
  return resolveScope(ctx.state.documents, ctx).where;
}

/** True when the context is inside the organisation (a Hub Transport server), not an Edge. */
export function isInsideOrganization(ctx: ServerContext): boolean {
  return !resolveScope(ctx.state.documents, ctx).edge;
}

/**
 * EdgeSync after an organisation-level change: when the change was made inside the organisation and
 * Edge servers are subscribed, their copies are brought up to date now. Returns the sync results.
 */
export function replicateToEdges(ctx: ServerContext): EdgeSyncResult[] {
  if (!isInsideOrganization(ctx)) return [];
  const subscribed = listServers(ctx.state.documents).some((s) => s.ServerRole === 'Edge' && s.EdgeSubscription);
  return subscribed ? synchronize(ctx.state) : [];
}

/**
 * Runs an organisation-level change and its EdgeSync replication in one locked transaction: a change
 * that fails writes nothing, and a committed change has reached the subscribed Edge servers. `changed`
 * tells whether the result changed anything (a Set- that changes nothing writes nothing, not even a sync).
 */
export function changeAndReplicate<T>(ctx: ServerContext, change: () => T, changed: (result: T) => boolean = () => true): T {
  return ctx.state.documents.transaction(() => {
    const result = change();
    if (changed(result)) replicateToEdges(ctx);
    return result;
  });
}

const SESSION_SERVER = 'exchange.sessionServer';

/** The server a session is logged on to, before $env:EMSH_SERVER (a lab PSSession to mail2.mail.contoso.com). */
export function setSessionServer(session: Session, server: string): void {
  session.services.set(SESSION_SERVER, server);
}

/** The server the session is logged on to, else its `$env:EMSH_SERVER`, else undefined (the local server). */
function loggedOnServer(session: Session): string | undefined {
  return nonEmpty(session.services.get(SESSION_SERVER) as string | undefined) ?? nonEmpty(session.env[SERVER_CONTEXT_ENV]);
}

function nonEmpty(text: string | undefined): string | undefined {
  return text && text.trim() ? text.trim() : undefined;
}

// ---------------------------------------------------------------- errors

/** The ErrorSpec of a StoreError (FullyQualifiedErrorId becomes `<ErrorId>,<commandId>`). */
export function storeErrorSpec(error: StoreError): ErrorSpec {
  const spec = error.toErrorSpec();
  return { message: spec.message, errorId: spec.errorId, category: spec.category, targetObject: spec.targetObject, exceptionType: spec.exceptionType };
}

/** Writes a StoreError as a non-terminating error (Exchange's WriteError); rethrows anything else. */
export function writeStoreError(ctx: CmdletContext, error: unknown): void {
  if (error instanceof StoreError) ctx.writeError(storeErrorSpec(error));
  else throw error;
}

/** Stops the command with a StoreError (ThrowTerminatingError); rethrows anything else. */
export function failWithStoreError(ctx: CmdletContext, error: unknown): never {
  if (error instanceof StoreError) ctx.fail(storeErrorSpec(error));
  throw error;
}

/** organizationContext for a cmdlet: a StoreError (no organisation, unknown -Server) stops the command. */
export function organizationContextOrFail(ctx: CmdletContext, server?: string): ServerContext {
  try {
    return organizationContext(ctx.session, server);
  } catch (error) {
    failWithStoreError(ctx, error);
  }
}

/**
 * Runs a store operation for one object: its result, or undefined after writing the StoreError it
 * threw as a non-terminating error (the pipeline goes on with the next object, `$?` becomes false).
 */
export function attempt<T>(ctx: CmdletContext, operation: () => T): T | undefined {
  try {
    return operation();
  } catch (error) {
    writeStoreError(ctx, error);
    return undefined;
  }
}

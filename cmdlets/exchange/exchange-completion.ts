// Tab completion of the names Exchange cmdlets take (connectors, accepted domains, servers). Never
// creates an organisation: a state root that has none completes nothing.
import type { Session } from '../../src/runtime/session.ts';
import { listAcceptedDomains } from '../../src/store/accepted-domains.ts';
import { listReceiveConnectors } from '../../src/store/receive-connectors.ts';
import { listSendConnectors } from '../../src/store/send-connectors.ts';
import { listServers } from '../../src/store/servers.ts';
import { exchangeState, hasOrganization, organizationContext, serverContext } from './exchange-state.ts';

function safely(session: unknown, names: (session: Session) => string[]): string[] {
  try {
    const s = session as Session;
    return hasOrganization(s) ? names(s) : [];
  } catch {
    return [];
  }
}

export const completeSendConnector = (session: unknown): string[] =>
  safely(session, (s) => listSendConnectors(organizationContext(s)).map((c) => c.Name));

/** `Inet` for the context server's connectors (as typed without a server), `SERVER\Name` for the others. */
export const completeReceiveConnector = (session: unknown): string[] =>
  safely(session, (s) => {
    const local = serverContext(s);
    const own = listReceiveConnectors(local).map((c) => c.Name);
    const others = listServers(exchangeState(s).documents)
      .filter((server) => server.Name.toLowerCase() !== local.serverName.toLowerCase())
      .flatMap((server) => listReceiveConnectors(serverContext(s, server.Name)).map((c) => c.Identity));
    return [...own, ...others];
  });

export const completeAcceptedDomain = (session: unknown): string[] =>
  safely(session, (s) => listAcceptedDomains(organizationContext(s)).map((d) => d.Name));

export const completeServer = (session: unknown): string[] => safely(session, (s) => listServers(exchangeState(s).documents).map((server) => server.Name));

export const completeEdgeServer = (session: unknown): string[] =>
  safely(session, (s) => listServers(exchangeState(s).documents).filter((server) => server.ServerRole === 'Edge').map((server) => server.Name));

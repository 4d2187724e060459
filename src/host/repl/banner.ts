// The banner at the top of an interactive session: emsh, and the organisation and server it manages.
// The Exchange module keeps its store in `session.services` ('exchange.state': { state, serverName }),
// opened lazily by the first Exchange cmdlet; when the state root already holds an organisation the
// banner opens it (a fresh root is never initialised just to print a banner).
import { exchangeState, hasOrganization } from '../../../cmdlets/exchange/exchange-state.ts';
import { organizationSpec } from '../../store/organization.ts';
import type { Session } from '../../runtime/session.ts';

export interface Managed {
  organization?: string;
  server?: string;
}

type Reader = { read?: (spec: unknown) => unknown };

/** Finds the Exchange store among the session's services (anything with a `state` or naming them). */
export function managedBy(session: Session): Managed {
  const found: Managed = {};
  for (const service of session.services.values()) {
    if (!service || typeof service !== 'object') continue;
    const o = service as Record<string, unknown>;
    if (typeof o.serverName === 'string') found.server ??= o.serverName;
    if (typeof o.organizationName === 'string') found.organization ??= o.organizationName;
    const documents = (o.state as { documents?: Reader } | undefined)?.documents;
    if (typeof documents?.read !== 'function') continue;
    try {
      const org = (documents.read(organizationSpec) as { organization?: { Name?: string; LocalServer?: string } | null }).organization;
      if (org?.Name) found.organization ??= org.Name;
      if (org?.LocalServer) found.server ??= org.LocalServer;
    } catch {
      // an unreadable store does not stop the shell
    }
  }
  return found;
}

/** Opens the session's Exchange store when its root already has an organisation. */
function openExistingStore(session: Session): void {
  try {
    if (hasOrganization(session)) exchangeState(session);
  } catch {
    // the banner then names emsh only
  }
}

export function bannerText(session: Session, version: string): string {
  let m = managedBy(session);
  if (!m.organization && !m.server) {
    openExistingStore(session);
    m = managedBy(session);
  }
  const where = m.organization && m.server ? ` - organization ${m.organization}, server ${m.server}` : m.organization ? ` - organization ${m.organization}` : m.server ? ` - server ${m.server}` : '';
  return `emsh ${version}${where}\nExchange 2007 Edge Transport domain security lab. Type Get-Help for help, exit or Ctrl+D to leave.\n`;
}

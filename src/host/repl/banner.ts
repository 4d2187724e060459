// The banner at the top of an interactive session: emsh, and the organisation and server it manages.
// The Exchange module keeps its store in `session.services` ('exchange.state': { state, serverName }),
// opened lazily by the first Exchange cmdlet. Before that, the banner reads the organisation document
// as plain JSON (opening the store would load conf and its schema validator before the first prompt;
// a fresh root is never initialised just to print a banner).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { organizationSpec } from '../../store/organization.ts';
import { sessionStateRoot } from '../../providers/install.ts';
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

/** The organisation recorded in the state root, read without opening the store. */
function storedOrganization(session: Session): Managed {
  try {
    const root = sessionStateRoot(session);
    const file = path.join(root, `${organizationSpec.name}.json`); // where DocumentStore keeps the document
    const org = (JSON.parse(readFileSync(file, 'utf8')) as { organization?: { Name?: unknown; LocalServer?: unknown } | null }).organization;
    return {
      organization: typeof org?.Name === 'string' ? org.Name : undefined,
      server: typeof org?.LocalServer === 'string' ? org.LocalServer : undefined,
    };
  } catch {
    return {}; // no organisation yet, or an unreadable document: the banner then names emsh only
  }
}

export function bannerText(session: Session, version: string): string {
  let m = managedBy(session);
  if (!m.organization && !m.server) m = storedOrganization(session);
  const where = m.organization && m.server ? ` - organization ${m.organization}, server ${m.server}` : m.organization ? ` - organization ${m.organization}` : m.server ? ` - server ${m.server}` : '';
  return `emsh ${version}${where}\nExchange 2007 Edge Transport domain security lab. Type Get-Help for help, exit or Ctrl+D to leave.\n`;
}

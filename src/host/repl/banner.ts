// The banner at the top of an interactive session: emsh, and the organisation and server it manages
// when the Exchange module has opened a store in the session.
import { organizationSpec } from '../../store/organization.ts';
import type { Session } from '../../runtime/session.ts';

export interface Managed {
  organization?: string;
  server?: string;
}

/** Finds the Exchange store among the session's services (a ServerContext, or anything naming them). */
export function managedBy(session: Session): Managed {
  const found: Managed = {};
  for (const service of session.services.values()) {
    if (!service || typeof service !== 'object') continue;
    const o = service as Record<string, unknown>;
    if (typeof o.serverName === 'string') found.server ??= o.serverName;
    if (typeof o.organizationName === 'string') found.organization ??= o.organizationName;
    const state = o.state as { documents?: { read?: (spec: unknown) => unknown } } | undefined;
    if (!found.organization && typeof state?.documents?.read === 'function') {
      try {
        const doc = state.documents.read(organizationSpec) as { organization?: { Name?: string } };
        if (doc.organization?.Name) found.organization = doc.organization.Name;
      } catch {
        // an unreadable store does not stop the shell
      }
    }
  }
  return found;
}

export function bannerText(session: Session, version: string): string {
  const m = managedBy(session);
  const where = m.organization && m.server ? ` - organization ${m.organization}, server ${m.server}` : m.organization ? ` - organization ${m.organization}` : m.server ? ` - server ${m.server}` : '';
  return `emsh ${version}${where}\nExchange 2007 Edge Transport domain security lab. Type Get-Help for help, exit or Ctrl+D to leave.\n`;
}

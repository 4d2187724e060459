// The organisation of a state root (one root = one organisation) and its settings document.
import type { DocumentSpec, Transaction } from './documents.ts';

export interface Organization {
  Name: string;
  Guid: string;
  /** ISO 8601. */
  WhenCreated: string;
  /** The server this machine is: the default server context (see server-context.ts). */
  LocalServer: string;
}

export interface OrganizationDocument {
  schemaVersion: number;
  organization: Organization | null;
}

export const organizationSpec: DocumentSpec<OrganizationDocument> = {
  name: 'organization/organization',
  schemaVersion: 1,
  create: () => ({ schemaVersion: 1, organization: null }),
  upgrade: (raw) => ({ schemaVersion: 1, organization: (raw.organization as Organization | undefined) ?? null }),
};

/** Optional settings a user may put in `<root>/settings.json` before the root is first used. */
export interface StateSettings {
  organizationName?: string;
  acceptedDomain?: string;
  /** The local server's name (default: the first label of the host name). */
  serverName?: string;
  /** The local server's FQDN (default: the host name). */
  serverFqdn?: string;
}

/** The organisation of a root, or undefined before openState() initialised it. */
export function getOrganization(reader: Pick<Transaction, 'read'>): Organization | undefined {
  return reader.read(organizationSpec).organization ?? undefined;
}

// The directory properties every Exchange configuration object carries (AdminDisplayName,
// ExchangeVersion, DistinguishedName, ObjectCategory, ObjectClass, OriginatingServer, IsValid...),
// computed from where the object lives: Active Directory inside the organisation, or the Edge's own
// ADAM instance (whose configuration partition is named by a GUID, not by DC= components).
import { PSObject } from '../../src/runtime/values.ts';
import { getOrganization } from '../../src/store/organization.ts';
import { resolveScope } from '../../src/store/server-context.ts';
import type { ServerContext } from '../../src/store/server-context.ts';
import { dateTime } from './exchange-values.ts';

/** Exchange 2007's object version, as `Get-* | fl` shows it. */
export const EXCHANGE_2007_VERSION = '0.1 (8.0.535.0)';
export const ADMINISTRATIVE_GROUP = 'Exchange Administrative Group (FYDIBOHF23SPDLT)';
export const ROUTING_GROUP = 'Exchange Routing Group (DWBGZMFD01QNBJR)';

export interface DirectoryInfo {
  /** The organisation's name. */
  organization: string;
  /** The AD domain (`contoso.com`) inside the organisation; unused in an Edge's ADAM. */
  domain: string;
  /** The context server is an Edge: its objects live in ADAM. */
  edge: boolean;
  /** `CN=Configuration,DC=contoso,DC=com`, or `CN=Configuration,CN={guid}` in ADAM. */
  configuration: string;
  /** `CN=<Org>,CN=Microsoft Exchange,CN=Services,<configuration>`. */
  organizationDn: string;
  /** The server that answered (the context server's FQDN; `localhost` in ADAM). */
  originatingServer: string;
}

export function directoryInfo(ctx: ServerContext): DirectoryInfo {
  const scope = resolveScope(ctx.state.documents, ctx);
  const organization = getOrganization(ctx.state.documents);
  const name = organization?.Name ?? 'First Organization';
  const fqdn = scope.server.Fqdn;
  const domain = fqdn.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : fqdn;
  const configuration = scope.edge
    ? `CN=Configuration,CN={${(organization?.Guid ?? '00000000-0000-0000-0000-000000000000').toUpperCase()}}`
    : `CN=Configuration,${domain.split('.').map((label) => `DC=${label}`).join(',')}`;
  return {
    organization: name,
    domain,
    edge: scope.edge,
    configuration,
    organizationDn: `CN=${name},CN=Microsoft Exchange,CN=Services,${configuration}`,
    originatingServer: scope.edge ? 'localhost' : fqdn,
  };
}

/** `CN=<server>,CN=Servers,CN=Exchange Administrative Group (...),CN=Administrative Groups,<org>`. */
export function serverDn(info: DirectoryInfo, server: string): string {
  return `CN=${server},CN=Servers,CN=${ADMINISTRATIVE_GROUP},CN=Administrative Groups,${info.organizationDn}`;
}

/** `contoso.com/Configuration/Schema/<class>` (or the ADAM DN of the schema class). */
export function objectCategory(info: DirectoryInfo, schemaClass: string): string {
  return info.edge ? `CN=${schemaClass},CN=Schema,${info.configuration}` : `${info.domain}/Configuration/Schema/${schemaClass}`;
}

/** `contoso.com/Configuration/Sites/<site>`, as Exchange shows an AD site. */
export function siteText(info: DirectoryInfo, site: string | null): string | null {
  return site ? `${info.domain}/Configuration/Sites/${site}` : null;
}

export interface DirectoryObject {
  name: string;
  identity: string;
  guid: string;
  distinguishedName: string;
  schemaClass: string;
  objectClass: string[];
  whenChanged?: string | null;
  whenCreated?: string | null;
}

/**
 * Appends the directory properties, in the order `Format-List` shows them after the object's own
 * (Name and Identity keep their place when the object already lists them).
 */
export function addDirectoryProperties(target: PSObject, info: DirectoryInfo, object: DirectoryObject): void {
  target.setProperty('AdminDisplayName', null);
  target.setProperty('ExchangeVersion', EXCHANGE_2007_VERSION);
  target.setProperty('Name', object.name);
  target.setProperty('DistinguishedName', object.distinguishedName);
  target.setProperty('Identity', object.identity);
  target.setProperty('Guid', object.guid);
  target.setProperty('ObjectCategory', objectCategory(info, object.schemaClass));
  target.setProperty('ObjectClass', object.objectClass);
  target.setProperty('WhenChanged', dateTime(object.whenChanged));
  target.setProperty('WhenCreated', dateTime(object.whenCreated));
  target.setProperty('OriginatingServer', info.originatingServer);
  target.setProperty('IsValid', true);
  target.defineMethod({ name: 'ToString', invoke: () => object.identity, definition: 'string ToString()' });
}

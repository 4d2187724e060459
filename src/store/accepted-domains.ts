// Accepted domains (New-/Get-/Set-/Remove-AcceptedDomain): the SMTP domains the organisation accepts
// mail for. Organisation-level, so an Edge sees its own copy (replicated by EdgeSync when subscribed).
import { randomUUID } from 'node:crypto';
import type { DocumentSpec, Transaction } from './documents.ts';
import { parseEnum } from './flags.ts';
import { matchesIdentity, sameName } from './identity.ts';
import { assertNotSubscribedEdge, resolveScope } from './server-context.ts';
import type { Scope, ServerContext } from './server-context.ts';
import { parseSmtpDomainWithSubdomains, sameDomain } from './smtp-domain.ts';
import { invalidOperation, objectAmbiguous, objectNotFound, StoreError } from './store-error.ts';
import { assertUniqueName, assertValidName } from './validation.ts';

export const ACCEPTED_DOMAIN_TYPES = ['Authoritative', 'ExternalRelay', 'InternalRelay'] as const;
export type AcceptedDomainType = (typeof ACCEPTED_DOMAIN_TYPES)[number];

export interface AcceptedDomain {
  Identity: string;
  Name: string;
  /** `contoso.com` or `*.contoso.com`. */
  DomainName: string;
  DomainType: AcceptedDomainType;
  Default: boolean;
  Guid: string;
  WhenCreated: string;
}

export interface AcceptedDomainsDocument {
  schemaVersion: number;
  domains: AcceptedDomain[];
}

export function acceptedDomainsSpec(folder: string): DocumentSpec<AcceptedDomainsDocument> {
  return {
    name: `${folder}/accepted-domains`,
    schemaVersion: 1,
    create: () => ({ schemaVersion: 1, domains: [] }),
    upgrade: (raw) => ({ schemaVersion: 1, domains: (raw.domains as AcceptedDomain[] | undefined) ?? [] }),
  };
}

export interface NewAcceptedDomainParameters {
  Name: unknown;
  DomainName: unknown;
  DomainType?: unknown;
}

export interface AcceptedDomainChanges {
  Name?: unknown;
  DomainType?: unknown;
  /** `-MakeDefault`: this domain becomes the default one. */
  MakeDefault?: boolean;
}

const DOMAIN_TYPE = 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomainType';

export function listAcceptedDomains(ctx: ServerContext): AcceptedDomain[] {
  const { documents } = ctx.state;
  return documents.read(acceptedDomainsSpec(resolveScope(documents, ctx).folder)).domains;
}

/** By name, domain name or GUID, case-insensitive. */
export function getAcceptedDomain(ctx: ServerContext, identity: string): AcceptedDomain {
  const { documents } = ctx.state;
  const scope = resolveScope(documents, ctx);
  return findOne(documents.read(acceptedDomainsSpec(scope.folder)).domains, identity, scope);
}

export function newAcceptedDomain(ctx: ServerContext, parameters: NewAcceptedDomainParameters): AcceptedDomain {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    assertNotSubscribedEdge(scope);
    return addAcceptedDomain(tx, scope.folder, parameters, scope.where);
  });
}

/** Adds an accepted domain to the documents in `folder` (also used to initialise a root). */
export function addAcceptedDomain(tx: Transaction, folder: string, parameters: NewAcceptedDomainParameters, where: string): AcceptedDomain {
  const spec = acceptedDomainsSpec(folder);
  const document = tx.read(spec);
  const name = assertValidName(parameters.Name, 'accepted domain');
  const domainName = parseSmtpDomainWithSubdomains(parameters.DomainName, { allowStar: false, propertyName: 'DomainName' });
  assertUniqueName(document.domains, name, 'accepted domain', where);
  const clash = document.domains.find((d) => sameDomain(d.DomainName, domainName));
  if (clash) {
    throw new StoreError(
      `The domain ${domainName} is already accepted by accepted domain '${clash.Name}'; remove it first or choose another domain.`,
      'AcceptedDomainAlreadyExists',
      'ResourceExists',
      { targetObject: domainName },
    );
  }
  const domain: AcceptedDomain = {
    Identity: name,
    Name: name,
    DomainName: domainName,
    DomainType: parameters.DomainType === undefined ? 'Authoritative' : parseEnum(ACCEPTED_DOMAIN_TYPES, parameters.DomainType, DOMAIN_TYPE),
    Default: document.domains.length === 0,
    Guid: randomUUID(),
    WhenCreated: new Date().toISOString(),
  };
  tx.write(spec, { ...document, domains: [...document.domains, domain] });
  return domain;
}

export function setAcceptedDomain(ctx: ServerContext, identity: string, changes: AcceptedDomainChanges): AcceptedDomain {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    assertNotSubscribedEdge(scope);
    const spec = acceptedDomainsSpec(scope.folder);
    const document = tx.read(spec);
    const current = findOne(document.domains, identity, scope);
    const updated: AcceptedDomain = { ...current };
    if (changes.Name !== undefined) {
      updated.Name = updated.Identity = assertValidName(changes.Name, 'accepted domain');
      assertUniqueName(document.domains, updated.Name, 'accepted domain', scope.where, current.Guid);
    }
    if (changes.DomainType !== undefined) updated.DomainType = parseEnum(ACCEPTED_DOMAIN_TYPES, changes.DomainType, DOMAIN_TYPE);
    if (changes.MakeDefault) updated.Default = true;
    const domains = document.domains.map((d) =>
      d.Guid === current.Guid ? updated : changes.MakeDefault ? { ...d, Default: false } : d,
    );
    tx.write(spec, { ...document, domains });
    return updated;
  });
}

export function removeAcceptedDomain(ctx: ServerContext, identity: string): AcceptedDomain {
  return ctx.state.documents.transaction((tx) => {
    const scope = resolveScope(tx, ctx);
    assertNotSubscribedEdge(scope);
    const spec = acceptedDomainsSpec(scope.folder);
    const document = tx.read(spec);
    const current = findOne(document.domains, identity, scope);
    if (current.Default && document.domains.length > 1) {
      throw invalidOperation(
        `The default accepted domain '${current.Name}' can't be removed; make another accepted domain the default first (Set-AcceptedDomain -MakeDefault).`,
        'CannotRemoveDefaultAcceptedDomain',
        current.Name,
      );
    }
    tx.write(spec, { ...document, domains: document.domains.filter((d) => d.Guid !== current.Guid) });
    return current;
  });
}

function findOne(domains: readonly AcceptedDomain[], identity: string, scope: Scope): AcceptedDomain {
  const wanted = identity.trim();
  const found = domains.filter((d) => matchesIdentity(d, wanted) || sameName(d.DomainName, wanted));
  if (found.length > 1) throw objectAmbiguous(wanted);
  if (!found[0]) throw objectNotFound(wanted, scope.where);
  return found[0];
}

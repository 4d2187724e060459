// Identity parameters as Exchange resolves them: names are case-insensitive; a receive connector may
// be named `Inet` or `SERVER\Inet` (server by name or FQDN); any object may be named by its GUID.

export interface ConnectorIdentity {
  /** The server part of `SERVER\Name`, when given. */
  server?: string;
  name: string;
}

export function parseConnectorIdentity(identity: string): ConnectorIdentity {
  const text = identity.trim();
  const slash = text.indexOf('\\');
  if (slash < 0) return { name: text };
  return { server: text.slice(0, slash).trim(), name: text.slice(slash + 1).trim() };
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True when `identity` names the object by its name or its GUID. */
export function matchesIdentity(object: { Name: string; Guid: string }, identity: string): boolean {
  return sameName(object.Name, identity) || sameName(object.Guid, identity.replace(/^\{|\}$/g, ''));
}

// SMTP domains as Exchange types them: SmtpDomain (no wildcard: the TLS domain-secure lists, accepted
// domain names) and SmtpDomainWithSubdomains (`*.contoso.com`, and `*` where allowed: address spaces).
// Matching is case-insensitive; the text is kept as the user wrote it.
import { invalidValue } from './store-error.ts';
import type { StoreError } from './store-error.ts';

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/i;

/** True for `contoso.com`, `mail.contoso.com`, `localhost`; false for wildcards, empty labels, spaces. */
export function isSmtpDomain(text: string): boolean {
  if (text.length === 0 || text.length > 255) return false;
  return text.split('.').every((label) => LABEL.test(label));
}

/** `"{0}" isn't a valid SMTP domain.` (InvalidSmtpDomainName) */
export function invalidSmtpDomain(value: unknown): StoreError {
  return invalidValue(`"${String(value)}" isn't a valid SMTP domain.`, 'InvalidSmtpDomainName', value);
}

/** An SmtpDomain (no wildcard), trimmed. */
export function parseSmtpDomain(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!isSmtpDomain(text)) throw invalidSmtpDomain(value);
  return text;
}

export interface SmtpDomainWithSubdomainsOptions {
  /** Whether `*` alone (every domain) is allowed: yes for address spaces, no for accepted domains. */
  allowStar: boolean;
  /** The property named in the `*` refusal. */
  propertyName?: string;
}

/** `contoso.com`, `*.contoso.com`, or `*` when allowed. */
export function parseSmtpDomainWithSubdomains(value: unknown, options: SmtpDomainWithSubdomainsOptions): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '*') {
    if (options.allowStar) return text;
    throw invalidValue(
      `You can't specify the SmtpDomainWithSubdomains for property value "${options.propertyName ?? 'DomainName'}" to be '*'.`,
      'StarDomainNotAllowed',
      value,
    );
  }
  if (text.startsWith('*')) {
    if (!text.startsWith('*.')) {
      throw invalidValue("The wildcard '*' should be followed by a '.' for the domain", 'InvalidSmtpDomainWildcard', value);
    }
    if (!isSmtpDomain(text.slice(2))) throw invalidSmtpDomain(value);
    return text;
  }
  if (!isSmtpDomain(text)) throw invalidSmtpDomain(value);
  return text;
}

export function sameDomain(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Whether `domain` falls under an SmtpDomainWithSubdomains pattern: `*` matches every domain,
 * `*.contoso.com` matches contoso.com and all its subdomains, `contoso.com` only itself.
 */
export function domainMatchesPattern(pattern: string, domain: string): boolean {
  const p = pattern.toLowerCase();
  const d = domain.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) {
    const parent = p.slice(2);
    return d === parent || d.endsWith(`.${parent}`);
  }
  return p === d;
}

/** A host name such as a connector's FQDN (`mail.contoso.com`). */
export function parseFqdn(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!isSmtpDomain(text)) {
    throw invalidValue(`"${String(value)}" isn't a valid fully qualified domain name (FQDN).`, 'InvalidFqdn', value);
  }
  return text;
}

/** An SMTP address `local@domain`. */
export function parseSmtpAddress(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  if (at <= 0 || !/^[^\s@"<>()[\],;:\\]+$/.test(local) || !isSmtpDomain(text.slice(at + 1))) {
    throw invalidValue(`"${String(value)}" isn't a valid SMTP address.`, 'InvalidSmtpAddress', value);
  }
  return text;
}

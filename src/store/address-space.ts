// Send connector address spaces: `[<Type>:]<AddressSpace>[;<Cost>]`, stored in the canonical form
// Exchange displays (`SMTP:*.contoso.com;1`). Only SMTP address spaces exist here (an Edge accepts
// nothing else). `--` is the special address space of EdgeSync's inbound connector ("the
// organisation's accepted domains").
import { invalidValue } from './store-error.ts';
import { domainMatchesPattern, parseSmtpDomainWithSubdomains } from './smtp-domain.ts';

export interface AddressSpace {
  type: 'SMTP';
  /** `*`, `contoso.com`, `*.contoso.com` or `--`. */
  domain: string;
  /** 1–100; lower is preferred. */
  cost: number;
}

export const INBOUND_ADDRESS_SPACE = '--';

export function parseAddressSpace(value: unknown): AddressSpace {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw invalidAddressSpace(value);
  let rest = text;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const type = rest.slice(0, colon).trim();
    if (type.toUpperCase() !== 'SMTP') {
      throw invalidValue(
        `The address space type '${type}' in "${text}" isn't supported; use an SMTP address space such as SMTP:*.contoso.com;1.`,
        'InvalidAddressSpaceType',
        value,
      );
    }
    rest = rest.slice(colon + 1);
  }
  let cost = 1;
  const semicolon = rest.lastIndexOf(';');
  if (semicolon >= 0) {
    const costText = rest.slice(semicolon + 1).trim();
    cost = /^\d+$/.test(costText) ? Number(costText) : NaN;
    if (!(cost >= 1 && cost <= 100)) {
      throw invalidValue(
        `The cost "${costText}" in address space "${text}" isn't valid; specify a whole number from 1 through 100.`,
        'InvalidAddressSpaceCost',
        value,
      );
    }
    rest = rest.slice(0, semicolon);
  }
  const domainText = rest.trim();
  const domain = domainText === INBOUND_ADDRESS_SPACE ? domainText : parseSmtpDomainWithSubdomains(domainText, { allowStar: true });
  return { type: 'SMTP', domain, cost };
}

export function formatAddressSpace(space: AddressSpace): string {
  return `${space.type}:${space.domain};${space.cost}`;
}

/** Parses and returns the canonical text. */
export function canonicalAddressSpace(value: unknown): string {
  return formatAddressSpace(parseAddressSpace(value));
}

/** Whether mail for `domain` can be routed through this address space (`--` matches nothing here). */
export function addressSpaceMatches(space: AddressSpace | string, domain: string): boolean {
  const parsed = typeof space === 'string' ? parseAddressSpace(space) : space;
  if (parsed.domain === INBOUND_ADDRESS_SPACE) return false;
  return domainMatchesPattern(parsed.domain, domain);
}

/** The duplicate key of an address space: its type and domain, case-insensitive (not the cost). */
export function addressSpaceKey(text: string): string {
  const parsed = parseAddressSpace(text);
  return `${parsed.type}:${parsed.domain}`.toLowerCase();
}

function invalidAddressSpace(value: unknown): Error {
  return invalidValue(
    `"${String(value)}" isn't a valid address space; use the form SMTP:contoso.com;1, SMTP:*.contoso.com;1 or *.`,
    'InvalidAddressSpace',
    value,
  );
}

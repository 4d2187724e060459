// Exchange's domain-security name rule (MatchCertName with sub-domains and multi-level wildcards):
// a certificate name (subject CN or DNS alternate name, case-insensitive) matches domain D when it
// is `D`, `*.D`, or exactly one label followed by `.D` (`mail.D`); `a.b.D` does not.

export function certificateNameMatchesDomain(certificateName: string, domain: string): boolean {
  const name = certificateName.toLowerCase().replace(/\.$/, '');
  const wanted = domain.toLowerCase().replace(/\.$/, '');
  if (name === wanted || name === `*.${wanted}`) return true;
  if (!name.endsWith(`.${wanted}`)) return false;
  const label = name.slice(0, name.length - wanted.length - 1);
  return label.length > 0 && !label.includes('.') && label !== '*';
}

export function certificateMatchesDomain(names: readonly string[], domain: string): boolean {
  return names.some((name) => certificateNameMatchesDomain(name, domain));
}

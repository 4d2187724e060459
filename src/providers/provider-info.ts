// The providers a session has and the names PowerShell gives them: `FileSystem` is
// `Microsoft.PowerShell.Core\FileSystem`, `Certificate` is `Microsoft.PowerShell.Security\Certificate`.
// A drive belongs to one provider; provider-qualified paths (`Certificate::LocalMachine\Root`) name one.

export type ProviderName = 'FileSystem' | 'Certificate' | 'Environment' | 'Variable';

const MODULES: Record<ProviderName, string> = {
  FileSystem: 'Microsoft.PowerShell.Core',
  Certificate: 'Microsoft.PowerShell.Security',
  Environment: 'Microsoft.PowerShell.Core',
  Variable: 'Microsoft.PowerShell.Core',
};

export const PROVIDER_NAMES = Object.keys(MODULES) as ProviderName[];

/** `Microsoft.PowerShell.Security\Certificate`: the PSProvider text of items and PSPath prefixes. */
export function providerFullName(name: ProviderName): string {
  return `${MODULES[name]}\\${name}`;
}

/** The provider a name means: `Certificate` or `Microsoft.PowerShell.Security\Certificate`, any case. */
export function findProviderName(text: string): ProviderName | undefined {
  const wanted = text.trim().toLowerCase();
  return PROVIDER_NAMES.find((n) => n.toLowerCase() === wanted || providerFullName(n).toLowerCase() === wanted);
}

/** Splits a provider-qualified path (`Microsoft.PowerShell.Security\Certificate::LocalMachine\My`). */
export function splitProviderQualified(path: string): { provider: string; rest: string } | undefined {
  const m = /^((?:[\w.]+\\)?\w+)::(.*)$/s.exec(path);
  return m ? { provider: m[1], rest: m[2] } : undefined;
}

// How a typed word selects candidates: a case-insensitive prefix, or a wildcard pattern
// (`Get-*Cert`, `?et-Item`) with `*` appended as PowerShell does.

export function hasWildcard(word: string): boolean {
  return /[*?[]/.test(word);
}

export function matcher(word: string): (candidate: string) => boolean {
  if (!hasWildcard(word)) {
    const w = word.toLowerCase();
    return (c) => c.toLowerCase().startsWith(w);
  }
  let src = '';
  for (const ch of word) {
    if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else if (ch === '[' || ch === ']') src += ch;
    else src += ch.replace(/[.+^${}()|\\/-]/g, '\\$&');
  }
  let re: RegExp;
  try {
    re = new RegExp(`^${src}.*$`, 'is');
  } catch {
    const w = word.toLowerCase();
    return (c) => c.toLowerCase().startsWith(w);
  }
  return (c) => re.test(c);
}

export function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Keeps the first of each case-insensitive duplicate. */
export function uniqueIgnoreCase<T>(items: T[], name: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = name(t).toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// Paths through the session's drives: `c:\cert` → `c:\certificates\`, `.\scr` → `.\scripts\`.
// The typed folder part is kept as written; folders get the separator the user typed.
import { readdirSync } from 'node:fs';
import type { Session } from '../runtime/session.ts';
import { byName, matcher } from './match.ts';
import type { CompletionItem } from './types.ts';
import { quoteValue, unquote } from './word-context.ts';

export function pathCompletions(session: Session, word: string): CompletionItem[] {
  const { value, quote } = unquote(word);
  const cut = Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/'));
  let folder = value.slice(0, cut + 1);
  let prefix = value.slice(cut + 1);
  if (cut < 0 && /^[A-Za-z]\w*:$/.test(value)) {
    folder = `${value}\\`; // a bare drive `c:` lists its root
    prefix = '';
  }
  const sep = folder.includes('/') && !folder.includes('\\') ? '/' : '\\';
  let native: string;
  try {
    native = session.resolveNativePath(folder === '' ? '.' : folder);
  } catch {
    return [];
  }
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(native, { withFileTypes: true });
  } catch {
    return [];
  }
  const match = matcher(prefix);
  const shown = entries.filter((e) => match(e.name) && (prefix.startsWith('.') || !e.name.startsWith('.')));
  const dirs = shown.filter((e) => isFolder(e, native)).map((e) => e.name).sort(byName);
  const files = shown.filter((e) => !isFolder(e, native)).map((e) => e.name).sort(byName);
  const lead = folder === '' ? `.${sep}` : folder;
  return [
    ...dirs.map((n) => ({ text: quoteValue(`${lead}${n}${sep}`, quote), display: `${n}${sep}`, kind: 'directory' as const })),
    ...files.map((n) => ({ text: quoteValue(`${lead}${n}`, quote), display: n, kind: 'path' as const })),
  ];
}

function isFolder(e: import('node:fs').Dirent, parent: string): boolean {
  if (e.isDirectory()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return readdirSync(`${parent}/${e.name}`) !== undefined;
  } catch {
    return false;
  }
}

// Command names: cmdlets, functions and aliases of the session, then programs on PATH.
import { readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Session } from '../runtime/session.ts';
import { byName, hasWildcard, matcher, uniqueIgnoreCase } from './match.ts';
import type { CompletionItem } from './types.ts';

export function commandCompletions(session: Session, word: string): CompletionItem[] {
  const match = matcher(word);
  const names: string[] = [];
  for (const c of session.allCmdlets()) if (match(c.name)) names.push(c.name);
  for (let s: typeof session.globalScope | undefined = session.globalScope; s; s = s.parent) {
    for (const f of s.functions.values()) if (match(f.name)) names.push(f.name);
    for (const a of s.aliases.keys()) if (match(a)) names.push(a);
  }
  let items = uniqueIgnoreCase(names.sort(byName), (n) => n).map((n): CompletionItem => ({ text: n, display: n, kind: 'command' }));
  if (items.length === 0 && word !== '' && !hasWildcard(word)) {
    items = pathPrograms()
      .filter(match)
      .map((n): CompletionItem => ({ text: n, display: n, kind: 'command' }));
  }
  return items;
}

let programCache: { path: string; names: string[] } | undefined;

/** Executable files on PATH (cached per PATH value). */
function pathPrograms(): string[] {
  const path = process.env.PATH ?? '';
  if (programCache?.path === path) return programCache.names;
  const names = new Set<string>();
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const e of entries) {
      if (names.has(e)) continue;
      try {
        const st = statSync(join(dir, e));
        if (st.isFile() && (process.platform === 'win32' || (st.mode & 0o111) !== 0)) names.add(e);
      } catch {
        // dangling link
      }
    }
  }
  programCache = { path, names: [...names].sort(byName) };
  return programCache.names;
}

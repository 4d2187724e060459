// Tab completion: what the word at the cursor is (command, parameter, value, variable, member,
// path) and the candidates for it, from the same declarations the binder uses.
import type { Session } from '../runtime/session.ts';
import { commandCompletions } from './commands.ts';
import { commandParameters, loadCommand, parameterForArgument, parameterNameCompletions, valueCompletions, findParameter } from './parameters.ts';
import { pathCompletions } from './paths.ts';
import type { CompletionItem, Completions } from './types.ts';
import { memberCompletions, variableCompletions } from './variables.ts';
import { unquote, wordContext } from './word-context.ts';

function looksLikePath(word: string): boolean {
  const { value } = unquote(word);
  return /[\\/]/.test(value) || /^[A-Za-z]\w*:/.test(value) || value.startsWith('.') || value.startsWith('~');
}

export async function complete(session: Session, text: string, cursor: number): Promise<Completions> {
  const ctx = wordContext(text, cursor);
  const { word, before } = ctx;
  const result = (items: CompletionItem[], start = word.start): Completions => ({ start, end: cursor, items });
  if (ctx.inComment) return result([]);
  const w = word.text;
  if (before.length > 0) await loadCommand(session, before[0].text);

  if (w.startsWith('$')) {
    const members = memberCompletions(session, w);
    if (members) return result(members);
    const vars = variableCompletions(session, w);
    // For a [bool] parameter $true and $false come first.
    const params = before.length > 0 ? commandParameters(session, before[0].text) : undefined;
    const p = params && parameterForArgument(params, before);
    if (p?.decl?.type !== 'bool') return result(vars);
    const bools = ['$true', '$false'].filter((v) => v.startsWith(w.toLowerCase()));
    return result([...bools.map((v) => ({ text: v, display: v, kind: 'value' as const })), ...vars.filter((v) => !bools.includes(v.text.toLowerCase()))]);
  }

  if (before.length === 0) {
    if (w.startsWith('-') || (looksLikePath(w) && !/^[\w-]+$/.test(w))) return result(looksLikePath(w) ? pathCompletions(session, w) : []);
    return result(commandCompletions(session, w));
  }

  const params = commandParameters(session, before[0].text);
  if (params) {
    const colon = /^-([A-Za-z_][\w-]*):(.*)$/s.exec(w);
    if (colon) {
      const p = findParameter(params, colon[1]);
      const valueStart = word.start + colon[1].length + 2;
      if (p?.decl?.type === 'switch') return result(['$true', '$false'].filter((v) => v.startsWith(colon[2].toLowerCase())).map((v) => ({ text: v, display: v, kind: 'value' })), valueStart);
      const values = p ? await valueCompletions(session, p, colon[2]) : undefined;
      return result(values ?? pathCompletions(session, colon[2]), valueStart);
    }
    if (/^-[A-Za-z_]?[\w-]*$/.test(w)) return result(parameterNameCompletions(params, w, before));
    const p = parameterForArgument(params, before);
    if (p) {
      const values = await valueCompletions(session, p, w);
      if (values) return result(values);
    }
  }
  return result(pathCompletions(session, w));
}

/** The longest common prefix of the items' texts, compared case-insensitively, in the first item's case. */
export function commonPrefix(items: CompletionItem[]): string {
  if (items.length === 0) return '';
  let prefix = items[0].text;
  for (const it of items.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < it.text.length && prefix[i].toLowerCase() === it.text[i].toLowerCase()) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

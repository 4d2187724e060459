// The prompt's Language bound to the real front end: grammar/parse.ts (incompleteness, parse errors)
// and grammar/highlight.ts (token colours). Both are asked on every redraw, so the answers for the
// last text are kept.
import { classify } from '../../../grammar/highlight.ts';
import { isIncompleteInput, parseScript } from '../../../grammar/parse.ts';
import type { HighlightSpan, Language } from './language.ts';

function lastOnly<T>(compute: (text: string) => T): (text: string) => T {
  let last: { text: string; value: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, value: compute(text) };
    return last.value;
  };
}

export function grammarLanguage(): Language {
  const incomplete = lastOnly((text) => isIncompleteInput(text));
  return {
    isIncomplete: incomplete,
    classify: lastOnly((text): readonly HighlightSpan[] => {
      try {
        return classify(text);
      } catch {
        return [];
      }
    }),
    errors: lastOnly((text) => {
      if (text.trim() === '' || incomplete(text)) return [];
      try {
        return parseScript(text)
          .diagnostics.filter((d) => !d.incomplete)
          .map((d) => ({ start: d.span.start, end: d.span.end }));
      } catch {
        return [];
      }
    }),
  };
}

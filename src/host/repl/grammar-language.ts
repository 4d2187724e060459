// The prompt's Language bound to the real front end: grammar/parse.ts and grammar/highlight.ts.
import { classify } from '../../../grammar/highlight.ts';
import { isIncompleteInput, parseScript } from '../../../grammar/parse.ts';
import type { HighlightSpan, Language } from './language.ts';

export function grammarLanguage(): Language {
  let last: { text: string; errors: { start: number; end: number }[] } | undefined;
  return {
    isIncomplete: (text) => isIncompleteInput(text),
    classify: (text) => classify(text) as readonly HighlightSpan[],
    errors(text) {
      if (last?.text === text) return last.errors;
      let errors: { start: number; end: number }[] = [];
      if (text.trim() !== '' && !isIncompleteInput(text)) {
        errors = parseScript(text).diagnostics.filter((d) => !d.incomplete).map((d) => ({ start: d.span.start, end: d.span.end }));
      }
      last = { text, errors };
      return errors;
    },
  };
}

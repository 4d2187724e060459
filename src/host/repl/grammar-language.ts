// The prompt's Language bound to the real front end: grammar/parse.ts (incompleteness, parse errors)
// and grammar/highlight.ts (token colours).
// Interim: grammar/highlight.ts has not landed yet, and importing a missing file would break the
// bundle for everyone; until it lands the prompt is not coloured (parse errors are still marked).
// When it lands: `import { classify } from '../../../grammar/highlight.ts'` and use it below.
import { isIncompleteInput, parseScript } from '../../../grammar/parse.ts';
import type { HighlightSpan, Language } from './language.ts';

const classify = (_text: string): HighlightSpan[] => [];

export function grammarLanguage(): Language {
  let last: { text: string; errors: { start: number; end: number }[] } | undefined;
  return {
    isIncomplete: (text) => isIncompleteInput(text),
    classify: (text) => classify(text),
    errors(text) {
      if (last?.text === text) return last.errors;
      let errors: { start: number; end: number }[] = [];
      if (text.trim() !== '' && !isIncompleteInput(text)) {
        try {
          errors = parseScript(text).diagnostics.filter((d) => !d.incomplete).map((d) => ({ start: d.span.start, end: d.span.end }));
        } catch {
          errors = [];
        }
      }
      last = { text, errors };
      return errors;
    },
  };
}

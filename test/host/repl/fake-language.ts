// A tiny stand-in for the parser in editor and view tests: braces decide incompleteness, a few
// regular expressions colour words, and `))` is a parse error.
import type { HighlightSpan, Language } from '../../../src/host/repl/language.ts';

export const fakeLanguage: Language = {
  isIncomplete(text) {
    const open = (text.match(/\{/g) ?? []).length - (text.match(/\}/g) ?? []).length;
    return open > 0 || /[|`]\s*$/.test(text);
  },
  classify(text) {
    const spans: HighlightSpan[] = [];
    const re = /(\$\w+)|(-[A-Za-z]\w*)|('[^']*'?)|(\d+)|([A-Za-z]+-[A-Za-z]+)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const kind = m[1] ? 'variable' : m[2] ? 'parameter' : m[3] ? 'string' : m[4] ? 'number' : 'command';
      spans.push({ start: m.index, end: m.index + m[0].length, kind });
    }
    return spans;
  },
  errors(text) {
    const i = text.indexOf('))');
    return i >= 0 ? [{ start: i + 1, end: i + 2 }] : [];
  },
};

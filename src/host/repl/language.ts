// What the prompt needs from the language front end, as an interface so the editor and its tests
// do not depend on the parser; grammar-language.ts binds it to grammar/.

export type HighlightKind =
  | 'command'
  | 'parameter'
  | 'string'
  | 'variable'
  | 'number'
  | 'operator'
  | 'keyword'
  | 'comment'
  | 'type'
  | 'member'
  | 'text'
  | 'error';

export interface HighlightSpan {
  start: number;
  end: number;
  kind: HighlightKind;
}

export interface Language {
  /** True when more input could complete the text (open brace, string, trailing pipe or backtick). */
  isIncomplete(text: string): boolean;
  /** Token colouring spans. */
  classify(text: string): readonly HighlightSpan[];
  /** Parse errors that more input would not fix. */
  errors(text: string): readonly { start: number; end: number }[];
}

/** A language that knows nothing: every input is complete, nothing is coloured. */
export const plainLanguage: Language = {
  isIncomplete: () => false,
  classify: () => [],
  errors: () => [],
};

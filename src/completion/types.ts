// The result of a completion request: the range of the input to replace and the candidates.

export type CompletionKind = 'command' | 'parameter' | 'value' | 'variable' | 'member' | 'path' | 'directory';

export interface CompletionItem {
  /** The replacement text. */
  text: string;
  /** What the list shows (the name without path or `-`... as PowerShell's ListItemText). */
  display: string;
  kind: CompletionKind;
}

export interface Completions {
  /** Offsets in the input: `start` to `end` (the cursor) is replaced by an item's text. */
  start: number;
  end: number;
  items: CompletionItem[];
}

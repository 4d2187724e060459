// A script block value: `{ ... }`, a function body, or a whole script. It carries its syntax tree
// and the source it came from (for error positions); the evaluator compiles it once and caches it.
import type { ScriptBlockAst } from '../../grammar/ast.ts';

export interface SourceInfo {
  /** The whole text the spans point into. */
  text: string;
  /** The script path, or undefined for interactive input and -Command. */
  fileName?: string;
}

export class ScriptBlock {
  /** Filled by the evaluator on first use. */
  compiled?: unknown;

  constructor(
    public readonly ast: ScriptBlockAst,
    public readonly source: SourceInfo,
    /** `filter` definitions run their body once per input object. */
    public readonly isFilter = false,
  ) {}

  /** True when the block declares `[CmdletBinding()]` or a `[Parameter()]` attribute (an advanced function). */
  get isAdvanced(): boolean {
    const pb = this.ast.paramBlock;
    if (!pb) return false;
    if (pb.attributes.some((a) => a.name.toLowerCase() === 'cmdletbinding')) return true;
    return pb.parameters.some((p) => p.attributes.some((a) => a.name.toLowerCase() === 'parameter'));
  }

  toString(): string {
    return this.ast.text;
  }
}

// The hook that lets methods such as `.Where({ })` and `.ForEach({ })` run script blocks.
import { ScriptBlock } from '../scriptblock.ts';
import type { Frame } from './frame.ts';
import { invokeScriptBlockSync } from './invoke-block.ts';

export interface MethodContext {
  invokeScriptBlock(sb: unknown, args: unknown[], dollarUnder?: unknown): unknown[];
}

export function methodContext(f: Frame): MethodContext {
  return {
    invokeScriptBlock(sb, args, dollarUnder) {
      if (!(sb instanceof ScriptBlock)) return [];
      return invokeScriptBlockSync(f, sb, { args, dollarUnder });
    },
  };
}

// `$input` in a block run once per pipeline object (ForEach-Object, Where-Object): it enumerates the
// current object, as PowerShell passes `input: new object[] { InputObject }` with `$_`. Only a block
// that names `$input` pays for it; the scope's own `$input` (a function's) is put back after each run.
import type { ScriptBlockAst } from '../../../grammar/ast.ts';
import { InputEnumerator } from '../input-enumerator.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { AutomationNull } from '../values.ts';
import type { Compiled, Frame } from './frame.ts';

const mentions = new WeakMap<ScriptBlockAst, boolean>();

function namesInput(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some(namesInput);
  const n = node as { kind?: unknown; name?: unknown; scope?: unknown };
  if (n.kind === 'Variable' && typeof n.name === 'string' && n.name.toLowerCase() === 'input' && !n.scope) return true;
  for (const key in node) if (key !== 'span' && namesInput((node as Record<string, unknown>)[key])) return true;
  return false;
}

/** True when the block's text uses `$input` (looked up once per syntax tree). */
export function usesDollarInput(ast: ScriptBlockAst): boolean {
  let yes = mentions.get(ast);
  if (yes === undefined) mentions.set(ast, (yes = namesInput(ast)));
  return yes;
}

/** The body with `$input` set to an enumerator over the current `$_` for each run. */
export function withCurrentInput(body: Compiled<void>): Compiled<void> {
  const current = new InputEnumerator();
  return (f: Frame): MaybePromise<void> => {
    const scope = f.scope;
    // The variable stays once added (holding nothing between runs): adding and deleting a scope entry
    // per object would throw away every cached variable lookup (scope.ts variableLayout).
    const variable = scope.vars.get('input') ?? scope.setLocal('input', undefined);
    const previous = variable.value;
    const item = scope.get('_');
    current.resetTo(item);
    if (item === undefined || item === AutomationNull) current.length = 0;
    variable.value = current;
    const restore = (): void => {
      variable.value = previous;
    };
    let r: MaybePromise<void>;
    try {
      r = body(f);
    } catch (e) {
      restore();
      throw e;
    }
    if (r instanceof Promise) return r.finally(restore);
    restore();
    return r;
  };
}

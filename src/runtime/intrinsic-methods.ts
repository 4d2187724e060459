// The intrinsic `.Where({})` and `.ForEach({})` methods every value has (about_Arrays).
import { collectionItems, toBool } from './conversion.ts';
import { toInt32 } from './conversion-scalars.ts';
import { isPSType } from './dotnet-type.ts';
import type { MethodContext } from './dotnet-type.ts';
import { unwrapArg } from './method-support.ts';
import { RuntimeError } from './runtime-error.ts';
import { toPSString } from './to-string.ts';
import { isScriptBlock } from './types.ts';
import { AutomationNull } from './values.ts';
import { getMember, hasMethod, invokeMethod, setMember } from './members.ts';

function itemsOf(target: unknown): unknown[] {
  if (target === null || target === undefined || target === AutomationNull) return [];
  return collectionItems(target);
}

function requireContext(ctx: MethodContext | undefined): MethodContext {
  if (!ctx) throw new Error('.Where()/.ForEach() with a script block need a MethodContext');
  return ctx;
}

/** `.Where({ condition }[, mode[, count]])` with modes Default, First, Last, SkipUntil, Until, Split. */
export function whereMethod(target: unknown, args: unknown[], ctx: MethodContext | undefined): unknown[] {
  const block = unwrapArg(args[0]);
  if (!isScriptBlock(block)) {
    throw new RuntimeError('If the expression passed to the Where() operator is null then you must specify a non-Default value for the selection mode argument. Please change the value of the mode argument to a value other than Default and try running your script again.', 'EmptyExpressionRequiresANonDefaultMode', 'System.Management.Automation.PSArgumentException', 'InvalidArgument');
  }
  const mode = args.length > 1 ? toPSString(unwrapArg(args[1])).toLowerCase() : 'default';
  const count = args.length > 2 ? toInt32(args[2]) : 0;
  const c = requireContext(ctx);
  const test = (item: unknown) => {
    const out = c.invokeScriptBlock(block, [], item);
    return toBool(out.length === 1 ? out[0] : out);
  };
  const items = itemsOf(target);
  const limit = (xs: unknown[]) => (count > 0 ? xs.slice(0, count) : xs);
  switch (mode) {
    case 'first': {
      const out: unknown[] = [];
      for (const item of items) {
        if (test(item)) out.push(item);
        if (out.length >= Math.max(count, 1)) break;
      }
      return out;
    }
    case 'last': {
      const matched = items.filter(test);
      return matched.slice(-Math.max(count, 1));
    }
    case 'skipuntil': {
      const i = items.findIndex(test);
      return i < 0 ? [] : limit(items.slice(i));
    }
    case 'until': {
      const i = items.findIndex(test);
      return limit(i < 0 ? items : items.slice(0, i));
    }
    case 'split': {
      const yes: unknown[] = [];
      const no: unknown[] = [];
      for (const item of items) (test(item) && (count <= 0 || yes.length < count) ? yes : no).push(item);
      return [yes, no];
    }
    default:
      return limit(items.filter(test));
  }
}

/** `.ForEach({ script })`, `.ForEach('Property')`, `.ForEach('Method', args...)`, `.ForEach('Property', value)`, `.ForEach([type])`. */
export function forEachMethod(target: unknown, args: unknown[], ctx: MethodContext | undefined): unknown[] {
  const first = unwrapArg(args[0]);
  const items = itemsOf(target);
  const out: unknown[] = [];
  const emit = (v: unknown) => {
    if (v === AutomationNull) return;
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  };
  if (isScriptBlock(first)) {
    const c = requireContext(ctx);
    for (const item of items) for (const v of c.invokeScriptBlock(first, args.slice(1), item)) emit(v);
    return out;
  }
  if (isPSType(first)) return items.map((item) => first.convert(item));
  const name = toPSString(first);
  for (const item of items) {
    if (hasMethod(item, name)) emit(invokeMethod(item, name, args.slice(1), ctx));
    else if (args.length === 2) setMember(item, name, args[1]);
    else emit(getMember(item, name));
  }
  return out;
}

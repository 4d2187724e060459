// Property expressions as Select-Object, Sort-Object, Group-Object, Format-* and Compare-Object take
// them: a property name (wildcards allowed where the cmdlet allows them), a script block run with `$_`,
// or a calculated-property hashtable `@{Name='x'; Expression={...}}` whose keys may be abbreviated
// (`N`, `L`, `E`...). Errors carry PowerShell's texts (FormatAndOut_MshParameter.resx).
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import { then, type MaybePromise } from '../../../src/runtime/maybe-promise.ts';
import { ScriptBlock } from '../../../src/runtime/scriptblock.ts';
import { toPSString } from '../../../src/runtime/to-string.ts';
import { PSHashtable, PSObject } from '../../../src/runtime/values.ts';
import { hasWildcardCharacters, wildcardToRegExp } from '../../../src/runtime/wildcard.ts';
import { getProperty, propertyNamesOf } from './properties.ts';

export interface PropertyExpression {
  /** The label: the Name/Label key, the property name, or the script block text. */
  name: string;
  /** A property name (maybe a wildcard pattern) or a script block. */
  expr: string | ScriptBlock;
  /** True when a hashtable gave the name explicitly. */
  named: boolean;
  /** The other keys given, by canonical key name (Ascending, Descending, Width, FormatString...). */
  extra: Record<string, unknown>;
}

/** The hashtable keys a cmdlet accepts; `Name` also accepts `Label` (and both abbreviate). */
export type ExpressionKey = 'Name' | 'Expression' | 'Ascending' | 'Descending' | 'FormatString' | 'Width' | 'Alignment' | 'Depth';

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
  ) {
    super(message);
  }
}

function matchKey(key: string, allowed: readonly ExpressionKey[]): ExpressionKey {
  const k = key.toLowerCase();
  const names: [string, ExpressionKey][] = [];
  for (const a of allowed) {
    names.push([a.toLowerCase(), a]);
    if (a === 'Name') names.push(['label', 'Name']);
  }
  const exact = names.find(([n]) => n === k);
  if (exact) return exact[1];
  const hits = names.filter(([n]) => n.startsWith(k));
  const distinct = [...new Set(hits.map((h) => h[1]))];
  if (k !== '' && distinct.length === 1) return distinct[0];
  if (distinct.length > 1) throw new ExpressionError(`The ${key} key is ambiguous; ${hits[0][0]} and ${hits[1][0]} conflict.`, 'DictionaryKeyAmbiguous');
  throw new ExpressionError(`The ${key} key is not valid.`, 'DictionaryKeyIllegal');
}

/** Parses one -Property value (string, script block or hashtable). */
export function parseExpression(value: unknown, allowed: readonly ExpressionKey[]): PropertyExpression {
  const v = value instanceof PSObject && value.baseObject !== undefined ? value.baseObject : value;
  if (v instanceof ScriptBlock) return { name: v.toString(), expr: v, named: false, extra: {} };
  if (v instanceof PSHashtable) {
    const seen: Partial<Record<ExpressionKey, unknown>> = {};
    for (const [rawKey, val] of v.entries()) {
      const key = matchKey(toPSString(rawKey), allowed);
      if (key in seen) throw new ExpressionError(`The duplicated key "${toPSString(rawKey)}" conflicts with "${key}".`, 'DictionaryKeyDuplicate');
      seen[key] = val;
    }
    const { Name, Expression, ...extra } = seen;
    if (Expression === undefined) throw new ExpressionError('A mandatory entry for expression is missing.', 'DictionaryKeyMandatoryEntry');
    const e = Expression instanceof PSObject && Expression.baseObject !== undefined ? Expression.baseObject : Expression;
    const expr = e instanceof ScriptBlock ? e : toPSString(e);
    if (typeof expr === 'string' && expr === '' && Expression !== undefined) {
      throw new ExpressionError('The "Expression" key cannot have an empty string value.', 'ExpressionEmptyString1');
    }
    const named = Name !== undefined;
    const name = named ? toPSString(Name) : expr.toString();
    return { name, expr, named, extra: extra as Record<string, unknown> };
  }
  const text = toPSString(v);
  return { name: text, expr: text, named: false, extra: {} };
}

export function parseExpressions(values: readonly unknown[] | undefined, allowed: readonly ExpressionKey[]): PropertyExpression[] {
  return (values ?? []).map((v) => parseExpression(v, allowed));
}

/** Names of properties a (wildcard) name expression matches on an object, in the object's order. */
export function matchingNames(obj: unknown, pattern: string): string[] {
  if (!hasWildcardCharacters(pattern)) {
    const lower = pattern.toLowerCase();
    const real = propertyNamesOf(obj).find((n) => n.toLowerCase() === lower);
    return real ? [real] : [];
  }
  const re = wildcardToRegExp(pattern);
  return propertyNamesOf(obj).filter((n) => re.test(n));
}

/** The value of an expression for one object: a property value or the script block's output. */
export function evaluateExpression(ctx: CmdletContext, expr: string | ScriptBlock, obj: unknown): MaybePromise<unknown> {
  if (typeof expr === 'string') return getProperty(obj, expr);
  return then(ctx.invoke(expr, { dollarUnder: obj }), (out) => (out.length === 0 ? null : out.length === 1 ? out[0] : out));
}

/** Evaluates several expressions in order. */
export function evaluateAll(ctx: CmdletContext, exprs: readonly (string | ScriptBlock)[], obj: unknown): MaybePromise<unknown[]> {
  const values: unknown[] = new Array(exprs.length);
  const go = (i: number): MaybePromise<unknown[]> => {
    for (; i < exprs.length; i++) {
      const r = evaluateExpression(ctx, exprs[i], obj);
      if (r instanceof Promise) {
        const at = i;
        return r.then((v) => {
          values[at] = v;
          return go(at + 1);
        });
      }
      values[i] = r;
    }
    return values;
  };
  return go(0);
}

/** Fails the command with an ExpressionError as PowerShell reports it (a terminating InvalidArgument). */
export function expressionFailure(ctx: CmdletContext, e: unknown, target?: unknown): never {
  if (e instanceof ExpressionError) {
    ctx.fail({ message: e.message, errorId: e.errorId, category: 'InvalidArgument', targetObject: target, exceptionType: 'System.NotSupportedException' });
  }
  throw e;
}

// Select-Object: new objects with chosen (and calculated) properties, -ExpandProperty, -Unique, and
// the position filters -First, -Last, -Skip, -SkipLast and -Index. -First stops the commands before it
// once it has its objects, so `1..1000000000 | Select-Object -First 3` returns at once.
// Behaviour checked against PowerShell's Select-Object.Tests.ps1 (First/Last/Skip combinations,
// Unique being case-sensitive, missing properties added as $null, `Selected.` type names).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { psEquals } from '../../src/runtime/comparison.ts';
import { then, type MaybePromise } from '../../src/runtime/maybe-promise.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { AutomationNull, PSObject, enumerate } from '../../src/runtime/values.ts';
import { hasWildcardCharacters, wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import {
  evaluateExpression,
  expressionFailure,
  matchingNames,
  parseExpressions,
  type PropertyExpression,
} from './support/expressions.ts';
import { getProperty, hasProperty } from './support/properties.ts';
import { stopUpstream } from './support/stop-upstream.ts';
import { typeNameOf } from './support/type-names.ts';

const module = 'Microsoft.PowerShell.Utility';
const CUSTOM = 'System.Management.Automation.PSCustomObject';

interface SelectState {
  props?: PropertyExpression[];
  exclude?: RegExp[];
  seen: unknown[];
  position: number;
  written: number;
  buffer: { pos: number; value: unknown }[];
  skipIndexes?: Set<number>;
  indexes?: Set<number>;
  maxIndex: number;
  done: boolean;
}

/** A `Selected.<type>` custom object, which prints like a [pscustomobject]. */
export function selectedObject(source: unknown): PSObject {
  const obj = new PSObject([`Selected.${typeNameOf(source)}`, CUSTOM, 'System.Object']);
  obj.defineMethod({
    name: 'ToString',
    invoke: (self) => `@{${self.propertyNames().map((n) => `${n}=${toPSString(self.getProperty(n))}`).join('; ')}}`,
    definition: 'string ToString()',
  });
  return obj;
}

function excluded(state: SelectState, name: string): boolean {
  return !!state.exclude && state.exclude.some((re) => re.test(name));
}

function project(ctx: CmdletContext, state: SelectState, input: unknown): MaybePromise<PSObject> {
  const out = selectedObject(input);
  const props = state.props ?? [{ name: '*', expr: '*', named: false, extra: {} }];
  const go = (i: number): MaybePromise<PSObject> => {
    for (; i < props.length; i++) {
      const prop = props[i];
      if (typeof prop.expr === 'string' && !prop.named) {
        const names = hasWildcardCharacters(prop.expr) ? matchingNames(input, prop.expr) : [matchingNames(input, prop.expr)[0] ?? prop.expr];
        for (const n of names) if (!excluded(state, n) && !out.hasProperty(n)) out.setProperty(n, getProperty(input, n) ?? null);
        continue;
      }
      const r = evaluateExpression(ctx, prop.expr, input);
      const set = (v: unknown) => {
        if (!out.hasProperty(prop.name)) out.setProperty(prop.name, v === AutomationNull || v === undefined ? null : v);
      };
      if (r instanceof Promise) {
        const at = i;
        return r.then((v) => {
          set(v);
          return go(at + 1);
        });
      }
      set(r);
    }
    return out;
  };
  return go(0);
}

function expand(ctx: CmdletContext, state: SelectState, name: string, input: unknown, withProps: PSObject | undefined): unknown[] | undefined {
  const names = matchingNames(input, name);
  if (names.length === 0 && !hasProperty(input, name)) {
    ctx.writeError({
      message: `Property "${name}" cannot be found.`,
      errorId: 'ExpandPropertyNotFound',
      category: 'InvalidArgument',
      targetObject: input,
      exceptionType: 'System.Management.Automation.PSArgumentException',
    });
    return undefined;
  }
  if (names.length > 1) {
    ctx.writeError({
      message: `Multiple properties cannot be expanded at the same time: ${names.join(', ')}.`,
      errorId: 'MutlipleExpandProperties',
      category: 'InvalidArgument',
      targetObject: input,
      exceptionType: 'System.Management.Automation.PSArgumentException',
    });
    return undefined;
  }
  const value = getProperty(input, names[0] ?? name);
  const items = [...enumerate(value)];
  if (withProps) {
    for (const item of items) {
      if (!(item instanceof PSObject)) continue;
      for (const n of withProps.propertyNames()) {
        if (item.hasProperty(n)) {
          ctx.writeError({
            message: `The property cannot be processed because the property "${n}" already exists.`,
            errorId: 'AlreadyExistingUserSpecifiedPropertyExpand',
            category: 'InvalidOperation',
            targetObject: item,
          });
        } else item.setProperty(n, withProps.getProperty(n));
      }
    }
  }
  void state;
  return items;
}

function uniqueKey(value: unknown): unknown {
  if (value instanceof PSObject && value.baseObject === undefined) return toPSString(value);
  return value;
}

function isDuplicate(state: SelectState, value: unknown): boolean {
  const key = uniqueKey(value);
  if (state.seen.some((s) => psEquals(s, key, true) && typeof s === typeof key)) return true;
  state.seen.push(key);
  return false;
}

export const selectObject = defineCmdlet({
  name: 'Select-Object',
  synopsis: 'Selects objects or object properties.',
  description:
    'Creates new objects holding the chosen properties of the input objects (names may use wildcards; calculated properties are ' +
    'hashtables with Name or Label and Expression keys), or writes the value of one property (-ExpandProperty). ' +
    '-First, -Last, -Skip and -Index choose objects by position, -Unique drops duplicates (case-sensitively). ' +
    'With -First, the commands before Select-Object stop once enough objects have arrived.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.SelectObjectCommand',
  aliases: ['select'],
  defaultParameterSet: 'DefaultParameter',
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'The objects to select from; usually piped in.' },
    Property: {
      type: 'object[]',
      position: 0,
      sets: ['DefaultParameter', 'SkipLastParameter'],
      description: 'The properties to select: names (wildcards allowed) or calculated properties @{Name=...; Expression={...}}.',
    },
    ExcludeProperty: { type: 'string[]', sets: ['DefaultParameter', 'SkipLastParameter'], description: 'Properties to leave out (wildcards allowed).' },
    ExpandProperty: { type: 'string', sets: ['DefaultParameter', 'SkipLastParameter'], description: 'Writes the value of this property (enumerated) instead of a new object.' },
    Unique: { type: 'switch', description: 'Writes each distinct object only once (case-sensitive).' },
    Last: { type: 'int', sets: ['DefaultParameter'], validateRange: [0, 2147483647], description: 'Selects this many objects from the end.' },
    First: { type: 'int', sets: ['DefaultParameter'], validateRange: [0, 2147483647], description: 'Selects this many objects from the start.' },
    Skip: { type: 'int', sets: ['DefaultParameter', 'SkipLastParameter'], validateRange: [0, 2147483647], description: 'Skips this many objects (from the end when -Last is given).' },
    SkipLast: { type: 'int', sets: ['SkipLastParameter'], validateRange: [0, 2147483647], description: 'Skips this many objects at the end.' },
    SkipIndex: { type: 'int[]', sets: ['SkipIndexParameter'], description: 'Leaves out the objects at these zero-based positions.' },
    Wait: { type: 'switch', sets: ['DefaultParameter', 'IndexParameter'], description: 'Accepted for compatibility; objects always stream.' },
    Index: { type: 'int[]', sets: ['IndexParameter'], description: 'Selects objects by their zero-based position.' },
  },
  examples: [
    { title: 'The first objects of a long sequence', code: '1..1000000000 | Select-Object -First 3', output: '1\n2\n3' },
    { title: 'The last objects', code: '1..10 | Select-Object -Last 2', output: '9\n10' },
    {
      title: 'Chosen and calculated properties',
      code: "[pscustomobject]@{Name='contoso.com'; Port=25} | Select-Object Name, @{Name='Secure'; Expression={ $_.Port -eq 587 }}",
      output: 'Name        Secure\n----        ------\ncontoso.com  False',
    },
    { title: 'The value of one property', code: "'a','bb','ccc' | Select-Object -ExpandProperty Length", output: '1\n2\n3' },
    { title: 'Distinct values', code: "'a','b','a','A' | Select-Object -Unique", output: 'a\nb\nA' },
  ],
  begin(p, ctx) {
    const state: SelectState = { seen: [], position: 0, written: 0, buffer: [], maxIndex: -1, done: false };
    try {
      if (p.Property) state.props = parseExpressions(p.Property, ['Name', 'Expression']);
    } catch (e) {
      expressionFailure(ctx, e, p.Property);
    }
    for (const prop of state.props ?? []) {
      if (typeof prop.expr !== 'string' && !prop.named && prop.expr.toString().replace(/^\{|\}$/g, '').trim() === '') {
        ctx.fail({
          message: 'A script block used as a property must not be empty unless it is given a name.',
          errorId: 'EmptyScriptBlockAndNoName',
          category: 'InvalidArgument',
          targetObject: prop.expr,
          exceptionType: 'System.Management.Automation.PSArgumentException',
        });
      }
    }
    if (p.ExcludeProperty) state.exclude = p.ExcludeProperty.map((x) => wildcardToRegExp(x));
    if (p.SkipIndex) state.skipIndexes = new Set(p.SkipIndex);
    if (p.Index) {
      state.indexes = new Set(p.Index);
      state.maxIndex = Math.max(-1, ...p.Index);
    }
    ctx.state.select = state;
    if (ctx.isBound('First') && p.First === 0 && !ctx.isBound('Last')) state.done = true;
  },
  process(p, ctx) {
    const state = ctx.state.select as SelectState;
    if (state.done) {
      stopUpstream(ctx);
      return undefined;
    }
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (input === undefined || input === null) return undefined;
    const emit = (values: unknown[]): void => {
      for (const v of values) if (!state.done) select(p, ctx, state, v);
    };
    if (p.ExpandProperty) {
      const withProps = state.props ? project(ctx, state, input) : undefined;
      return then(withProps as MaybePromise<PSObject | undefined>, (props) => {
        const items = expand(ctx, state, p.ExpandProperty!, input, props);
        if (items) emit(items);
      });
    }
    if (!state.props && !state.exclude) {
      emit([input]);
      return undefined;
    }
    return then(project(ctx, state, input), (obj) => emit([obj]));
  },
  end(p, ctx) {
    const state = ctx.state.select as SelectState;
    let rest = state.buffer;
    if (ctx.isBound('SkipLast')) rest = rest.slice(p.Skip ?? 0, Math.max(0, rest.length - (p.SkipLast ?? 0)));
    else if (ctx.isBound('Last')) {
      const skip = ctx.isBound('First') ? 0 : (p.Skip ?? 0);
      const end = Math.max(0, rest.length - skip);
      rest = rest.slice(Math.max(0, end - (p.Last ?? 0)), end).filter((r) => r.pos >= state.written);
    }
    for (const r of rest) ctx.write(r.value, false);
  },
});

function select(p: { First?: number; Last?: number; Skip?: number; Unique: boolean }, ctx: CmdletContext, state: SelectState, value: unknown): void {
  if (p.Unique && isDuplicate(state, value)) return;
  const pos = state.position++;
  if (state.skipIndexes) {
    if (!state.skipIndexes.has(pos)) ctx.write(value, false);
    return;
  }
  if (state.indexes) {
    if (state.indexes.has(pos)) ctx.write(value, false);
    if (pos >= state.maxIndex) {
      state.done = true;
      stopUpstream(ctx);
    }
    return;
  }
  if (ctx.isBound('SkipLast')) {
    state.buffer.push({ pos, value });
    return;
  }
  const hasLast = ctx.isBound('Last');
  if (hasLast) {
    if (ctx.isBound('First') && state.written < (p.First ?? 0)) {
      state.written++;
      ctx.write(value, false);
    }
    state.buffer.push({ pos, value });
    if (state.buffer.length > (p.Last ?? 0) + (ctx.isBound('First') ? 0 : (p.Skip ?? 0))) state.buffer.shift();
    return;
  }
  if (pos < (p.Skip ?? 0)) return;
  if (!ctx.isBound('First')) {
    ctx.write(value, false);
    return;
  }
  state.written++;
  ctx.write(value, false);
  if (state.written >= (p.First ?? 0)) {
    state.done = true;
    stopUpstream(ctx);
  }
}

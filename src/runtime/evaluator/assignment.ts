// Assignment: `$x = v`, `$x += v`, `[int]$x = v`, `$o.Name = v`, `$a[0] = v`, `$a, $b = 1, 2`, `$env:X = v`,
// and the increment operators `++`/`--`.
import type { AssignmentAst, ExpressionAst, UnaryAst } from '../../../grammar/ast.ts';
import { convertTo } from '../conversion.ts';
import { then, type MaybePromise } from '../maybe-promise.ts';
import { getIndex, getMember, setIndex, setMember } from '../members.ts';
import { binaryOperation, numberOperator } from '../operators.ts';
import { RuntimeError } from '../runtime-error.ts';
import { toPSString } from '../to-string.ts';
import { compileExpression, lookupType } from './compile-expression.ts';
import { map1, map2 } from './combinators.ts';
import { positioned, positionedLater, toTerminating, type Compiled, type Frame } from './frame.ts';
import { compileStatementValue } from './statement-value.ts';
import { compileAssignVariable, compileVariableRead, readVariable } from './variables.ts';

export interface AssignableTarget {
  get: Compiled;
  set: (f: Frame, value: unknown) => MaybePromise<void>;
}

export function setVariable(f: Frame, name: string, scope: string | undefined, value: unknown, convert?: (v: unknown) => unknown): void {
  if (scope === 'env') {
    if (value === null || value === undefined || value === '') delete f.session.env[name];
    else f.session.env[name] = toPSString(value);
    return;
  }
  const target = scope && scope !== 'variable' ? f.scope.byQualifier(scope) ?? f.scope : f.scope;
  if (convert) {
    const v = target.setLocal(name, convert(value), scope === 'private' ? ['Private'] : undefined);
    v.convert = convert;
    return;
  }
  if (scope && scope !== 'variable') target.setLocal(name, value, scope === 'private' ? ['Private'] : undefined);
  else target.assign(name, value);
}

export function compileAssignmentTarget(node: ExpressionAst): AssignableTarget {
  switch (node.kind) {
    case 'Variable': {
      const { name, scope } = node;
      // `$null = Get-Thing` discards the value (the usual way to silence output), unlike `$true = 1`.
      if (name.toLowerCase() === 'null' && (!scope || scope === 'global' || scope === 'local' || scope === 'script')) {
        return { get: () => null, set: () => undefined };
      }
      if (!scope) {
        // `$x = v` / `$x += v`: read through the compiled variable read, assign with the name lower-cased once.
        return { get: compileVariableRead(node), set: compileAssignVariable(name) };
      }
      return { get: (f) => readVariable(f, name, scope), set: (f, v) => setVariable(f, name, scope, v) };
    }
    case 'Convert': {
      if (node.operand.kind !== 'Variable') break;
      const { name, scope } = node.operand;
      const typeName = node.type.name;
      return {
        get: (f) => readVariable(f, name, scope),
        set: (f, v) => {
          const type = lookupType(typeName);
          setVariable(f, name, scope, v, (x) => convertTo(x, type));
        },
      };
    }
    case 'Member': {
      const target = compileExpression(node.target);
      const member = compileExpression(node.member);
      return {
        get: map2(target, member, (_f, t, m) => getMember(t, toPSString(m))),
        set: (f, v) => then(target(f), (t) => then(member(f), (m) => void setMember(t, toPSString(m), v))),
      };
    }
    case 'Index': {
      const target = compileExpression(node.target);
      const index = compileExpression(node.index);
      return {
        get: map2(target, index, (_f, t, i) => getIndex(t, i)),
        set: (f, v) => then(target(f), (t) => then(index(f), (i) => void setIndex(t, i, v))),
      };
    }
    case 'ArrayLiteral': {
      const targets = node.elements.map(compileAssignmentTarget);
      return {
        get: () => null,
        set: (f, v) => {
          const values = Array.isArray(v) ? v : [v];
          const go = (i: number): MaybePromise<void> => {
            for (; i < targets.length; i++) {
              const value = i === targets.length - 1 ? (values.length - i > 1 ? values.slice(i) : values[i] ?? null) : values[i] ?? null;
              const r = targets[i].set(f, value);
              if (r instanceof Promise) {
                const at = i;
                return r.then(() => go(at + 1));
              }
            }
            return undefined;
          };
          return go(0);
        },
      };
    }
    case 'Paren':
      if (node.pipeline.kind === 'Pipeline' && node.pipeline.elements.length === 1 && node.pipeline.elements[0].kind === 'CommandExpression') {
        return compileAssignmentTarget(node.pipeline.elements[0].expression);
      }
      break;
    default:
      break;
  }
  return {
    get: () => null,
    set: () => {
      throw new RuntimeError('The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', 'InvalidLeftHandSide', undefined, 'ParserError');
    },
  };
}

const addNumbers = numberOperator('+')!;

const compoundOperators: Record<string, string> = { '+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%' };

/** Compiles an assignment that yields the assigned value (`($x = 5)`, chained `$a = $b = 1`). */
export function compileAssignmentValue(stmt: AssignmentAst): Compiled {
  const target = compileAssignmentTarget(stmt.target);
  const op = compoundOperators[stmt.operator];
  // Only a variable stores "no output" as such (`$v = Get-None`); a property, an element, a typed
  // variable or $env: gets $null.
  const keepsNothing = !op && stmt.target.kind === 'Variable' && stmt.target.scope !== 'env';
  const value = compileStatementValue(stmt.value, keepsNothing);
  if (!op) {
    return positioned(stmt.span, (f) => {
      const v = value(f);
      return v instanceof Promise ? storeLater(f, target, v) : store(f, target, v);
    });
  }
  return compileCompound(stmt, target, value, op, true);
}

/**
 * `$s += $i * 2`: positioned() and map2() written out, so that a loop body doing this costs one call and
 * one try; two numbers skip the generic operator path. As a statement (`yields` false) it yields nothing.
 */
function compileCompound(stmt: AssignmentAst, target: AssignableTarget, value: Compiled, op: string, yields: boolean): Compiled {
  const onNumbers = numberOperator(op);
  const { get, set } = target;
  const span = stmt.span;
  return (f) => {
    try {
      const current = get(f);
      if (current instanceof Promise) return positionedLater(f, span, compoundLater(f, target, op, current, value, yields));
      const v = value(f);
      if (v instanceof Promise) return positionedLater(f, span, compoundRightLater(f, target, op, current, v, yields));
      const result = onNumbers !== undefined && typeof current === 'number' && typeof v === 'number' ? onNumbers(current, v) : binaryOperation(op, false, current, v);
      const r = set(f, result);
      if (r instanceof Promise) return positionedLater(f, span, valueLater(r, yields ? result : undefined));
      return yields ? result : undefined;
    } catch (e) {
      throw toTerminating(e, f, span);
    }
  };
}

function compoundLater(f: Frame, target: AssignableTarget, op: string, current: Promise<unknown>, value: Compiled, yields: boolean): Promise<unknown> {
  return current.then((c) => then(value(f), (v) => combineAndStore(f, target, op, c, v, yields)));
}

function compoundRightLater(f: Frame, target: AssignableTarget, op: string, current: unknown, v: Promise<unknown>, yields: boolean): Promise<unknown> {
  return v.then((x) => combineAndStore(f, target, op, current, x, yields));
}

function combineAndStore(f: Frame, target: AssignableTarget, op: string, current: unknown, v: unknown, yields: boolean): MaybePromise<unknown> {
  const onNumbers = numberOperator(op);
  const result = onNumbers !== undefined && typeof current === 'number' && typeof v === 'number' ? onNumbers(current, v) : binaryOperation(op, false, current, v);
  return then(store(f, target, result), (stored) => (yields ? stored : undefined));
}

/** Assigns and yields the assigned value. */
function store(f: Frame, target: AssignableTarget, value: unknown): MaybePromise<unknown> {
  const r = target.set(f, value);
  return r instanceof Promise ? valueLater(r, value) : value;
}

function storeLater(f: Frame, target: AssignableTarget, pending: Promise<unknown>): Promise<unknown> {
  return pending.then((x) => store(f, target, x));
}

function valueLater(pending: Promise<unknown>, value: unknown): Promise<unknown> {
  return pending.then(() => value);
}

export function compileAssignment(stmt: AssignmentAst): Compiled<void> {
  const op = compoundOperators[stmt.operator];
  if (op) return compileCompound(stmt, compileAssignmentTarget(stmt.target), compileStatementValue(stmt.value), op, false) as Compiled<void>;
  const run = compileAssignmentValue(stmt);
  return (f) => {
    const r = run(f);
    return r instanceof Promise ? r.then(() => undefined) : undefined;
  };
}

/** `++$x`, `$x++`, `--$x`, `$x--`: the value is the new (prefix) or old (postfix) number. */
export function compileIncrement(node: UnaryAst): Compiled {
  const target = compileAssignmentTarget(node.operand);
  const delta = node.operator === '++' ? 1 : -1;
  return positioned(
    node.span,
    map1(target.get, (f, current) => {
      const old = current === null || current === undefined ? 0 : current;
      const next = typeof old === 'number' ? addNumbers(old, delta) : binaryOperation('+', false, old, delta);
      const result = node.postfix ? old : next;
      const r = target.set(f, next);
      return r instanceof Promise ? valueLater(r, result) : result;
    }),
  );
}

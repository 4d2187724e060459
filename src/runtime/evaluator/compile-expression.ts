// Compiles expression nodes into closures `(frame) => value` (a Promise only when a command awaits).
import type {
  BinaryAst,
  ConvertAst,
  ExpandableStringAst,
  ExpressionAst,
  HashtableAst,
  InvokeMemberAst,
  MemberAst,
  UnaryAst,
} from '../../../grammar/ast.ts';
import { convertTo, toBool } from '../conversion.ts';
import { PSReference } from '../dotnet-values.ts';
import { getIndex, getMember, getStaticMember, invokeMethod, invokeStaticMethod } from '../members.ts';
import { binaryOperation, numberOperator, unaryOperation } from '../operators.ts';
import { ScriptBlock } from '../scriptblock.ts';
import { toPSString } from '../to-string.ts';
import { resolveType, type PSType } from '../types.ts';
import { AutomationNull, PSHashtable } from '../values.ts';
import { compileAssignmentTarget, compileIncrement } from './assignment.ts';
import { map1, map2, mapN } from './combinators.ts';
import { positioned, positionedLater, toTerminating, type Compiled, type Frame } from './frame.ts';
import { methodContext } from './method-context.ts';
import { collectScalar, collectValue, compileStatementValue, compileStatementBlockCollect } from './statement-value.ts';
import { compileVariableRead } from './variables.ts';
import { RuntimeError, typeNotFound } from '../runtime-error.ts';

const cache = new WeakMap<ExpressionAst, Compiled>();
const keepingNothingCache = new WeakMap<ExpressionAst, Compiled>();

/** An expression as an operand or argument: "no output" (AutomationNull) reads as $null. */
export function compileExpression(node: ExpressionAst): Compiled {
  let c = cache.get(node);
  if (!c) {
    c = compileUncached(node);
    cache.set(node, c);
  }
  return c;
}

/**
 * An expression whose "no output" stays AutomationNull: a pipeline or loop source, the value stored by
 * `$x = ...`, an output statement, an element of an array literal (see statement-value.ts).
 */
export function compileExpressionKeepingNothing(node: ExpressionAst): Compiled {
  switch (node.kind) {
    case 'Variable':
    case 'Paren':
    case 'SubExpression':
    case 'ArrayLiteral': {
      let c = keepingNothingCache.get(node);
      if (!c) {
        c = compileKeepingNothing(node);
        keepingNothingCache.set(node, c);
      }
      return c;
    }
    default:
      return compileExpression(node);
  }
}

function compileKeepingNothing(node: ExpressionAst & { kind: 'Variable' | 'Paren' | 'SubExpression' | 'ArrayLiteral' }): Compiled {
  switch (node.kind) {
    case 'Variable':
      return compileVariableRead(node, true);
    case 'Paren':
      return compileStatementValue(node.pipeline, true);
    case 'SubExpression':
      return map1(compileStatementBlockCollect(node.body), (_f, items) => collectValue(items));
    case 'ArrayLiteral':
      return mapN(node.elements.map(compileExpressionKeepingNothing), (_f, values) => values);
  }
}

function compileUncached(node: ExpressionAst): Compiled {
  switch (node.kind) {
    case 'Constant': {
      const v = node.value;
      return () => v;
    }
    case 'StringConstant': {
      const v = node.value;
      return () => v;
    }
    case 'ExpandableString':
      return compileExpandable(node);
    case 'Variable':
      return compileVariableRead(node);
    case 'ArrayLiteral':
      return mapN(node.elements.map(compileExpression), (_f, values) => values);
    case 'ArrayExpression': {
      const body = compileStatementBlockCollect(node.body);
      return body;
    }
    case 'SubExpression': {
      const body = compileStatementBlockCollect(node.body);
      return map1(body, (_f, items) => collectScalar(items));
    }
    case 'Paren':
      return compileStatementValue(node.pipeline);
    case 'Hashtable':
      return compileHashtable(node, false);
    case 'ScriptBlockExpression': {
      const block = node.block;
      return (f) => new ScriptBlock(block, f.source);
    }
    case 'Binary':
      return compileBinary(node);
    case 'Unary':
      return compileUnary(node);
    case 'Convert':
      return compileConvert(node);
    case 'TypeLiteral': {
      const name = node.type.name;
      return positioned(node.span, () => lookupType(name));
    }
    case 'Member':
      return compileMember(node);
    case 'InvokeMember':
      return compileInvokeMember(node);
    case 'Index':
      return positioned(
        node.span,
        map2(compileExpression(node.target), compileExpression(node.index), (_f, target, index) =>
          node.nullConditional && (target === null || target === undefined) ? null : getIndex(target, index),
        ),
      );
    case 'Ternary': {
      const cond = compileExpression(node.condition);
      const a = compileExpression(node.ifTrue);
      const b = compileExpression(node.ifFalse);
      return (f) => {
        const c = cond(f);
        return c instanceof Promise ? c.then((v) => (toBool(v) ? a(f) : b(f))) : toBool(c) ? a(f) : b(f);
      };
    }
  }
}

export function lookupType(name: string): PSType {
  const t = resolveType(name);
  if (!t) throw typeNotFound(name);
  return t;
}

function compileExpandable(node: ExpandableStringAst): Compiled {
  const parts = node.parts.map((p) => (typeof p === 'string' ? (() => p) : compileExpression(p)));
  return mapN(parts, (f, values) => {
    let s = '';
    for (const v of values) s += typeof v === 'string' ? v : stringify(f, v);
    return s;
  });
}

function stringify(f: Frame, v: unknown): string {
  if (v === AutomationNull) return '';
  if (Array.isArray(v)) {
    const ofs = f.scope.get('OFS');
    return v.map((x) => toPSString(x)).join(ofs === undefined || ofs === null ? ' ' : toPSString(ofs));
  }
  return toPSString(v);
}

export function compileHashtable(node: HashtableAst, ordered: boolean): Compiled {
  const entries = node.entries.map((e) => [compileExpression(e.key), compileStatementValue(e.value)] as const);
  const flat = entries.flatMap(([k, v]) => [k, v]);
  return positioned(
    node.span,
    mapN(flat, (_f, values) => {
      const h = new PSHashtable(ordered);
      for (let i = 0; i < values.length; i += 2) {
        const key = values[i];
        if (h.has(key)) {
          throw new RuntimeError(`Duplicate keys '${toPSString(key)}' are not allowed in hash literals.`, 'DuplicateKeyInHashLiteral');
        }
        h.set(key, values[i + 1]);
      }
      return h;
    }),
  );
}

function compileBinary(node: BinaryAst): Compiled {
  const left = compileExpression(node.left);
  const right = compileExpression(node.right);
  const op = node.operator;
  if (op === '-and' || op === '-or') {
    const isAnd = op === '-and';
    return (f) => {
      const l = left(f);
      const decide = (lv: unknown) => {
        const lb = toBool(lv);
        if (isAnd ? !lb : lb) return lb;
        return map1(right, (_f, rv) => toBool(rv))(f);
      };
      return l instanceof Promise ? l.then(decide) : decide(l);
    };
  }
  const cs = node.caseSensitive;
  if (op === '-match' || op === '-notmatch' || op === '-cmatch') {
    return positioned(
      node.span,
      map2(left, right, (f, l, r) => binaryOperation(op, cs, l, r, { setMatches: (m: unknown) => f.scope.setLocal('Matches', m) })),
    );
  }
  const onNumbers = numberOperator(op);
  if (!onNumbers) return positioned(node.span, map2(left, right, (_f, l, r) => binaryOperation(op, cs, l, r)));
  // `$_ * 2`, `$i -lt 10`: two plain numbers skip the generic unwrapping and conversion. This is
  // positioned() written out, so that an evaluation costs one closure call and one try, not two.
  const span = node.span;
  if (node.right.kind === 'Constant' && typeof node.right.value === 'number') {
    // `$_ * 2`, `$_ % 2 -eq 0`: a number on the right is used as it is rather than called for.
    const r = node.right.value;
    return (f) => {
      try {
        const l = left(f);
        if (typeof l === 'number') return onNumbers(l, r);
        if (l instanceof Promise) return positionedLater(f, span, binaryLeftLater(op, cs, l, r));
        return binaryOperation(op, cs, l, r);
      } catch (e) {
        throw toTerminating(e, f, span);
      }
    };
  }
  return (f) => {
    try {
      const l = left(f);
      // (Continuations in helpers: see combinators.ts on closures in per-object code.)
      if (l instanceof Promise) return positionedLater(f, span, binaryAfterLeft(f, op, cs, l, right));
      const r = right(f);
      if (r instanceof Promise) return positionedLater(f, span, binaryLater(op, cs, l, r));
      if (typeof l === 'number' && typeof r === 'number') return onNumbers(l, r);
      return binaryOperation(op, cs, l, r);
    } catch (e) {
      throw toTerminating(e, f, span);
    }
  };
}

function binaryAfterLeft(f: Frame, op: string, cs: boolean, l: Promise<unknown>, right: Compiled): Promise<unknown> {
  return l.then((lv) => {
    const r = right(f);
    return r instanceof Promise ? binaryLater(op, cs, lv, r) : binaryOperation(op, cs, lv, r);
  });
}

function binaryLeftLater(op: string, cs: boolean, l: Promise<unknown>, r: unknown): Promise<unknown> {
  return l.then((lv) => binaryOperation(op, cs, lv, r));
}

function binaryLater(op: string, cs: boolean, l: unknown, r: Promise<unknown>): Promise<unknown> {
  return r.then((rv) => binaryOperation(op, cs, l, rv));
}

function compileUnary(node: UnaryAst): Compiled {
  if (node.operator === '++' || node.operator === '--') return compileIncrement(node);
  const operand = compileExpression(node.operand);
  const op = node.operator;
  return positioned(node.span, map1(operand, (_f, v) => unaryOperation(op, v, node.caseSensitive)));
}

function compileConvert(node: ConvertAst): Compiled {
  const typeName = node.type.name.toLowerCase();
  if (typeName === 'ordered' && node.operand.kind === 'Hashtable') return compileHashtable(node.operand, true);
  if (typeName === 'ref' && node.operand.kind === 'Variable') {
    // `[ref]$x` refers to the variable itself, so a method's out argument lands in $x.
    const variable = compileAssignmentTarget(node.operand);
    return (f) => new PSReference(() => variable.get(f), (v) => void variable.set(f, v));
  }
  const operand = compileExpression(node.operand);
  if (typeName === 'void') return map1(operand, () => AutomationNull);
  return positioned(node.span, map1(operand, (_f, v) => convertTo(v, lookupType(node.type.name))));
}

function memberName(node: ExpressionAst): Compiled {
  return compileExpression(node);
}

function compileMember(node: MemberAst): Compiled {
  const target = compileExpression(node.target);
  const name = memberName(node.member);
  return positioned(
    node.span,
    map2(target, name, (_f, t, n) => {
      if (node.nullConditional && (t === null || t === undefined)) return null;
      const key = toPSString(n);
      if (node.static) return getStaticMember(asType(t), key);
      return getMember(t, key);
    }),
  );
}

function asType(t: unknown): PSType {
  return t as PSType;
}

function compileInvokeMember(node: InvokeMemberAst): Compiled {
  const target = compileExpression(node.target);
  const name = memberName(node.member);
  const args = node.args.map(compileExpression);
  return positioned(
    node.span,
    mapN([target, name, ...args], (f, values) => {
      const [t, n, ...argValues] = values;
      if (node.nullConditional && (t === null || t === undefined)) return null;
      const key = toPSString(n);
      const ctx = methodContext(f);
      return node.static ? invokeStaticMethod(asType(t), key, argValues, ctx) : invokeMethod(t, key, argValues, ctx);
    }),
  );
}

export { compileAssignmentTarget };

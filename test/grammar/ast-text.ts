// Test support: a compact text form of the AST, so a test can state a whole tree in one line.
//   (cmd NAME ARGS...)  command; -Name / -Name:value parameter; "x" bareword; d"x" s"x" h"x" quoted strings
//   x<...> expandable string; $x variable; 5:int constant; (op left right) binary; (arr ...) array literal
import assert from 'node:assert/strict';
import type { AnyAst, ExpressionAst, ScriptBlockAst, StatementAst } from '../../grammar/ast.ts';
import { parseScript } from '../../grammar/parse.ts';

type Node = AnyAst | undefined;

function list(items: readonly Node[], separator = ' '): string {
  return items.map((n) => sx(n)).join(separator);
}

export function sx(n: Node | string): string {
  if (n === undefined) return '∅';
  if (typeof n === 'string') return JSON.stringify(n);
  switch (n.kind) {
    case 'ScriptBlock': {
      const parts = [
        n.paramBlock ? sx(n.paramBlock) : '',
        n.begin ? `begin:${sx(n.begin)}` : '',
        n.process ? `process:${sx(n.process)}` : '',
        n.end ? (n.begin || n.process ? `end:${sx(n.end)}` : sx(n.end)) : '',
      ].filter((p) => p !== '');
      return `{${parts.join(' ')}}`;
    }
    case 'StatementBlock':
      return list(n.statements, '; ') + (n.traps.length ? ` traps:${list(n.traps, ';')}` : '');
    case 'Pipeline': return list(n.elements, ' | ');
    case 'CommandExpression': return sx(n.expression) + n.redirections.map((r) => ' ' + sx(r)).join('');
    case 'Command': {
      const head = n.invocation === 'plain' ? 'cmd' : `cmd:${n.invocation}`;
      return `(${head} ${sx(n.name)}${n.elements.map((e) => ' ' + sx(e)).join('')}${n.redirections.map((r) => ' ' + sx(r)).join('')})`;
    }
    case 'CommandParameter': return `-${n.name}${n.usedColon ? ':' : ''}${n.argument ? sx(n.argument) : ''}`;
    case 'Redirection': return `${n.from}>${n.append ? '>' : ''}${n.mergeTo ? '&' + n.mergeTo : ''}${n.target ? ' ' + sx(n.target) : ''}`;
    case 'Assignment': return `(${sx(n.target)} ${n.operator} ${sx(n.value)})`;
    case 'Constant': return `${typeof n.value === 'bigint' ? `${n.value}n` : n.value}:${n.type}`;
    case 'StringConstant': return `${n.quote === 'bare' ? '' : n.quote[0]}${JSON.stringify(n.value)}`;
    case 'ExpandableString': return `x${n.quote === 'bare' ? 'bare' : ''}<${n.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : sx(p))).join(',')}>`;
    case 'Variable': return `${n.splat ? '@' : '$'}${n.scope ? n.scope + ':' : ''}${n.name}`;
    case 'ArrayLiteral': return `(arr ${list(n.elements)})`;
    case 'ArrayExpression': return `@(${sx(n.body)})`;
    case 'SubExpression': return `$(${sx(n.body)})`;
    case 'Paren': return `(paren ${sx(n.pipeline)})`;
    case 'Hashtable': return `@{${n.entries.map((e) => `${sx(e.key)}=${sx(e.value)}`).join('; ')}}`;
    case 'ScriptBlockExpression': return sx(n.block);
    case 'Binary': return `(${n.operator}${n.caseSensitive ? 'c' : ''} ${sx(n.left)} ${sx(n.right)})`;
    case 'Unary': return `(${n.postfix ? 'post' : ''}${n.operator}${n.caseSensitive ? 'c' : ''} ${sx(n.operand)})`;
    case 'Convert': return `(cast[${n.type.name}] ${sx(n.operand)})`;
    case 'TypeLiteral': return `[${n.type.name}]`;
    case 'Member': return `(${n.static ? '::' : n.nullConditional ? '?.' : '.'} ${sx(n.target)} ${sx(n.member)})`;
    case 'InvokeMember': return `(call${n.static ? '::' : ''} ${sx(n.target)} ${sx(n.member)}${n.args.map((a) => ' ' + sx(a)).join('')})`;
    case 'Index': return `(idx ${sx(n.target)} ${sx(n.index)})`;
    case 'Ternary': return `(? ${sx(n.condition)} ${sx(n.ifTrue)} ${sx(n.ifFalse)})`;
    case 'If':
      return `(if ${n.clauses.map((c) => `${sx(c.condition)} {${sx(c.body)}}`).join(' elseif ')}${n.elseBody ? ` else {${sx(n.elseBody)}}` : ''})`;
    case 'Switch': {
      const flags = Object.entries(n.flags).filter(([, on]) => on).map(([name]) => '-' + name).join('');
      const clauses = n.clauses.map((c) => ` ${sx(c.pattern)}{${sx(c.body)}}`).join('');
      return `(switch${n.label ? ':' + n.label : ''}${flags ? ' ' + flags : ''} ${sx(n.subject)}${clauses}${n.defaultBody ? ` default{${sx(n.defaultBody)}}` : ''})`;
    }
    case 'ForEach': return `(foreach${n.label ? ':' + n.label : ''} ${sx(n.variable)} ${sx(n.iterable)} {${sx(n.body)}})`;
    case 'For': return `(for${n.label ? ':' + n.label : ''} ${sx(n.init)}; ${sx(n.condition)}; ${sx(n.iterator)} {${sx(n.body)}})`;
    case 'While': return `(while${n.label ? ':' + n.label : ''} ${sx(n.condition)} {${sx(n.body)}})`;
    case 'DoLoop': return `(do-${n.until ? 'until' : 'while'}${n.label ? ':' + n.label : ''} ${sx(n.condition)} {${sx(n.body)}})`;
    case 'FunctionDefinition':
      return `(${n.isFilter ? 'filter' : 'function'} ${n.name}${n.parameters ? ` (${list(n.parameters, ', ')})` : ''} ${sx(n.body)})`;
    case 'ParamBlock': return `param${n.attributes.map((a) => sx(a)).join('')}(${list(n.parameters, ', ')})`;
    case 'Parameter':
      return `${n.attributes.map((a) => sx(a)).join('')}${n.type ? `[${n.type.name}]` : ''}$${n.name}${n.defaultValue ? '=' + sx(n.defaultValue) : ''}`;
    case 'Attribute':
      return `[${n.name}(${[...n.positional.map((p) => sx(p)), ...n.named.map((a) => a.name + (a.value ? '=' + sx(a.value) : ''))].join(',')})]`;
    case 'TypeName': return `[${n.name}]`;
    case 'Try': {
      const catches = n.catches.map((c) => ` catch${c.types.map((t) => `[${t.name}]`).join(',')} {${sx(c.body)}}`).join('');
      return `(try {${sx(n.body)}}${catches}${n.finallyBody ? ` finally {${sx(n.finallyBody)}}` : ''})`;
    }
    case 'Trap': return `(trap${n.type ? `[${n.type.name}]` : ''} {${sx(n.body)}})`;
    case 'Break':
    case 'Continue': return `(${n.kind.toLowerCase()}${n.label ? ' ' + sx(n.label) : ''})`;
    case 'Return':
    case 'Exit':
    case 'Throw': return `(${n.kind.toLowerCase()}${n.value ? ' ' + sx(n.value) : ''})`;
  }
}

/** Parses text that must be valid and returns the text form of its statements. */
export function show(text: string): string {
  const result = parseScript(text);
  assert.deepEqual(result.diagnostics.map((d) => `${d.id}: ${d.message}`), [], `unexpected diagnostics for ${JSON.stringify(text)}`);
  return sx(result.ast.end);
}

/** The script block of valid text. */
export function scriptOf(text: string): ScriptBlockAst {
  const result = parseScript(text);
  assert.deepEqual(result.diagnostics.map((d) => d.id), [], `unexpected diagnostics for ${JSON.stringify(text)}`);
  return result.ast;
}

export function firstStatement(text: string): StatementAst {
  const statement = scriptOf(text).end?.statements[0];
  assert.ok(statement, `no statement in ${JSON.stringify(text)}`);
  return statement;
}

/** The expression of `text` when it is a single expression statement. */
export function expressionOf(text: string): ExpressionAst {
  const statement = firstStatement(text);
  assert.equal(statement.kind, 'Pipeline');
  const element = statement.elements[0];
  assert.equal(element.kind, 'CommandExpression');
  return element.expression;
}

/** Diagnostics as `Id@offset`, with `+incomplete` when the input is merely unfinished. */
export function errors(text: string): string[] {
  return parseScript(text).diagnostics.map((d) => `${d.id}@${d.span.start}${d.incomplete ? '+incomplete' : ''}`);
}

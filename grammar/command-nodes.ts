// AST builders for assignments and redirections, with the errors PowerShell reports on them.
import type { IToken } from 'chevrotain';
import type {
  AssignmentAst, AssignmentOperator, ExpressionAst, RedirectionAst, StatementAst, StreamName,
} from './ast.ts';
import type { ParserBase } from './parser-base.ts';

const STREAMS: Record<string, StreamName> = {
  '1': 'output', '2': 'error', '3': 'warning', '4': 'verbose', '5': 'debug', '6': 'information', '*': 'all',
};

const STREAM_TEXT: Record<StreamName, string> = {
  output: 'output stream', error: 'error stream', warning: 'warning stream', verbose: 'verbose stream',
  debug: 'debug stream', information: 'information stream', all: '* stream',
};

export function assignmentNode(p: ParserBase, target: ExpressionAst, op: IToken, value: StatementAst | undefined): AssignmentAst {
  const operator = (op.image === '=' ? '=' : op.image.replace(/^[\u2013\u2014\u2015]/, '-')) as AssignmentOperator;
  if (value === undefined) p.report('ExpectedValueExpression', p.after(op), [op.image]);
  if (!isAssignable(target, operator === '=')) p.reportError('InvalidLeftHandSide', target.span);
  const statement: StatementAst = value ?? { kind: 'Pipeline', elements: [], span: p.after(op) };
  return { kind: 'Assignment', target, operator, value: statement, span: p.span(target.span.start, statement.span.end) };
}

/** Assignment targets: variables, members, indexes, casts of those, and (for `=`) arrays of them. */
function isAssignable(target: ExpressionAst, allowArray: boolean): boolean {
  switch (target.kind) {
    case 'Variable':
      return !target.splat;
    case 'Member':
    case 'Index':
      return true;
    case 'Convert':
      return isAssignable(target.operand, false);
    case 'ArrayLiteral':
      return allowArray && target.elements.every((e) => isAssignable(e, false));
    default:
      return false;
  }
}

/** `>`, `>>`, `2>`, `2>&1`, `*>`...: only merges into the output stream are allowed. */
export function redirectionNode(p: ParserBase, token: IToken, target: ExpressionAst | undefined): RedirectionAst {
  const image = token.image;
  const span = p.tokenSpan(token);
  const from = STREAMS[image[0]] ?? 'output';
  const merge = image.indexOf('&');
  if (merge >= 0) {
    const to = STREAMS[image[merge + 1]];
    if (to !== 'output' || to === from) p.reportError('RedirectionNotSupported', span, [image]);
    return { kind: 'Redirection', from, append: false, mergeTo: 'output', span };
  }
  if (target === undefined) p.reportError('MissingFileSpecification', p.after(token));
  const node: RedirectionAst = { kind: 'Redirection', from, append: image.endsWith('>>'), span: p.span(span.start, target?.span.end ?? span.end) };
  if (target) node.target = target;
  return node;
}

export function addRedirection(p: ParserBase, list: RedirectionAst[], r: RedirectionAst): void {
  if (list.some((existing) => existing.from === r.from)) p.reportError('StreamAlreadyRedirected', r.span, [STREAM_TEXT[r.from]]);
  list.push(r);
}

// PowerShell's semantic check ControlLeavingFinally: `return`, and `break`/`continue` that do not target a
// loop inside the finally block, may not leave it. Nested script blocks and functions are their own scope.
import type { StatementAst, StatementBlockAst } from './ast.ts';

/** The statements in `finallyBody` that would transfer control out of it. */
export function flowLeavingFinally(finallyBody: StatementBlockAst): StatementAst[] {
  const found: StatementAst[] = [];
  visitBlock(finallyBody, [], found);
  return found;
}

/** `loops` holds the labels of the loops (and switches) enclosing a statement within the finally block. */
function visitBlock(block: StatementBlockAst | undefined, loops: string[], found: StatementAst[]): void {
  if (!block) return;
  for (const statement of block.statements) visit(statement, loops, found);
}

function visit(statement: StatementAst, loops: string[], found: StatementAst[]): void {
  switch (statement.kind) {
    case 'Return':
      found.push(statement);
      return;
    case 'Break':
    case 'Continue': {
      const label = statement.label;
      if (label === undefined) {
        if (loops.length === 0) found.push(statement);
      } else if (label.kind !== 'StringConstant' || !loops.includes(label.value.toLowerCase())) {
        found.push(statement);
      }
      return;
    }
    case 'If':
      for (const clause of statement.clauses) visitBlock(clause.body, loops, found);
      visitBlock(statement.elseBody, loops, found);
      return;
    case 'Try':
      visitBlock(statement.body, loops, found);
      for (const handler of statement.catches) visitBlock(handler.body, loops, found);
      visitBlock(statement.finallyBody, loops, found);
      return;
    case 'ForEach':
    case 'For':
    case 'While':
    case 'DoLoop':
      visitBlock(statement.body, [...loops, (statement.label ?? '').toLowerCase()], found);
      return;
    case 'Switch': {
      const inner = [...loops, (statement.label ?? '').toLowerCase()];
      for (const clause of statement.clauses) visitBlock(clause.body, inner, found);
      visitBlock(statement.defaultBody, inner, found);
      return;
    }
    default:
      return;
  }
}

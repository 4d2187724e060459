// `1..1000000000` as the source of a pipeline or foreach produces numbers on demand, so
// `1..1e9 | Select-Object -First 3` returns at once instead of building a billion-element array.
import type { BinaryAst } from '../../../grammar/ast.ts';
import { IntRange } from '../../pipeline/int-range.ts';
import { binaryOperation } from '../operators.ts';
import { enumerate } from '../values.ts';
import { compileExpression } from './compile-expression.ts';
import { map2 } from './combinators.ts';
import { positioned, type Compiled } from './frame.ts';

export function lazyRange(node: BinaryAst): Compiled<Iterable<unknown>> {
  return positioned(
    node.span,
    map2(compileExpression(node.left), compileExpression(node.right), (_f, l, r) => {
      if (typeof l === 'number' && typeof r === 'number' && Number.isInteger(l) && Number.isInteger(r)) return new IntRange(l, r);
      return enumerate(binaryOperation('..', false, l, r));
    }),
  );
}

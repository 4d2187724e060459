// Shared by the Format-* and Out-* cmdlets: the formatting options of the session, -Property values as
// the formatter's PropertySpecs (calculated properties with script blocks run synchronously with `$_`),
// and the objects Format-* write: one "format line" per line of rendered text, which Out-Default,
// Out-String, Out-File and Out-Host print exactly as rendered (PowerShell's format objects).
import type { CmdletContext } from '../../../src/pipeline/context.ts';
import type { FormatOptions } from '../../../src/format/options.ts';
import type { Alignment, CalculatedProperty, PropertySpec } from '../../../src/format/property-spec.ts';
import { toPSString } from '../../../src/runtime/to-string.ts';
import { toInt32 } from '../../../src/runtime/conversion-scalars.ts';
import { PSObject } from '../../../src/runtime/values.ts';
import { ScriptBlock } from '../../../src/runtime/scriptblock.ts';
import { ExpressionError, parseExpression, type ExpressionKey } from './expressions.ts';
import { callerScope, dollarUnderInvoker } from './script-invoke.ts';

export const FORMAT_LINE_TYPE = 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData';

/** One line of formatted text, printed as it is by the output cmdlets. */
export function formatLine(text: string): PSObject {
  const line = new PSObject([FORMAT_LINE_TYPE, 'System.Object']);
  line.defineMethod({ name: 'ToString', invoke: () => text, definition: 'string ToString()' });
  return line;
}

export function isFormatLine(value: unknown): value is PSObject {
  return value instanceof PSObject && value.typeName === FORMAT_LINE_TYPE;
}

/** The session's formatting options: console width (or -Width), dialect, $FormatEnumerationLimit, $ErrorView. */
export function formatOptions(ctx: CmdletContext, width?: number): FormatOptions {
  const scope = callerScope(ctx);
  const limit = scope.get('FormatEnumerationLimit');
  const view = toPSString(scope.get('ErrorView'));
  return {
    width: width ?? ctx.session.host.width,
    dialect: ctx.session.dialect,
    enumerationLimit: typeof limit === 'number' ? limit : 4,
    errorView: view === 'ConciseView' || view === 'CategoryView' || view === 'NormalView' ? view : undefined,
  };
}

/** Turns -Property / -GroupBy values into PropertySpecs (throws ExpressionError for bad hashtables). */
export function propertySpecs(ctx: CmdletContext, values: readonly unknown[], keys: readonly ExpressionKey[]): PropertySpec[] {
  return values.map((v) => propertySpec(ctx, v, keys));
}

export function propertySpec(ctx: CmdletContext, value: unknown, keys: readonly ExpressionKey[]): PropertySpec {
  const e = parseExpression(value, keys);
  if (typeof e.expr === 'string' && !e.named && Object.keys(e.extra).length === 0) return e.expr;
  const spec: CalculatedProperty = {
    label: e.name,
    expression: e.expr instanceof ScriptBlock ? dollarUnderInvoker(ctx, e.expr) : e.expr,
  };
  if ('Width' in e.extra) {
    const w = toInt32(e.extra.Width);
    if (w <= 0) throw new ExpressionError(`The value "${w}" for key "Width" should be greater than 0.`, 'WidthOutOfRange');
    spec.width = w;
  }
  if ('Alignment' in e.extra) {
    const a = toPSString(e.extra.Alignment).toLowerCase();
    if (a !== 'left' && a !== 'right' && a !== 'center') {
      throw new ExpressionError(`The value "${toPSString(e.extra.Alignment)}" for key "Alignment" is not valid; valid values are left, center, right.`, 'IllegalAlignment');
    }
    spec.alignment = a as Alignment;
  }
  if ('FormatString' in e.extra) spec.formatString = toPSString(e.extra.FormatString);
  return spec;
}

/** Collects rendered text and writes each complete line as a format line. */
export class LineWriter {
  private partial = '';
  constructor(private readonly ctx: CmdletContext) {}

  push(text: string): void {
    if (!text) return;
    const all = this.partial + text;
    const lines = all.split('\n');
    this.partial = lines.pop() ?? '';
    for (const l of lines) this.ctx.write(formatLine(l), false);
  }

  end(): void {
    if (this.partial) this.ctx.write(formatLine(this.partial), false);
    this.partial = '';
  }
}

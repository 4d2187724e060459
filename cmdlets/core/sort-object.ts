// Sort-Object: a stable sort by the objects themselves or by properties (names, script blocks,
// `@{Expression=...; Descending=$true}` per key), ascending unless -Descending, case-insensitive unless
// -CaseSensitive; -Unique keeps the first of equal objects. Checked against PowerShell's
// Sort-Object.Tests.ps1 (per-key order from hashtables, unique after sorting, stability).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { sortCompare } from '../../src/runtime/comparison.ts';
import { toBool } from '../../src/runtime/conversion.ts';
import { evaluateAll, expressionFailure, matchingNames, parseExpressions, type PropertyExpression } from './support/expressions.ts';
import { hasWildcardCharacters } from '../../src/runtime/wildcard.ts';
import { defaultDisplayPropertyNames } from '../../src/format/object-properties.ts';
import { PSObject } from '../../src/runtime/values.ts';

const module = 'Microsoft.PowerShell.Utility';

interface SortKey {
  expr: string | PropertyExpression['expr'];
  descending: boolean;
}

function sortKeys(exprs: PropertyExpression[], descending: boolean, sample: unknown): SortKey[] {
  const keys: SortKey[] = [];
  for (const e of exprs) {
    let desc = descending;
    if ('Descending' in e.extra) desc = toBool(e.extra.Descending);
    if ('Ascending' in e.extra) desc = !toBool(e.extra.Ascending);
    if (typeof e.expr === 'string' && hasWildcardCharacters(e.expr)) {
      for (const n of matchingNames(sample, e.expr)) keys.push({ expr: n, descending: desc });
    } else keys.push({ expr: e.expr, descending: desc });
  }
  return keys;
}

/** Objects without -Property sort by themselves, except objects that declare default display properties. */
function defaultKeys(sample: unknown, descending: boolean): SortKey[] | undefined {
  if (sample instanceof PSObject && sample.defaultDisplayProperties?.length) {
    return defaultDisplayPropertyNames(sample).slice(0, 1).map((n) => ({ expr: n, descending }));
  }
  return undefined;
}

export async function sortedEntries(
  ctx: CmdletContext,
  items: unknown[],
  options: { property?: unknown[]; descending: boolean; caseSensitive: boolean; unique: boolean },
): Promise<unknown[]> {
  if (items.length === 0) return [];
  let exprs: PropertyExpression[] = [];
  try {
    exprs = parseExpressions(options.property, ['Expression', 'Ascending', 'Descending']);
  } catch (e) {
    expressionFailure(ctx, e, options.property);
  }
  const keys = exprs.length ? sortKeys(exprs, options.descending, items[0]) : defaultKeys(items[0], options.descending);
  const rows: { item: unknown; values: unknown[]; index: number }[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const r = keys ? evaluateAll(ctx, keys.map((k) => k.expr), item) : [item];
    rows.push({ item, values: r instanceof Promise ? await r : r, index: i });
  }
  const order = keys ?? [{ expr: '', descending: options.descending }];
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]): number => {
    for (let k = 0; k < order.length; k++) {
      const c = sortCompare(a.values[k], b.values[k], options.caseSensitive);
      if (c !== 0) return order[k].descending ? -c : c;
    }
    return 0;
  };
  rows.sort((a, b) => compare(a, b) || a.index - b.index);
  if (!options.unique) return rows.map((r) => r.item);
  const out: unknown[] = [];
  let last: (typeof rows)[number] | undefined;
  for (const r of rows) {
    if (!last || compare(last, r) !== 0) out.push(r.item);
    last = r;
  }
  return out;
}

export const sortObject = defineCmdlet({
  name: 'Sort-Object',
  synopsis: 'Sorts objects by property values.',
  description:
    'Collects the input objects and writes them sorted: by the objects themselves, or by one or more properties (names, ' +
    'script blocks, or hashtables with an Expression key and Ascending or Descending). The sort is stable; strings compare ' +
    'case-insensitively unless -CaseSensitive is given; -Unique drops objects equal to the one before them.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.SortObjectCommand',
  aliases: ['sort'],
  parameters: {
    Property: { type: 'object[]', position: 0, description: 'The properties to sort by: names, script blocks or @{Expression=...; Descending=$true}.' },
    Descending: { type: 'switch', description: 'Sorts in descending order.' },
    Unique: { type: 'switch', description: 'Writes only the first of objects that sort as equal.' },
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'The objects to sort; usually piped in.' },
    Culture: { type: 'string', description: 'Accepted for compatibility; strings compare with the en-US culture.' },
    CaseSensitive: { type: 'switch', description: 'Compares strings case-sensitively (lower case first).' },
    Stable: { type: 'switch', description: 'Accepted for compatibility: the sort is always stable.' },
  },
  examples: [
    { title: 'Sort numbers in descending order', code: '3, 1, 2 | Sort-Object -Descending', output: '3\n2\n1' },
    { title: 'Sort strings by length', code: "'contoso', 'mail', 'fabrikam' | Sort-Object Length", output: 'mail\ncontoso\nfabrikam' },
    {
      title: 'Several keys with their own order',
      code:
        "@([pscustomobject]@{N='b';V=1}, [pscustomobject]@{N='a';V=1}, [pscustomobject]@{N='c';V=2}) |\n" +
        "  Sort-Object @{Expression='V'; Descending=$true}, N | ForEach-Object N",
      output: 'c\na\nb',
    },
    { title: 'Distinct values, sorted', code: "'b','a','B','a' | Sort-Object -Unique", output: 'a\nb' },
  ],
  begin(_p, ctx) {
    ctx.state.items = [];
  },
  process(p, ctx) {
    if (ctx.expectingInput) (ctx.state.items as unknown[]).push(ctx.inputObject);
    else if (p.InputObject !== undefined) (ctx.state.items as unknown[]).push(p.InputObject);
  },
  async end(p, ctx) {
    const sorted = await sortedEntries(ctx, ctx.state.items as unknown[], {
      property: p.Property,
      descending: p.Descending,
      caseSensitive: p.CaseSensitive,
      unique: p.Unique,
    });
    for (const item of sorted) ctx.write(item, false);
  },
});

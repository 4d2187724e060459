// Compare-Object: the differences between two sets of objects, with SideIndicator `=>` (only in the
// difference set), `<=` (only in the reference set) and `==` (in both, with -IncludeEqual). Objects only
// in the difference set (and equal ones) come first in their order, then those only in the reference set,
// as Windows PowerShell writes them.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { psEquals } from '../../src/runtime/comparison.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { PSObject } from '../../src/runtime/values.ts';
import { typeNameChain } from './support/type-names.ts';
import { evaluateAll, expressionFailure, parseExpressions, type PropertyExpression } from './support/expressions.ts';

const module = 'Microsoft.PowerShell.Utility';

interface Keyed {
  item: unknown;
  keys: unknown[];
}

function comparable(v: unknown): unknown {
  return v instanceof PSObject && v.baseObject === undefined ? toPSString(v) : v;
}

export const compareObject = defineCmdlet({
  name: 'Compare-Object',
  synopsis: 'Compares two sets of objects.',
  description:
    'Reports the objects that are in only one of two sets: SideIndicator `<=` for objects only in -ReferenceObject, `=>` for ' +
    'objects only in -DifferenceObject, and `==` for objects in both when -IncludeEqual is given. -Property compares chosen ' +
    'properties instead of whole objects; -PassThru writes the original objects with a SideIndicator property added.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.CompareObjectCommand',
  aliases: ['compare', 'diff'],
  parameters: {
    ReferenceObject: { type: 'object[]', position: 0, mandatory: true, description: 'The objects used as the reference.' },
    DifferenceObject: { type: 'object[]', position: 1, mandatory: true, valueFromPipeline: true, description: 'The objects compared with the reference.' },
    SyncWindow: { type: 'int', description: 'Accepted for compatibility: the whole sets are compared.' },
    Property: { type: 'object[]', description: 'The properties to compare (names, script blocks or @{Expression=...}).' },
    ExcludeDifferent: { type: 'switch', description: 'Leaves out the objects that differ.' },
    IncludeEqual: { type: 'switch', description: 'Also writes the objects found in both sets (SideIndicator ==).' },
    PassThru: { type: 'switch', description: 'Writes the compared objects themselves with a SideIndicator property.' },
    Culture: { type: 'string', description: 'Accepted for compatibility.' },
    CaseSensitive: { type: 'switch', description: 'Compares strings case-sensitively.' },
  },
  examples: [
    {
      title: 'Differences between two lists',
      code: "Compare-Object -ReferenceObject 'contoso.com','fabrikam.com' -DifferenceObject 'contoso.com','woodgrove.com'",
      output: 'InputObject   SideIndicator\n-----------   -------------\nwoodgrove.com =>\nfabrikam.com  <=',
    },
    {
      title: 'Include the objects found in both',
      code: 'Compare-Object 1,2 2,3 -IncludeEqual | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }',
      output: '2 ==\n3 =>\n1 <=',
    },
  ],
  begin(_p, ctx) {
    ctx.state.difference = [];
  },
  process(p, ctx) {
    (ctx.state.difference as unknown[]).push(...(p.DifferenceObject ?? []));
  },
  async end(p, ctx) {
    let props: PropertyExpression[] = [];
    try {
      props = parseExpressions(p.Property, ['Expression']);
    } catch (e) {
      expressionFailure(ctx, e, p.Property);
    }
    const keyed = async (items: unknown[]): Promise<Keyed[]> => {
      const out: Keyed[] = [];
      for (const item of items) {
        if (props.length === 0) out.push({ item, keys: [comparable(item)] });
        else {
          const r = evaluateAll(ctx, props.map((x) => x.expr), item);
          out.push({ item, keys: (r instanceof Promise ? await r : r).map(comparable) });
        }
      }
      return out;
    };
    const refs = await keyed(p.ReferenceObject ?? []);
    const diffs = await keyed(ctx.state.difference as unknown[]);
    const emit = (k: Keyed, side: string): void => {
      if (p.PassThru) {
        const obj = k.item instanceof PSObject ? k.item : new PSObject(typeNameChain(k.item), k.item);
        obj.setProperty('SideIndicator', side);
        ctx.write(obj, false);
        return;
      }
      const out = new PSObject();
      if (props.length === 0) out.setProperty('InputObject', k.item);
      else props.forEach((prop, i) => out.setProperty(prop.name, k.keys[i]));
      out.setProperty('SideIndicator', side);
      ctx.write(out, false);
    };
    const unmatched = [...refs];
    for (const d of diffs) {
      const i = unmatched.findIndex((r) => r.keys.length === d.keys.length && r.keys.every((v, j) => psEquals(v, d.keys[j], p.CaseSensitive)));
      if (i >= 0) {
        unmatched.splice(i, 1);
        if (p.IncludeEqual) emit(d, '==');
      } else if (!p.ExcludeDifferent) emit(d, '=>');
    }
    if (!p.ExcludeDifferent) for (const r of unmatched) emit(r, '<=');
  },
});

// Group-Object: GroupInfo objects (Count, Name, Group, Values) in order of first appearance, as
// Windows PowerShell 5.1 writes them; -NoElement drops Group, -AsHashTable returns one hashtable.
// Checked against PowerShell's Group-Object.Tests.ps1 (case-insensitive grouping unless
// -CaseSensitive, names joined with ", " for several properties, AsHashTable keys).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { registerView } from '../../src/format/views.ts';
import { psEquals } from '../../src/runtime/comparison.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { PSHashtable, PSObject } from '../../src/runtime/values.ts';
import { evaluateAll, expressionFailure, matchingNames, parseExpressions } from './support/expressions.ts';
import { hasWildcardCharacters } from '../../src/runtime/wildcard.ts';

const module = 'Microsoft.PowerShell.Utility';
export const GROUP_INFO = 'Microsoft.PowerShell.Commands.GroupInfo';
export const GROUP_INFO_NO_ELEMENT = 'Microsoft.PowerShell.Commands.GroupInfoNoElement';

registerView(GROUP_INFO, {
  kind: 'table',
  columns: [{ label: 'Count', expression: 'Count', width: 5, alignment: 'right' }, { label: 'Name', expression: 'Name', width: 25 }, 'Group'],
});
registerView(GROUP_INFO_NO_ELEMENT, {
  kind: 'table',
  columns: [{ label: 'Count', expression: 'Count', width: 5, alignment: 'right' }, { label: 'Name', expression: 'Name', width: 25 }],
});

interface Group {
  values: unknown[];
  items: unknown[];
}

function groupName(values: unknown[]): string {
  return values.map((v) => toPSString(v)).join(', ');
}

export const groupObject = defineCmdlet({
  name: 'Group-Object',
  synopsis: 'Groups objects that contain the same value for specified properties.',
  description:
    'Collects the input objects and writes one GroupInfo object per distinct value of the given properties (or of the objects ' +
    'themselves): Count, Name (the values joined with ", "), Group (the objects) and Values. Groups appear in the order their ' +
    'first object arrived. Values compare case-insensitively unless -CaseSensitive is given.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GroupObjectCommand',
  aliases: ['group'],
  defaultParameterSet: 'HashTable',
  parameters: {
    NoElement: { type: 'switch', description: 'Leaves the Group property out of the results.' },
    AsHashTable: { type: 'switch', sets: ['HashTable'], aliases: ['AHT'], description: 'Returns one hashtable: each key is a value, each value the objects with it.' },
    AsString: { type: 'switch', sets: ['HashTable'], description: 'Makes the hashtable keys strings.' },
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'The objects to group; usually piped in.' },
    Property: { type: 'object[]', position: 0, description: 'The properties to group by: names, script blocks or @{Expression=...}.' },
    Culture: { type: 'string', description: 'Accepted for compatibility; strings compare with the en-US culture.' },
    CaseSensitive: { type: 'switch', description: 'Groups values that differ only in case separately.' },
  },
  examples: [
    {
      title: 'Count objects by a property',
      code: "'mail','smtp','web','edge' | Group-Object Length",
      output: 'Count Name                      Group\n----- ----                      -----\n    3 4                         {mail, smtp, edge}\n    1 3                         {web}',
    },
    {
      title: 'Counts only',
      code: "'a','b','A' | Group-Object -NoElement",
      output: 'Count Name\n----- ----\n    2 a\n    1 b',
    },
    {
      title: 'A lookup table',
      code: "$byLength = 'mail','web','edge' | Group-Object Length -AsHashTable\n$byLength[4]",
      output: 'mail\nedge',
    },
  ],
  begin(_p, ctx) {
    ctx.state.items = [];
  },
  process(p, ctx) {
    if (ctx.expectingInput) (ctx.state.items as unknown[]).push(ctx.inputObject);
    else if (p.InputObject !== undefined) (ctx.state.items as unknown[]).push(p.InputObject);
  },
  async end(p, ctx) {
    const items = ctx.state.items as unknown[];
    let exprs;
    try {
      exprs = parseExpressions(p.Property, ['Expression']);
    } catch (e) {
      expressionFailure(ctx, e, p.Property);
    }
    const groups: Group[] = [];
    for (const item of items) {
      let values: unknown[];
      if (exprs.length === 0) values = [item];
      else {
        const list = exprs.flatMap((e) => (typeof e.expr === 'string' && hasWildcardCharacters(e.expr) ? matchingNames(item, e.expr) : [e.expr]));
        const r = evaluateAll(ctx, list, item);
        values = r instanceof Promise ? await r : r;
      }
      const hit = groups.find((g) => g.values.length === values.length && g.values.every((v, i) => psEquals(v, values[i], p.CaseSensitive)));
      if (hit) hit.items.push(item);
      else groups.push({ values, items: [item] });
    }
    if (p.AsHashTable) {
      if (groups.length === 0) {
        ctx.write(null, false);
        return;
      }
      const table = new PSHashtable();
      for (const g of groups) {
        const key = p.AsString || g.values.length !== 1 ? groupName(g.values) : g.values[0];
        table.set(key, g.items);
      }
      ctx.write(table, false);
      return;
    }
    for (const g of groups) {
      const info = new PSObject([p.NoElement ? GROUP_INFO_NO_ELEMENT : GROUP_INFO, 'System.Object']);
      info.setProperty('Values', g.values);
      info.setProperty('Count', g.items.length);
      if (!p.NoElement) info.setProperty('Group', g.items);
      info.setProperty('Name', groupName(g.values));
      ctx.write(info, false);
    }
  },
});

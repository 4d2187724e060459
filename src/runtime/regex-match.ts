// PowerShell-facing regex results: Match and Group objects (System.Text.RegularExpressions.Match/Group)
// and the `$Matches` hashtable that -match fills.
import { NamedCollection } from './named-collection.ts';
import type { RegexGroupResult, RegexMatchResult } from './regex-engine.ts';
import { PSHashtable, PSObject } from './values.ts';

export const MATCH_TYPE = 'System.Text.RegularExpressions.Match';
export const GROUP_TYPE = 'System.Text.RegularExpressions.Group';

function captureObject(g: RegexGroupResult): PSObject {
  const c = PSObject.from(
    [
      ['Index', g.index],
      ['Length', g.value.length],
      ['Value', g.value],
    ],
    ['System.Text.RegularExpressions.Capture', 'System.Object'],
  );
  c.defineMethod({ name: 'ToString', invoke: () => g.value, definition: 'string ToString()' });
  return c;
}

function groupObject(g: RegexGroupResult, typeNames: string[]): PSObject {
  const obj = PSObject.from(
    [
      ['Groups', null],
      ['Success', g.success],
      ['Name', g.name],
      ['Captures', g.success ? [captureObject(g)] : []],
      ['Index', g.index],
      ['Length', g.value.length],
      ['Value', g.value],
    ],
    typeNames,
  );
  obj.removeProperty('Groups');
  obj.defineMethod({ name: 'ToString', invoke: () => g.value, definition: 'string ToString()' });
  return obj;
}

const emptyMatch = {
  index: 0,
  value: '',
  groups: [{ name: '0', success: false, index: 0, value: '' }],
  input: '',
} as unknown as RegexMatchResult;

/** A Match object with Groups (indexable by number or name), Success, Index, Length, Value, NextMatch(). */
export function matchObject(found: RegexMatchResult | undefined): PSObject {
  // A failed match is Match.Empty: Success false, empty Value.
  const m = found ?? emptyMatch;
  const obj = groupObject(m.groups[0], [MATCH_TYPE, GROUP_TYPE, 'System.Text.RegularExpressions.Capture', 'System.Object']);
  const groups = NamedCollection.create(
    m.groups.map((g, i) => (i === 0 ? obj : groupObject(g, [GROUP_TYPE, 'System.Text.RegularExpressions.Capture', 'System.Object']))),
    (x: PSObject) => String(x.getProperty('Name')),
    'System.Text.RegularExpressions.GroupCollection',
  );
  // Groups comes first, as in .NET's property order.
  const rest = obj.properties();
  for (const p of rest) obj.removeProperty(p.name);
  obj.setProperty('Groups', groups);
  for (const p of rest) obj.defineProperty(p);
  obj.defineMethod({
    name: 'NextMatch',
    invoke: () => (found ? matchObject(m.regex.match(m.input, m.value.length === 0 ? m.index + 1 : m.index + m.value.length)) : obj),
    definition: 'System.Text.RegularExpressions.Match NextMatch()',
  });
  return obj;
}

/**
 * The `$Matches` hashtable for a successful match: successful groups only, numbered groups under
 * integer keys and named groups under their names. Inserted last group first, so it lists as
 * PowerShell shows it (`2`, `1`, `0`).
 */
export function matchesHashtable(m: RegexMatchResult): PSHashtable {
  const h = new PSHashtable();
  for (const g of [...m.groups].reverse()) {
    if (!g.success) continue;
    h.set(/^\d+$/.test(g.name) ? Number(g.name) : g.name, g.value);
  }
  return h;
}

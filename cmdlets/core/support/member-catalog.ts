// The members Get-Member lists for a value: a PSObject's note, script, alias and code properties and its
// methods (with the four methods every object has), and the adapted .NET properties and common methods
// of the built-in values (strings, numbers, dates, arrays, hashtables).
import { adaptedPropertyTable } from '../../../src/runtime/scalar-properties.ts';
import type { PSType } from '../../../src/runtime/dotnet-type.ts';
import { PSHashtable, PSObject, type PSPropertyDefinition } from '../../../src/runtime/values.ts';
import { toPSString } from '../../../src/runtime/to-string.ts';
import { typeNameOf } from './type-names.ts';

export interface MemberInfo {
  name: string;
  memberType: string;
  definition: string;
}

const SHORT: Record<string, string> = {
  'System.String': 'string',
  'System.Int32': 'int',
  'System.Int64': 'long',
  'System.Int16': 'short',
  'System.Byte': 'byte',
  'System.Boolean': 'bool',
  'System.Double': 'double',
  'System.Single': 'float',
  'System.Decimal': 'decimal',
  'System.Char': 'char',
  'System.DateTime': 'datetime',
  'System.TimeSpan': 'timespan',
  'System.Object': 'System.Object',
  'System.Object[]': 'Object[]',
  'System.Byte[]': 'byte[]',
  'System.String[]': 'string[]',
  'System.Collections.Hashtable': 'hashtable',
  'System.Management.Automation.ScriptBlock': 'scriptblock',
  'System.Security.SecureString': 'securestring',
  'System.Management.Automation.PSCustomObject': 'System.Management.Automation.PSCustomObject',
  'System.Version': 'version',
  'System.Guid': 'guid',
};

/** The type name Get-Member shows in definitions (`string`, `int`, `datetime`, `Object[]`). */
export function definitionTypeName(typeName: string): string {
  return SHORT[typeName] ?? typeName;
}

function valueTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'System.Object';
  return typeNameOf(value);
}

/** Properties added with Add-Member (NoteProperty even on typed objects). */
export const addedMembers = new WeakSet<PSPropertyDefinition>();

const OBJECT_METHODS: MemberInfo[] = [
  { name: 'Equals', memberType: 'Method', definition: 'bool Equals(System.Object obj)' },
  { name: 'GetHashCode', memberType: 'Method', definition: 'int GetHashCode()' },
  { name: 'GetType', memberType: 'Method', definition: 'type GetType()' },
  { name: 'ToString', memberType: 'Method', definition: 'string ToString()' },
];

const METHODS: Record<string, string[]> = {
  'System.String': [
    'Clone|System.Object Clone(), System.Object ICloneable.Clone()',
    'CompareTo|int CompareTo(System.Object value), int CompareTo(string strB)',
    'Contains|bool Contains(string value)',
    'EndsWith|bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType)',
    'Equals|bool Equals(System.Object obj), bool Equals(string value)',
    'GetHashCode|int GetHashCode()',
    'GetType|type GetType()',
    'IndexOf|int IndexOf(char value), int IndexOf(string value), int IndexOf(string value, int startIndex)',
    'IndexOfAny|int IndexOfAny(char[] anyOf)',
    'Insert|string Insert(int startIndex, string value)',
    'LastIndexOf|int LastIndexOf(char value), int LastIndexOf(string value)',
    'PadLeft|string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)',
    'PadRight|string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)',
    'Remove|string Remove(int startIndex, int count), string Remove(int startIndex)',
    'Replace|string Replace(char oldChar, char newChar), string Replace(string oldValue, string newValue)',
    'Split|string[] Split(Params char[] separator), string[] Split(char[] separator, int count)',
    'StartsWith|bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType)',
    'Substring|string Substring(int startIndex), string Substring(int startIndex, int length)',
    'ToCharArray|char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)',
    'ToLower|string ToLower(), string ToLower(cultureinfo culture)',
    'ToString|string ToString(), string ToString(System.IFormatProvider provider)',
    'ToUpper|string ToUpper(), string ToUpper(cultureinfo culture)',
    'Trim|string Trim(Params char[] trimChars), string Trim()',
    'TrimEnd|string TrimEnd(Params char[] trimChars)',
    'TrimStart|string TrimStart(Params char[] trimChars)',
  ],
  'System.Int32': [
    'CompareTo|int CompareTo(System.Object value), int CompareTo(int value)',
    'Equals|bool Equals(System.Object obj), bool Equals(int obj)',
    'GetHashCode|int GetHashCode()',
    'GetType|type GetType()',
    'GetTypeCode|System.TypeCode GetTypeCode()',
    'ToString|string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider)',
  ],
  'System.DateTime': [
    'Add|datetime Add(timespan value)',
    'AddDays|datetime AddDays(double value)',
    'AddHours|datetime AddHours(double value)',
    'AddMinutes|datetime AddMinutes(double value)',
    'AddMonths|datetime AddMonths(int months)',
    'AddSeconds|datetime AddSeconds(double value)',
    'AddYears|datetime AddYears(int value)',
    'CompareTo|int CompareTo(System.Object value), int CompareTo(datetime value)',
    'Equals|bool Equals(System.Object value), bool Equals(datetime value)',
    'GetHashCode|int GetHashCode()',
    'GetType|type GetType()',
    'Subtract|timespan Subtract(datetime value), datetime Subtract(timespan value)',
    'ToLocalTime|datetime ToLocalTime()',
    'ToLongDateString|string ToLongDateString()',
    'ToShortDateString|string ToShortDateString()',
    'ToString|string ToString(), string ToString(string format)',
    'ToUniversalTime|datetime ToUniversalTime()',
  ],
  'System.Object[]': [
    'Clone|System.Object Clone(), System.Object ICloneable.Clone()',
    'Contains|bool IList.Contains(System.Object value)',
    'CopyTo|void CopyTo(array array, int index)',
    'Equals|bool Equals(System.Object obj)',
    'GetHashCode|int GetHashCode()',
    'GetType|type GetType()',
    'IndexOf|int IList.IndexOf(System.Object value)',
    'ToString|string ToString()',
  ],
  'System.Collections.Hashtable': [
    'Add|void Add(System.Object key, System.Object value)',
    'Clear|void Clear()',
    'Clone|System.Object Clone()',
    'Contains|bool Contains(System.Object key)',
    'ContainsKey|bool ContainsKey(System.Object key)',
    'ContainsValue|bool ContainsValue(System.Object value)',
    'Equals|bool Equals(System.Object obj)',
    'GetEnumerator|System.Collections.IDictionaryEnumerator GetEnumerator()',
    'GetHashCode|int GetHashCode()',
    'GetType|type GetType()',
    'Remove|void Remove(System.Object key)',
    'ToString|string ToString()',
  ],
};
METHODS['System.Int64'] = METHODS['System.Int32'].map((m) => m.replace(/\bint (obj|value)\)/g, 'long $1)'));
METHODS['System.Double'] = METHODS['System.Int32'].map((m) => m.replace(/\bint (obj|value)\)/g, 'double $1)'));

function noteDefinition(name: string, value: unknown): string {
  const type = value === null || value === undefined ? 'object' : definitionTypeName(valueTypeName(value));
  const text = value === null || value === undefined ? 'null' : toPSString(value);
  return `${type} ${name}=${text}`;
}

function psObjectMembers(obj: PSObject): MemberInfo[] {
  if (obj.baseObject !== undefined && obj.propertyNames().length === 0) return baseMembers(obj.baseObject);
  const custom = obj.typeNames.includes('System.Management.Automation.PSCustomObject') || obj.typeNames[0].startsWith('Selected.');
  const members: MemberInfo[] = [];
  for (const p of obj.properties()) {
    switch (p.kind) {
      case 'alias':
        members.push({ name: p.name, memberType: 'AliasProperty', definition: `${p.name} = ${p.referencedName}` });
        break;
      case 'script':
        members.push({ name: p.name, memberType: 'ScriptProperty', definition: `System.Object ${p.name} {get=${scriptText(p.get)};${p.set ? `set=${scriptText(p.set)};` : ''}}` });
        break;
      case 'code': {
        const v = safeGet(obj, p.name);
        members.push({ name: p.name, memberType: 'Property', definition: `${definitionTypeName(p.typeName ?? valueTypeName(v))} ${p.name} {get;}` });
        break;
      }
      default: {
        const v = p.value;
        if (custom || addedMembers.has(p) || p.name.startsWith('PS')) members.push({ name: p.name, memberType: 'NoteProperty', definition: noteDefinition(p.name, v) });
        else members.push({ name: p.name, memberType: 'Property', definition: `${definitionTypeName(p.typeName ?? valueTypeName(v))} ${p.name} {get;set;}` });
      }
    }
  }
  const methods = obj.methodDefinitions();
  for (const m of methods) {
    const scripted = (m as { script?: unknown }).script !== undefined;
    members.push({ name: m.name, memberType: scripted ? 'ScriptMethod' : 'Method', definition: m.definition ?? `System.Object ${m.name}()` });
  }
  for (const m of OBJECT_METHODS) if (!methods.some((x) => x.name.toLowerCase() === m.name.toLowerCase())) members.push(m);
  return members;
}

function scriptText(fn: unknown): string {
  const source = (fn as { source?: unknown })?.source;
  return source !== undefined ? toPSString(source) : '';
}

function safeGet(obj: PSObject, name: string): unknown {
  try {
    return obj.getProperty(name);
  } catch {
    return undefined;
  }
}

function baseMembers(value: unknown): MemberInfo[] {
  const typeName = valueTypeName(value);
  const members: MemberInfo[] = [];
  const methods = METHODS[typeName] ?? OBJECT_METHODS.map((m) => `${m.name}|${m.definition}`);
  for (const m of methods) {
    const [name, definition] = m.split('|');
    members.push({ name, memberType: 'Method', definition });
  }
  if (value instanceof PSHashtable) {
    members.push({ name: 'Item', memberType: 'ParameterizedProperty', definition: 'System.Object Item(System.Object key) {get;set;}' });
  }
  for (const p of adaptedPropertyTable(value) ?? []) {
    members.push({ name: p.name, memberType: 'Property', definition: `${definitionTypeName(p.typeName)} ${p.name} {get;${p.set ? 'set;' : ''}}` });
  }
  return members;
}

/** Instance members of a value, sorted as Get-Member sorts them (member type, then name). */
export function instanceMembers(value: unknown): MemberInfo[] {
  const members = value instanceof PSObject ? psObjectMembers(value) : baseMembers(value);
  return members.sort((a, b) => a.memberType.localeCompare(b.memberType, 'en') || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** Static members of a type (`Get-Member -Static`). */
export function staticMembers(type: PSType): MemberInfo[] {
  const out: MemberInfo[] = [];
  for (const name of Object.keys(type.staticMethods ?? {})) out.push({ name, memberType: 'Method', definition: `static ${name}(...)` });
  for (const name of Object.keys(type.staticMembers ?? {})) {
    let v: unknown;
    try {
      v = type.staticMembers![name]();
    } catch {
      v = undefined;
    }
    out.push({ name, memberType: 'Property', definition: `static ${definitionTypeName(valueTypeName(v))} ${name} {get;}` });
  }
  return out.sort((a, b) => a.memberType.localeCompare(b.memberType, 'en') || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

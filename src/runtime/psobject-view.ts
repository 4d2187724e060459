// `.psobject` and `.pstypenames`: the PSObject view of any value, its property list
// (`.psobject.Properties`, also what Get-Member and Format-List * enumerate) and type-name hierarchy.
import type { PSType } from './dotnet-type.ts';
import { markMutable } from './dotnet-values.ts';
import { adapterFor } from './member-adapters.ts';
import { NamedCollection } from './named-collection.ts';
import { adaptedPropertyTable } from './scalar-properties.ts';
import { toPSString } from './to-string.ts';
import { typeByFullName, typeOf } from './types.ts';
import { AutomationNull, PSObject } from './values.ts';
import type { PSPropertyDefinition } from './values.ts';
import { wildcardMatch } from './wildcard.ts';
import { RuntimeError } from './runtime-error.ts';

export type MemberType = 'NoteProperty' | 'ScriptProperty' | 'AliasProperty' | 'CodeProperty' | 'Property';

/** One property of a value, as `.psobject.Properties` and Get-Member list it. */
export interface PropertyListing {
  name: string;
  memberType: MemberType;
  typeName: string;
  settable: boolean;
  get(): unknown;
  set?(value: unknown): void;
}

const MEMBER_TYPES: Record<PSPropertyDefinition['kind'], MemberType> = {
  note: 'NoteProperty',
  script: 'ScriptProperty',
  alias: 'AliasProperty',
  code: 'CodeProperty',
};

/** The type names of a type and its bases (`System.Int32`, `System.ValueType`, `System.Object`). */
export function typeHierarchy(type: PSType): string[] {
  const names = [type.fullName];
  let base = type.fullName === 'System.Object' ? undefined : type.baseTypeName ?? 'System.Object';
  while (base && !names.includes(base)) {
    names.push(base);
    base = base === 'System.Object' ? undefined : typeByFullName(base)?.baseTypeName ?? 'System.Object';
  }
  return names;
}

/** `$x.pstypenames`: the live list of a PSObject (Insert/Add work), or the .NET hierarchy of a value. */
export function typeNamesOf(value: unknown): string[] {
  if (value instanceof PSObject) {
    // A wrapper created without its own type names reports its base object's.
    const defaulted = value.typeNames.length === 0 || value.typeNames[0] === 'System.Management.Automation.PSCustomObject';
    return value.baseObject !== undefined && defaulted ? markMutable(typeHierarchy(typeOf(value.baseObject))) : markMutable(value.typeNames);
  }
  return markMutable(typeHierarchy(typeOf(value)));
}

/** All properties of a value, in order: a PSObject's own, then its base object's adapted .NET properties. */
export function listProperties(value: unknown): PropertyListing[] {
  const v = value === AutomationNull || value === undefined ? null : value;
  if (v === null) return [];
  if (v instanceof PSObject) {
    const own: PropertyListing[] = v.properties().map((def) => ({
      name: def.name,
      memberType: MEMBER_TYPES[def.kind],
      typeName: def.typeName ?? typeOf(v.getProperty(def.name)).fullName,
      settable: def.kind === 'note' || def.set !== undefined || def.kind === 'alias',
      get: () => v.getProperty(def.name),
      set: (x: unknown) => v.setProperty(def.name, x),
    }));
    if (v.baseObject === undefined) return own;
    const names = new Set(own.map((p) => p.name.toLowerCase()));
    return [...own, ...listProperties(v.baseObject).filter((p) => !names.has(p.name.toLowerCase()))];
  }
  const adapter = adapterFor(v);
  if (adapter?.properties) {
    return adapter.properties(v).map((p) => ({
      name: p.name,
      memberType: 'Property' as const,
      typeName: p.typeName ?? typeOf(p.value).fullName,
      settable: false,
      get: () => p.value,
    }));
  }
  return (adaptedPropertyTable(v) ?? []).map((entry) => ({
    name: entry.name,
    memberType: 'Property' as const,
    typeName: entry.typeName,
    settable: entry.set !== undefined,
    get: () => entry.get(v),
    set: entry.set ? (x: unknown) => entry.set!(v, x) : undefined,
  }));
}

function propertyInfo(p: PropertyListing): PSObject {
  const kind = p.memberType === 'Property' ? 'PSProperty' : `PS${p.memberType}`;
  const info = new PSObject([
    `System.Management.Automation.${kind}`,
    'System.Management.Automation.PSPropertyInfo',
    'System.Management.Automation.PSMemberInfo',
    'System.Object',
  ]);
  info.setProperty('Name', p.name);
  info.setProperty('MemberType', p.memberType);
  info.defineProperty({
    name: 'Value',
    kind: 'code',
    get: () => p.get(),
    set: (_self, x) => {
      if (!p.set) throw new RuntimeError(`Set accessor for property "${p.name}" is unavailable.`, 'SetWithoutSetterFromGetValue', 'System.Management.Automation.SetValueException', 'InvalidOperation');
      p.set(x);
    },
  });
  info.setProperty('TypeNameOfValue', p.typeName);
  info.setProperty('IsSettable', p.settable);
  info.setProperty('IsGettable', true);
  info.setProperty('IsInstance', p.memberType !== 'Property');
  info.defineMethod({ name: 'ToString', invoke: () => `${p.typeName} ${p.name}=${toPSString(p.get())}` });
  return info;
}

/** `.psobject.Properties`: indexable by name, with Match(), Remove() and Add() on PSObjects. */
export function propertyCollection(value: unknown): NamedCollection<PSObject> {
  const infos = listProperties(value).map(propertyInfo);
  return NamedCollection.create(infos, (p) => toPSString(p.getProperty('Name')), 'System.Management.Automation.PSMemberInfoIntegratingCollection`1[[System.Management.Automation.PSPropertyInfo]]', {
    Match: (args) => infos.filter((p) => wildcardMatch(toPSString(p.getProperty('Name')), toPSString(args[0]))),
    Remove: (args) => {
      if (value instanceof PSObject) value.removeProperty(toPSString(args[0]));
      return AutomationNull;
    },
    Add: (args) => {
      const member = args[0];
      if (value instanceof PSObject && member instanceof PSObject) {
        value.setProperty(toPSString(member.getProperty('Name')), member.getProperty('Value'));
      }
      return AutomationNull;
    },
  });
}

/** `$x.psobject`: BaseObject, TypeNames, Properties, Members, Methods, Copy(). */
export function psobjectView(value: unknown): PSObject {
  const view = new PSObject(['System.Management.Automation.PSObject', 'System.Object']);
  const base = value instanceof PSObject ? (value.baseObject ?? value) : value;
  view.defineProperty({ name: 'BaseObject', kind: 'code', get: () => base });
  view.defineProperty({ name: 'ImmediateBaseObject', kind: 'code', get: () => base });
  view.defineProperty({ name: 'TypeNames', kind: 'code', get: () => typeNamesOf(value) });
  view.defineProperty({ name: 'Properties', kind: 'code', get: () => propertyCollection(value) });
  view.defineProperty({ name: 'Members', kind: 'code', get: () => propertyCollection(value) });
  view.defineProperty({
    name: 'Methods',
    kind: 'code',
    get: () =>
      NamedCollection.create(
        (value instanceof PSObject ? value.methodDefinitions().map((m) => m.name) : []).concat(['ToString', 'GetType', 'Equals', 'GetHashCode']).map((name) =>
          PSObject.from([['Name', name], ['MemberType', 'Method']], ['System.Management.Automation.PSMethod', 'System.Object']),
        ),
        (m) => toPSString(m.getProperty('Name')),
        'System.Management.Automation.PSMemberInfoIntegratingCollection`1[[System.Management.Automation.PSMethodInfo]]',
      ),
  });
  view.defineMethod({ name: 'Copy', invoke: () => (value instanceof PSObject ? value.copy() : value) });
  view.defineMethod({ name: 'ToString', invoke: () => toPSString(value) });
  return view;
}

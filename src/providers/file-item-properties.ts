// Item properties on the FileSystem provider (Get-ItemProperty / Set-ItemProperty): selecting
// properties of an item into a custom object with the provider's PS* properties, and setting the
// properties a file system can change here: IsReadOnly (and the ReadOnly attribute) through the write
// permission bits, LastWriteTime and LastAccessTime through the file's times. The other attributes
// (Hidden is a leading dot here) and CreationTime cannot be set on this file system.
import { chmodSync, statSync, utimesSync } from 'node:fs';
import { toBool, convertTo } from '../runtime/conversion.ts';
import { toPSString } from '../runtime/to-string.ts';
import { EnumValue, PSObject, baseValue } from '../runtime/values.ts';
import { wildcardToRegExp } from '../runtime/wildcard.ts';
import { FileAttributes } from './file-items.ts';

const PROVIDER_PROPERTIES = ['PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider'];
export const SETTABLE_FILE_PROPERTIES = ['IsReadOnly', 'Attributes', 'LastWriteTime', 'LastWriteTimeUtc', 'LastAccessTime', 'LastAccessTimeUtc'];

/** The item's properties matching `patterns` (wildcards) with the PS* properties, and the patterns nothing matched. */
export function selectItemProperties(item: PSObject, patterns: readonly string[]): { selection: PSObject; missing: string[] } {
  const selection = new PSObject();
  const missing: string[] = [];
  const names = item.propertyNames().filter((n) => !PROVIDER_PROPERTIES.includes(n) && n !== 'PSIsContainer');
  for (const pattern of patterns) {
    const re = wildcardToRegExp(pattern);
    const hits = names.filter((n) => re.test(n));
    if (hits.length === 0) missing.push(pattern);
    for (const name of hits) if (!selection.hasProperty(name)) selection.setProperty(name, item.getProperty(name));
  }
  for (const name of PROVIDER_PROPERTIES) if (item.hasProperty(name)) selection.setProperty(name, item.getProperty(name));
  return { selection, missing };
}

export class ItemPropertyError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
  ) {
    super(message);
  }
}

function setReadOnly(native: string, readOnly: boolean): void {
  const mode = statSync(native).mode & 0o7777;
  chmodSync(native, readOnly ? mode & ~0o222 : mode | 0o200);
}

function attributeFlags(value: unknown): number {
  const v = baseValue(value);
  if (v instanceof EnumValue || typeof v === 'number') return Number(v instanceof EnumValue ? v.value : v);
  let flags = 0;
  for (const part of toPSString(v).split(',')) {
    const member = FileAttributes.lookup(part.trim());
    if (!member) throw new ItemPropertyError(`Cannot convert value "${toPSString(v)}" to type "System.IO.FileAttributes": "${part.trim()}" is not one of ${FileAttributes.memberNames().join(', ')}.`, 'InvalidCastFromStringToEnum');
    flags |= member.value;
  }
  return flags;
}

function toDate(value: unknown): Date {
  return convertTo(value, 'System.DateTime') as Date;
}

/** Sets one property of an existing file or folder (ItemPropertyError when it cannot be set here). */
export function setFileItemProperty(native: string, psPath: string, name: string, value: unknown): void {
  const key = SETTABLE_FILE_PROPERTIES.find((n) => n.toLowerCase() === name.toLowerCase());
  const stats = statSync(native);
  switch (key) {
    case 'IsReadOnly':
      return setReadOnly(native, toBool(value));
    case 'Attributes': {
      const flags = attributeFlags(value);
      const unsupported = flags & ~(1 | 16 | 32 | 128);
      if (unsupported) {
        throw new ItemPropertyError(`The attributes ${FileAttributes.namesOf(unsupported).join(', ')} cannot be set on '${psPath}' here; only ReadOnly can be set (a name starting with a dot is Hidden).`, 'SetPropertyError');
      }
      return setReadOnly(native, (flags & 1) !== 0);
    }
    case 'LastWriteTime':
    case 'LastWriteTimeUtc':
      return utimesSync(native, stats.atime, toDate(value));
    case 'LastAccessTime':
    case 'LastAccessTimeUtc':
      return utimesSync(native, toDate(value), stats.mtime);
    default:
      throw new ItemPropertyError(
        `The property ${name} cannot be set on '${psPath}'; set one of ${SETTABLE_FILE_PROPERTIES.join(', ')}.`,
        'SetPropertyError',
      );
  }
}

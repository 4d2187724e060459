// The Environment provider (`Env:`): the process's environment variables as DictionaryEntry items
// (the `Name`/`Value` table), the same variables `$env:NAME` reads. One flat container, sorted by name.
import { DICTIONARY_ENTRY_TYPE } from '../format/object-properties.ts';
import { PSObject } from '../runtime/values.ts';
import type { ItemProvider, ProviderItem } from './item-provider.ts';

function entry(name: string, value: string): ProviderItem {
  const item = new PSObject([DICTIONARY_ENTRY_TYPE, 'System.ValueType', 'System.Object']);
  item.defineProperty({ name: 'Name', kind: 'alias', referencedName: 'Key' });
  item.setProperty('Key', name);
  item.setProperty('Value', value);
  return { name, isContainer: false, value: item };
}

/** The variable's real name: the exact one, else a case-insensitive match (Windows names ignore case). */
function realName(name: string): string | undefined {
  if (process.env[name] !== undefined) return name;
  const lower = name.toLowerCase();
  return Object.keys(process.env).find((k) => k.toLowerCase() === lower);
}

export const environmentProvider: ItemProvider = {
  name: 'Environment',
  driveName: 'Env',
  driveDescription: 'Drive containing a view of the environment variables for the process.',
  item(_at, segments) {
    if (segments.length === 0) return { name: '', isContainer: true, value: null };
    if (segments.length > 1) return undefined;
    const name = realName(segments[0]);
    return name === undefined ? undefined : entry(name, process.env[name] ?? '');
  },
  children(_at, segments) {
    if (segments.length > 0) return [];
    return Object.keys(process.env)
      .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
      .map((name) => entry(name, process.env[name] ?? ''));
  },
  removal(_at, segments) {
    const name = realName(segments[0] ?? '') ?? segments[0];
    return { action: 'Remove Item', target: `Item: ${name}`, remove: () => void delete process.env[name] };
  },
};

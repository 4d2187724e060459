// The Environment provider (`Env:`): the session's environment variables (process.env for the shell,
// a copy of its own for a lab remoting session; see Session.env) as DictionaryEntry items (the
// `Name`/`Value` table), the same variables `$env:NAME` reads. One flat container, sorted by name.
import { DICTIONARY_ENTRY_TYPE } from '../format/object-properties.ts';
import { environmentName } from '../runtime/session.ts';
import { PSObject } from '../runtime/values.ts';
import type { ItemProvider, ProviderItem } from './item-provider.ts';

function entry(name: string, value: string): ProviderItem {
  const item = new PSObject([DICTIONARY_ENTRY_TYPE, 'System.ValueType', 'System.Object']);
  item.defineProperty({ name: 'Name', kind: 'alias', referencedName: 'Key' });
  item.setProperty('Key', name);
  item.setProperty('Value', value);
  return { name, isContainer: false, value: item };
}

export const environmentProvider: ItemProvider = {
  name: 'Environment',
  driveName: 'Env',
  driveDescription: 'Drive containing a view of the environment variables for the process.',
  item(at, segments) {
    if (segments.length === 0) return { name: '', isContainer: true, value: null };
    if (segments.length > 1) return undefined;
    const env = at.session.env;
    const name = environmentName(env, segments[0]);
    return name === undefined ? undefined : entry(name, env[name] ?? '');
  },
  children(at, segments) {
    if (segments.length > 0) return [];
    const env = at.session.env;
    return Object.keys(env)
      .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
      .map((name) => entry(name, env[name] ?? ''));
  },
  removal(at, segments) {
    const env = at.session.env;
    const name = environmentName(env, segments[0] ?? '') ?? segments[0];
    return { action: 'Remove Item', target: `Item: ${name}`, remove: () => void delete env[name] };
  },
};

// Views PowerShell ships for .NET types the shell produces: hashtable entries (the `Name`/`Value`
// table, Name 30 wide), TimeSpan (a list of its parts), DateTime (the long date and time) and PathInfo
// (`$PWD`, Get-Location, Resolve-Path: the Path column).
// Importing this module registers them.
import { registerView } from './views.ts';
import { DICTIONARY_ENTRY_TYPE } from './object-properties.ts';
import { formatDate } from '../runtime/date-format.ts';

registerView(DICTIONARY_ENTRY_TYPE, { kind: 'table', columns: [{ label: 'Name', expression: 'Name', width: 30 }, 'Value'] });
registerView(DICTIONARY_ENTRY_TYPE, { kind: 'list', properties: ['Name', 'Value'] });

registerView('System.Management.Automation.PathInfo', { kind: 'table', columns: ['Path'] });

registerView('System.TimeSpan', {
  kind: 'list',
  properties: [
    'Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds', 'Ticks',
    'TotalDays', 'TotalHours', 'TotalMinutes', 'TotalSeconds', 'TotalMilliseconds',
  ],
});
registerView('System.TimeSpan', { kind: 'table', columns: ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'] });

registerView('System.DateTime', {
  kind: 'custom',
  render: (obj) => (obj instanceof Date ? [formatDate(obj, 'F')] : []),
});

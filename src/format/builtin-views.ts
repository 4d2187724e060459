// Views PowerShell ships for .NET types the shell produces: hashtable entries (the `Name`/`Value`
// table, Name 30 wide), TimeSpan (a list of its parts), DateTime (the long date and time), PathInfo
// (`$PWD`, Get-Location, Resolve-Path: the Path column) and CommandInfo (Get-Command's table, also
// for `$MyInvocation.MyCommand`: CommandType, Name (aliases as `gci -> Get-ChildItem`), Version, Source),
// the host ($Host, Get-Host: a list) and CultureInfo (Get-Culture: LCID, Name, DisplayName).
// Importing this module registers them.
import { registerView } from './views.ts';
import { DICTIONARY_ENTRY_TYPE } from './object-properties.ts';
import { formatDate } from '../runtime/date-format.ts';
import { COMMAND_INFO_TYPES } from '../runtime/command-info.ts';
import { CULTURE_INFO_TYPE, HOST_TYPE } from '../runtime/host-object.ts';
import type { PSObject } from '../runtime/values.ts';

registerView(DICTIONARY_ENTRY_TYPE, { kind: 'table', columns: [{ label: 'Name', expression: 'Name', width: 30 }, 'Value'] });
registerView(DICTIONARY_ENTRY_TYPE, { kind: 'list', properties: ['Name', 'Value'] });

registerView('System.Management.Automation.PathInfo', { kind: 'table', columns: ['Path'] });

const commandInfoTable = {
  kind: 'table' as const,
  columns: [
    { label: 'CommandType', expression: 'CommandType', width: 15 },
    { label: 'Name', expression: (o: unknown) => (o as PSObject).getProperty('DisplayName') ?? (o as PSObject).getProperty('Name'), width: 50 },
    { label: 'Version', expression: 'Version', width: 10 },
    { label: 'Source', expression: 'Source' },
  ],
};
for (const t of Object.values(COMMAND_INFO_TYPES)) registerView(t, commandInfoTable);

registerView(CULTURE_INFO_TYPE, {
  kind: 'table',
  columns: [{ label: 'LCID', expression: 'LCID', width: 16 }, { label: 'Name', expression: 'Name', width: 16 }, 'DisplayName'],
});
registerView(HOST_TYPE, {
  kind: 'list',
  properties: ['Name', 'Version', 'InstanceId', 'UI', 'CurrentCulture', 'CurrentUICulture', 'PrivateData', 'DebuggerEnabled', 'IsRunspacePushed', 'Runspace'],
});

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

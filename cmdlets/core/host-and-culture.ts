// New-Guid, Get-Culture and Get-Host: small facts about the session. emsh always runs as the en-US
// culture and as Windows PowerShell 5.1's ConsoleHost, so these are fixed objects.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { registerView } from '../../src/format/views.ts';
import { PSGuid, PSVersion } from '../../src/runtime/dotnet-values.ts';
import { PSHashtable, PSObject } from '../../src/runtime/values.ts';

const CULTURE_INFO = 'System.Globalization.CultureInfo';
const HOST_INFO = 'System.Management.Automation.Internal.Host.InternalHost';

registerView(CULTURE_INFO, {
  kind: 'table',
  columns: [{ label: 'LCID', expression: 'LCID', width: 16 }, { label: 'Name', expression: 'Name', width: 16 }, 'DisplayName'],
});
registerView(HOST_INFO, {
  kind: 'list',
  properties: ['Name', 'Version', 'InstanceId', 'UI', 'CurrentCulture', 'CurrentUICulture', 'PrivateData', 'DebuggerEnabled', 'IsRunspacePushed', 'Runspace'],
});

function cultureInfo(): PSObject {
  const culture = new PSObject([CULTURE_INFO, 'System.Object']);
  culture.setProperty('Parent', 'en');
  culture.setProperty('LCID', 1033);
  culture.setProperty('KeyboardLayoutId', 1033);
  culture.setProperty('Name', 'en-US');
  culture.setProperty('IetfLanguageTag', 'en-US');
  culture.setProperty('DisplayName', 'English (United States)');
  culture.setProperty('NativeName', 'English (United States)');
  culture.setProperty('EnglishName', 'English (United States)');
  culture.setProperty('TwoLetterISOLanguageName', 'en');
  culture.setProperty('ThreeLetterISOLanguageName', 'eng');
  culture.setProperty('ThreeLetterWindowsLanguageName', 'ENU');
  culture.setProperty('IsNeutralCulture', false);
  culture.setProperty('UseUserOverride', true);
  culture.setProperty('IsReadOnly', false);
  culture.defineMethod({ name: 'ToString', invoke: () => 'en-US', definition: 'string ToString()' });
  return culture;
}

/** The host's version is the PowerShell version of $PSVersionTable. */
function psVersion(table: unknown): PSVersion {
  const text = table instanceof PSHashtable ? String(table.get('PSVersion') ?? '') : '';
  return PSVersion.parse(text) ?? new PSVersion(5, 1, 0);
}

/** One InstanceId per session, as the host object keeps its own. */
const instanceIds = new WeakMap<object, PSGuid>();

function labelled(typeName: string): PSObject {
  const o = new PSObject([typeName, 'System.Object']);
  o.defineMethod({ name: 'ToString', invoke: () => typeName, definition: 'string ToString()' });
  return o;
}

export const newGuid = defineCmdlet({
  name: 'New-Guid',
  synopsis: 'Creates a GUID.',
  description: 'Writes a new random GUID (a System.Guid; use its Guid property or ToString() for the text).',
  module: 'Microsoft.PowerShell.Utility',
  commandId: 'Microsoft.PowerShell.Commands.NewGuidCommand',
  outputType: ['System.Guid'],
  parameters: {},
  examples: [
    { title: 'A new GUID as text', code: '(New-Guid).ToString() -match "^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$"', output: 'True' },
  ],
  process(_p, ctx) {
    ctx.write(PSGuid.parse(globalThis.crypto.randomUUID())!, false);
  },
});

export const getCulture = defineCmdlet({
  name: 'Get-Culture',
  synopsis: 'Gets the current culture set in the operating system.',
  description: 'Writes the culture emsh formats and compares with: always en-US (LCID 1033, English (United States)).',
  module: 'Microsoft.PowerShell.Utility',
  commandId: 'Microsoft.PowerShell.Commands.GetCultureCommand',
  outputType: [CULTURE_INFO],
  parameters: {},
  examples: [
    {
      title: 'The current culture',
      code: 'Get-Culture',
      output: 'LCID             Name             DisplayName\n----             ----             -----------\n1033             en-US            English (United States)',
    },
    { title: 'Its two-letter language', code: '(Get-Culture).TwoLetterISOLanguageName', output: 'en' },
  ],
  process(_p, ctx) {
    ctx.write(cultureInfo(), false);
  },
});

export const getHost = defineCmdlet({
  name: 'Get-Host',
  synopsis: 'Gets an object that represents the current host program.',
  description:
    'Writes the host object: Name (ConsoleHost), Version (the Windows PowerShell version emsh follows), InstanceId (one per ' +
    'session), UI, CurrentCulture and CurrentUICulture (en-US).',
  module: 'Microsoft.PowerShell.Utility',
  commandId: 'Microsoft.PowerShell.Commands.GetHostCommand',
  outputType: ['System.Management.Automation.Host.PSHost'],
  parameters: {},
  examples: [
    { title: 'The host name and version', code: '$h = Get-Host\n"$($h.Name) $($h.Version.Major)"', output: 'ConsoleHost 5' },
    { title: 'The same instance for the whole session', code: '(Get-Host).InstanceId -eq (Get-Host).InstanceId', output: 'True' },
  ],
  process(_p, ctx) {
    let id = instanceIds.get(ctx.session);
    if (!id) instanceIds.set(ctx.session, (id = PSGuid.parse(globalThis.crypto.randomUUID())!));
    const host = new PSObject([HOST_INFO, 'System.Management.Automation.Host.PSHost', 'System.Object']);
    host.setProperty('Name', 'ConsoleHost');
    host.setProperty('Version', psVersion(ctx.session.globalScope.get('PSVersionTable')));
    host.setProperty('InstanceId', id);
    host.setProperty('UI', labelled('System.Management.Automation.Internal.Host.InternalHostUserInterface'));
    host.setProperty('CurrentCulture', cultureInfo());
    host.setProperty('CurrentUICulture', cultureInfo());
    host.setProperty('PrivateData', labelled('Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy'));
    host.setProperty('DebuggerEnabled', true);
    host.setProperty('IsRunspacePushed', false);
    host.setProperty('Runspace', labelled('System.Management.Automation.Runspaces.LocalRunspace'));
    host.defineMethod({ name: 'ToString', invoke: () => HOST_INFO, definition: 'string ToString()' });
    ctx.write(host, false);
  },
});

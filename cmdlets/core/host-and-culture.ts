// New-Guid, Get-Culture and Get-Host: small facts about the session. emsh always runs as the en-US
// culture and as Windows PowerShell 5.1's ConsoleHost, so these are fixed objects.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { PSGuid } from '../../src/runtime/dotnet-values.ts';
import { CULTURE_INFO_TYPE, cultureInfo, hostObject } from '../../src/runtime/host-object.ts';

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
  outputType: [CULTURE_INFO_TYPE],
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
    ctx.write(hostObject(ctx.session), false);
  },
});

// The host object ($Host, Get-Host, $PSCmdlet.Host) and the culture (Get-Culture, $Host.CurrentCulture):
// emsh always runs as Windows PowerShell 5.1's ConsoleHost in the en-US culture, so these are fixed
// objects; the host is made once per session (its InstanceId stays the same). Their views are in
// src/format/builtin-views.ts.
import { PSGuid, PSVersion } from './dotnet-values.ts';
import { PSHashtable, PSObject } from './values.ts';
import type { Session } from './session.ts';

export const CULTURE_INFO_TYPE = 'System.Globalization.CultureInfo';
export const HOST_TYPE = 'System.Management.Automation.Internal.Host.InternalHost';

export function cultureInfo(): PSObject {
  const culture = new PSObject([CULTURE_INFO_TYPE, 'System.Object']);
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

function labelled(typeName: string): PSObject {
  const o = new PSObject([typeName, 'System.Object']);
  o.defineMethod({ name: 'ToString', invoke: () => typeName, definition: 'string ToString()' });
  return o;
}

const hosts = new WeakMap<Session, PSObject>();

/** The session's host object, the same instance each time. */
export function hostObject(session: Session): PSObject {
  let host = hosts.get(session);
  if (host) return host;
  host = new PSObject([HOST_TYPE, 'System.Management.Automation.Host.PSHost', 'System.Object']);
  host.setProperty('Name', 'ConsoleHost');
  host.setProperty('Version', psVersion(session.globalScope.get('PSVersionTable')));
  host.setProperty('InstanceId', PSGuid.parse(globalThis.crypto.randomUUID())!);
  host.setProperty('UI', labelled('System.Management.Automation.Internal.Host.InternalHostUserInterface'));
  host.setProperty('CurrentCulture', cultureInfo());
  host.setProperty('CurrentUICulture', cultureInfo());
  host.setProperty('PrivateData', labelled('Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy'));
  host.setProperty('DebuggerEnabled', true);
  host.setProperty('IsRunspacePushed', false);
  host.setProperty('Runspace', labelled('System.Management.Automation.Runspaces.LocalRunspace'));
  host.defineMethod({ name: 'ToString', invoke: () => HOST_TYPE, definition: 'string ToString()' });
  hosts.set(session, host);
  return host;
}

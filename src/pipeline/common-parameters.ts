// Common parameters every cmdlet and advanced function gets, and the ShouldProcess pair.
import { EnumType } from '../runtime/values.ts';
import type { ParameterDeclaration, ParameterDeclarations } from './cmdlet.ts';

export const ActionPreference = new EnumType('System.Management.Automation.ActionPreference', {
  SilentlyContinue: 0,
  Stop: 1,
  Continue: 2,
  Inquire: 3,
  Ignore: 4,
  Suspend: 5,
  Break: 6,
});

export type ActionPreferenceName = 'SilentlyContinue' | 'Stop' | 'Continue' | 'Inquire' | 'Ignore' | 'Suspend' | 'Break';

export const commonParameters: ParameterDeclarations = {
  Verbose: { type: 'switch', aliases: ['vb'], description: 'Displays detailed information about the operation.' },
  Debug: { type: 'switch', aliases: ['db'], description: 'Displays programmer-level detail about the operation.' },
  ErrorAction: { type: ActionPreference, aliases: ['ea'], description: 'How the command responds to a non-terminating error.' },
  WarningAction: { type: ActionPreference, aliases: ['wa'], description: 'How the command responds to a warning.' },
  InformationAction: { type: ActionPreference, aliases: ['infa'], description: 'How the command responds to an information event.' },
  ErrorVariable: { type: 'string', aliases: ['ev'], description: 'Stores errors about the command in the named variable (+name appends).' },
  WarningVariable: { type: 'string', aliases: ['wv'], description: 'Stores warnings about the command in the named variable.' },
  InformationVariable: { type: 'string', aliases: ['iv'], description: 'Stores information records in the named variable.' },
  OutVariable: { type: 'string', aliases: ['ov'], description: 'Stores output objects in the named variable as well as sending them down the pipeline.' },
  OutBuffer: { type: 'int', aliases: ['ob'], description: 'Number of objects to buffer before sending them on.' },
  PipelineVariable: { type: 'string', aliases: ['pv'], description: 'Stores the current pipeline object in the named variable.' },
};

export const shouldProcessParameters: ParameterDeclarations = {
  WhatIf: { type: 'switch', aliases: ['wi'], description: 'Shows what would happen if the command runs. The command is not run.' },
  Confirm: { type: 'switch', aliases: ['cf'], description: 'Prompts you for confirmation before running the command.' },
};

export const commonParameterNames = new Set(
  [...Object.keys(commonParameters), ...Object.keys(shouldProcessParameters)].map((n) => n.toLowerCase()),
);

export function isCommonParameter(name: string): boolean {
  return commonParameterNames.has(name.toLowerCase());
}

export function withCommonParameters(
  params: ParameterDeclarations,
  supportsShouldProcess: boolean,
): [string, ParameterDeclaration][] {
  const all: [string, ParameterDeclaration][] = [...Object.entries(params), ...Object.entries(commonParameters)];
  if (supportsShouldProcess) all.push(...Object.entries(shouldProcessParameters));
  return all;
}

/**
 * The preference variables an advanced function or script gets from its common parameters, as
 * PowerShell sets them in its scope: -Verbose makes $VerbosePreference Continue, -Debug makes
 * $DebugPreference Continue (PowerShell 7's choice; 5.1's Inquire would prompt on every Write-Debug),
 * -ErrorAction/-WarningAction/-InformationAction set their preference to the value given, -WhatIf sets
 * $WhatIfPreference and -Confirm makes $ConfirmPreference Low (-Confirm:$false: None), so that the
 * commands it runs do the same.
 */
export function commonParameterPreferences(bound: ReadonlyMap<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  const flag = (name: string, variable: string) => {
    if (!bound.has(name)) return;
    const on = isPresent(bound.get(name));
    out.push([variable, ActionPreference.value(on ? 2 : 0)]); // Continue : SilentlyContinue
  };
  flag('Verbose', 'VerbosePreference');
  flag('Debug', 'DebugPreference');
  for (const [name, variable] of [
    ['ErrorAction', 'ErrorActionPreference'],
    ['WarningAction', 'WarningPreference'],
    ['InformationAction', 'InformationPreference'],
  ] as const) {
    if (bound.has(name)) out.push([variable, bound.get(name)]);
  }
  if (bound.has('WhatIf')) out.push(['WhatIfPreference', isPresent(bound.get('WhatIf'))]);
  if (bound.has('Confirm')) out.push(['ConfirmPreference', isPresent(bound.get('Confirm')) ? 'Low' : 'None']);
  return out;
}

function isPresent(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const present = (value as { isPresent?: unknown } | null)?.isPresent;
  return typeof present === 'boolean' ? present : Boolean(value);
}

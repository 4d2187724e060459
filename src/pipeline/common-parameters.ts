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

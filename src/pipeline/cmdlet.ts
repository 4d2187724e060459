// One declaration per cmdlet: the binder, Get-Help, Get-Command, tab completion, the generated
// docs and the example tests all read this. `defineCmdlet` infers the bound-parameter types.
import type { EnumType, PSHashtable, SecureString } from '../runtime/values.ts';
import type { ScriptBlock } from '../runtime/scriptblock.ts';
import type { CmdletContext } from './context.ts';

/** Parameter types, by PowerShell name. Arrays end in `[]`. An EnumType gives an enum (or [Flags]) parameter. */
export type ParamTypeName =
  | 'string'
  | 'string[]'
  | 'int'
  | 'int[]'
  | 'long'
  | 'double'
  | 'bool'
  | 'switch'
  | 'object'
  | 'object[]'
  | 'psobject'
  | 'hashtable'
  | 'hashtable[]'
  | 'scriptblock'
  | 'scriptblock[]'
  | 'securestring'
  | 'byte[]'
  | 'datetime'
  | 'timespan'
  | 'char';

export type ParamType = ParamTypeName | EnumType | { enum: EnumType; array: true };

type ValueOf<T> = T extends 'string'
  ? string
  : T extends 'string[]'
    ? string[]
    : T extends 'int' | 'long' | 'double'
      ? number
      : T extends 'int[]'
        ? number[]
        : T extends 'bool' | 'switch'
          ? boolean
          : T extends 'hashtable'
            ? PSHashtable
            : T extends 'hashtable[]'
              ? PSHashtable[]
              : T extends 'scriptblock'
                ? ScriptBlock
                : T extends 'scriptblock[]'
                  ? ScriptBlock[]
                  : T extends 'securestring'
                    ? SecureString
                    : T extends 'byte[]'
                      ? Uint8Array
                      : T extends 'datetime'
                        ? Date
                        : T extends 'char'
                          ? string
                          : T extends 'object[]'
                            ? unknown[]
                            : T extends EnumType
                              ? number
                              : T extends { enum: EnumType; array: true }
                                ? number
                                : unknown;

export interface ParameterDeclaration {
  type: ParamType;
  description: string;
  /** 0-based position when the parameter may be given without its name. */
  position?: number;
  mandatory?: boolean;
  aliases?: string[];
  /** Parameter sets this parameter belongs to; absent means all sets. */
  sets?: string[];
  /** Mandatory only in these sets (overrides `mandatory`). */
  mandatoryInSets?: string[];
  valueFromPipeline?: boolean;
  valueFromPipelineByPropertyName?: boolean;
  valueFromRemainingArguments?: boolean;
  /** ValidateSet: the allowed values (case-insensitive). */
  validateSet?: string[];
  validateRange?: [number, number];
  validateNotNullOrEmpty?: boolean;
  validatePattern?: string;
  /** Converts the bound value further (script parameters typed with any .NET type: `[System.IO.FileInfo]$f`). */
  transform?: (value: unknown) => unknown;
  /** Extra validation: return an error message (the ValidateScript-style failure reason) or undefined. */
  validate?: (value: unknown) => string | undefined;
  allowNull?: boolean;
  allowEmptyString?: boolean;
  /** Shown in help as the default value. */
  defaultDescription?: string;
  helpMessage?: string;
  /** Values offered by tab completion beyond enum/ValidateSet values (e.g. thumbprints from the store). */
  complete?: (session: unknown, wordToComplete: string) => string[] | Promise<string[]>;
}

export type ParameterDeclarations = Record<string, ParameterDeclaration>;

/** The bound parameters of a cmdlet: present when bound, otherwise undefined (switches are false). */
export type BoundParameters<P extends ParameterDeclarations> = {
  [K in keyof P]: P[K]['type'] extends 'switch' ? boolean : ValueOf<P[K]['type']> | undefined;
};

export interface CmdletExample {
  title?: string;
  /** The example's commands, as a user types them. */
  code: string;
  /** What the example shows (help text). */
  remarks?: string;
  /** Commands run first (not shown in help), e.g. to create the objects the example needs. */
  setup?: string;
  /** Expected output, compared exactly (after trimming trailing blank lines) by the example tests. */
  output?: string;
  /** A regular expression the output must match, when the exact output varies (dates, thumbprints). */
  outputMatches?: string;
  /** Needs a state root with an organisation (the Exchange examples). */
  needsState?: boolean;
}

export interface CmdletDeclaration<P extends ParameterDeclarations = ParameterDeclarations> {
  /** Verb-Noun. */
  name: string;
  synopsis: string;
  description: string;
  /** Module shown by Get-Command (e.g. Microsoft.PowerShell.Utility, ExchangeManagement). */
  module: string;
  /** The identifier used in FullyQualifiedErrorId (`<ErrorId>,<commandId>`); defaults to the cmdlet name. */
  commandId?: string;
  parameters: P;
  defaultParameterSet?: string;
  supportsShouldProcess?: boolean;
  confirmImpact?: 'None' | 'Low' | 'Medium' | 'High';
  /** Type names of the objects written (for help and completion of members). */
  outputType?: string[];
  examples: CmdletExample[];
  /** Aliases this cmdlet is known by (`fl`, `?`...). */
  aliases?: string[];
  notes?: string;
  /** Simple functions and scripts: no common parameters (internal). */
  noCommonParameters?: boolean;
  /** Called once before the first input object, with the command-line parameters bound. */
  begin?: (params: BoundParameters<P>, ctx: CmdletContext) => void | Promise<void>;
  /** Called once per input object (or once when there is no pipeline input), with pipeline parameters bound. */
  process?: (params: BoundParameters<P>, ctx: CmdletContext) => void | Promise<void>;
  /** Called once after the last input object. */
  end?: (params: BoundParameters<P>, ctx: CmdletContext) => void | Promise<void>;
}

/** A declared cmdlet, typed for the registry. */
export type Cmdlet = CmdletDeclaration<ParameterDeclarations>;

export function defineCmdlet<const P extends ParameterDeclarations>(declaration: CmdletDeclaration<P>): Cmdlet {
  return declaration as unknown as Cmdlet;
}

/** The type name PowerShell shows for a parameter type (help, binder errors). */
export function parameterTypeDisplayName(type: ParamType): string {
  if (typeof type === 'string') {
    const names: Record<ParamTypeName, string> = {
      string: 'String',
      'string[]': 'String[]',
      int: 'Int32',
      'int[]': 'Int32[]',
      long: 'Int64',
      double: 'Double',
      bool: 'Boolean',
      switch: 'SwitchParameter',
      object: 'Object',
      'object[]': 'Object[]',
      psobject: 'PSObject',
      hashtable: 'Hashtable',
      'hashtable[]': 'Hashtable[]',
      scriptblock: 'ScriptBlock',
      'scriptblock[]': 'ScriptBlock[]',
      securestring: 'SecureString',
      'byte[]': 'Byte[]',
      datetime: 'DateTime',
      timespan: 'TimeSpan',
      char: 'Char',
    };
    return names[type];
  }
  if ('enum' in type) return `${type.enum.shortName}[]`;
  return type.shortName;
}

/** The full .NET type name of a parameter type (for conversion error messages). */
export function parameterTypeFullName(type: ParamType): string {
  if (typeof type === 'string') {
    const short = parameterTypeDisplayName(type);
    if (short === 'SwitchParameter' || short === 'PSObject') return `System.Management.Automation.${short}`;
    if (short === 'ScriptBlock' || short === 'ScriptBlock[]') return `System.Management.Automation.${short}`;
    if (short.startsWith('Hashtable')) return `System.Collections.${short}`;
    if (short === 'SecureString') return 'System.Security.SecureString';
    return `System.${short}`;
  }
  if ('enum' in type) return `${type.enum.fullName}[]`;
  return type.fullName;
}

// Merged parameter metadata of a command (declared + common) and PowerShell's name matching:
// case-insensitive exact match, then unique prefix over names and aliases, declared beating common.
import type { Cmdlet, ParameterDeclaration } from './cmdlet.ts';
import { isCommonParameter, withCommonParameters } from './common-parameters.ts';
import { BindingError } from './binding-error.ts';

export interface ParameterInfo {
  name: string;
  decl: ParameterDeclaration;
  common: boolean;
  /** Sets this parameter belongs to; undefined means every set. */
  sets?: Set<string>;
}

export class CommandParameters {
  readonly list: ParameterInfo[];
  private readonly byName = new Map<string, ParameterInfo>();
  /** All named parameter sets, including the default. */
  readonly setNames: string[];
  /** An object with every parameter name as a property (built in one go, so V8 keeps it fast), to copy. */
  readonly valuesTemplate: Readonly<Record<string, undefined>>;

  constructor(
    readonly cmdlet: Cmdlet,
    readonly commandId: string,
  ) {
    const declared = cmdlet.noCommonParameters ? Object.entries(cmdlet.parameters) : withCommonParameters(cmdlet.parameters, !!cmdlet.supportsShouldProcess);
    this.list = declared.map(([name, decl]) => ({
      name,
      decl,
      common: isCommonParameter(name),
      sets: decl.sets ? new Set(decl.sets) : undefined,
    }));
    for (const p of this.list) this.byName.set(p.name.toLowerCase(), p);
    const sets = new Set<string>();
    if (cmdlet.defaultParameterSet) sets.add(cmdlet.defaultParameterSet);
    for (const p of this.list) for (const s of p.decl.sets ?? []) sets.add(s);
    this.setNames = sets.size ? [...sets] : ['__AllParameterSets'];
    this.valuesTemplate = Object.fromEntries(this.list.map((p) => [p.name, undefined]));
  }

  get(name: string): ParameterInfo | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** GetMatchingParameter: exact name or alias, else unique prefix; errors as PowerShell's. */
  match(written: string): ParameterInfo | undefined {
    const name = written.toLowerCase();
    const exact = this.list.find(
      (p) => p.name.toLowerCase() === name || (p.decl.aliases ?? []).some((a) => a.toLowerCase() === name),
    );
    if (exact) return exact;
    let hits = this.list.filter(
      (p) => p.name.toLowerCase().startsWith(name) || (p.decl.aliases ?? []).some((a) => a.toLowerCase().startsWith(name)),
    );
    if (hits.length > 1) {
      const declared = hits.filter((p) => !p.common);
      if (declared.length >= 1) hits = declared;
    }
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) {
      throw new BindingError(
        'AmbiguousParameter',
        `Parameter cannot be processed because the parameter name '${written}' is ambiguous. Possible matches include:${hits.map((h) => ` -${h.name}`).join('')}.`,
        { parameterName: written },
      );
    }
    return undefined;
  }

  inSet(p: ParameterInfo, set: string): boolean {
    return !p.sets || p.sets.has(set);
  }

  isMandatoryIn(p: ParameterInfo, set: string): boolean {
    if (!this.inSet(p, set)) return false;
    if (p.decl.mandatoryInSets) return p.decl.mandatoryInSets.includes(set);
    return !!p.decl.mandatory;
  }
}

// Dynamic scopes: global → script → function/script-block scopes. Lookups walk to the parent;
// assignments write to the local scope unless qualified (`$script:x`, `$global:x`, `$private:x`).
import { ErrorRecord, PSException } from './errors.ts';

export type VariableOption = 'ReadOnly' | 'Constant' | 'Private' | 'AllScope';

export interface Variable {
  name: string;
  value: unknown;
  options: Set<VariableOption>;
  description?: string;
  /** A type constraint (`[int]$x = 1`): later assignments are converted. */
  convert?: (value: unknown) => unknown;
  /** Validation attributes on a parameter variable. */
  validate?: (value: unknown) => void;
}

export interface FunctionDefinition {
  name: string;
  /** A ScriptBlock (src/runtime/scriptblock.ts); kept opaque here to avoid an import cycle. */
  scriptBlock: unknown;
  isFilter: boolean;
  options: Set<VariableOption>;
}

let nextScopeId = 1;

/**
 * Bumped whenever any scope gains, loses or replaces a variable (or a variable's options change), so
 * compiled variable reads can keep the Variable they resolved for a scope until something could have
 * shadowed or removed it (see evaluator/variables.ts).
 */
export const variableLayout = { version: 0 };

/** A scope's variables: a Map that reports changes of its layout. */
class VariableTable extends Map<string, Variable> {
  override set(key: string, value: Variable): this {
    if (super.get(key) !== value) variableLayout.version++;
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    const had = super.delete(key);
    if (had) variableLayout.version++;
    return had;
  }

  override clear(): void {
    variableLayout.version++;
    super.clear();
  }
}

export class Scope {
  readonly id = nextScopeId++;
  readonly vars: Map<string, Variable> = new VariableTable();
  readonly functions = new Map<string, FunctionDefinition>();
  readonly aliases = new Map<string, string>();

  constructor(
    public readonly parent: Scope | undefined,
    /** A script scope (a script file, or the global scope) is the target of `$script:`. */
    public readonly isScriptScope = false,
  ) {}

  get global(): Scope {
    let s: Scope = this;
    while (s.parent) s = s.parent;
    return s;
  }

  get script(): Scope {
    let s: Scope = this;
    while (!s.isScriptScope && s.parent) s = s.parent;
    return s;
  }

  /** Finds a variable, honouring `private` (visible only in the scope that declared it). */
  lookup(name: string): Variable | undefined {
    return this.lookupKey(name.toLowerCase());
  }

  /** lookup() for a name already lower-cased (the evaluator lower-cases once, when it compiles). */
  lookupKey(key: string): Variable | undefined {
    let s: Scope | undefined = this;
    while (s) {
      const v = s.vars.get(key);
      if (v && (s === this || !v.options.has('Private'))) return v;
      s = s.parent;
    }
    return undefined;
  }

  get(name: string): unknown {
    return this.lookup(name)?.value;
  }

  /** Sets a variable in this scope (creating it here), respecting constraints of an existing local one. */
  setLocal(name: string, value: unknown, options?: VariableOption[]): Variable {
    const key = name.toLowerCase();
    const existing = this.vars.get(key);
    if (existing) {
      assertWritable(existing);
      existing.value = existing.convert ? existing.convert(value) : value;
      existing.validate?.(existing.value);
      if (options) {
        for (const o of options) existing.options.add(o);
        variableLayout.version++; // `private` changes what lookups from child scopes see
      }
      return existing;
    }
    const v: Variable = { name, value, options: new Set(options ?? []) };
    this.vars.set(key, v);
    return v;
  }

  /**
   * Assignment without a scope qualifier: PowerShell creates or updates the variable in the
   * current scope, except that a type-constrained or AllScope variable visible from a parent keeps its rules.
   */
  assign(name: string, value: unknown, key = name.toLowerCase()): void {
    const local = this.vars.get(key);
    if (local) {
      // A plain local (no options, type constraint or validation) is just overwritten: the loop-variable case.
      if (local.options.size === 0 && !local.convert && !local.validate) local.value = value;
      else this.setLocal(name, value);
      return;
    }
    const visible = this.lookupKey(key);
    if (visible?.options.has('AllScope')) {
      assertWritable(visible);
      visible.value = visible.convert ? visible.convert(value) : value;
      return;
    }
    if (visible && (visible.options.has('Constant') || visible.options.has('ReadOnly')) && isAutomaticConstant(key)) {
      assertWritable(visible);
    }
    this.setLocal(name, value);
  }

  remove(name: string): boolean {
    const key = name.toLowerCase();
    let s: Scope | undefined = this;
    while (s) {
      const v = s.vars.get(key);
      if (v) {
        if (v.options.has('Constant')) {
          throw unauthorized(
            `Cannot remove variable ${v.name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.`,
            'VariableNotRemovable',
            v.name,
          );
        }
        s.vars.delete(key);
        return true;
      }
      s = s.parent;
    }
    return false;
  }

  /** All variables visible from here, nearest first (for Get-Variable). */
  visibleVariables(): Variable[] {
    const seen = new Map<string, Variable>();
    let s: Scope | undefined = this;
    while (s) {
      for (const [k, v] of s.vars) if (!seen.has(k) && (s === this || !v.options.has('Private'))) seen.set(k, v);
      s = s.parent;
    }
    return [...seen.values()];
  }

  lookupFunction(name: string): FunctionDefinition | undefined {
    const key = name.toLowerCase();
    let s: Scope | undefined = this;
    while (s) {
      const f = s.functions.get(key);
      if (f) return f;
      s = s.parent;
    }
    return undefined;
  }

  lookupAlias(name: string): string | undefined {
    const key = name.toLowerCase();
    let s: Scope | undefined = this;
    while (s) {
      const a = s.aliases.get(key);
      if (a) return a;
      s = s.parent;
    }
    return undefined;
  }

  /** Resolves `global`, `script`, `local`, `private` to a scope. */
  byQualifier(qualifier: string): Scope | undefined {
    switch (qualifier) {
      case 'global':
        return this.global;
      case 'script':
        return this.script;
      case 'local':
      case 'private':
        return this;
      default:
        return undefined;
    }
  }
}

const automaticConstants = new Set(['true', 'false', 'null']);
function isAutomaticConstant(key: string): boolean {
  return automaticConstants.has(key);
}

function assertWritable(v: Variable): void {
  if (v.options.has('Constant') || v.options.has('ReadOnly')) {
    throw unauthorized(`Cannot overwrite variable ${v.name} because it is read-only or constant.`, 'VariableNotWritable', v.name);
  }
}

/** The error 5.1 writes for a write to a constant or read-only variable: `WriteError: (true:String) [], SessionStateUnauthorizedAccessException`. */
function unauthorized(message: string, errorId: string, name: string): PSException {
  const exception = new PSException(message, 'System.Management.Automation.SessionStateUnauthorizedAccessException');
  new ErrorRecord({ exception, errorId, category: 'WriteError', targetObject: name });
  return exception;
}

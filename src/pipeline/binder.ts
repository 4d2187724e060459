// The parameter binder: PowerShell's algorithm (reference/powershell.md §2) for one command invocation.
// Command line: named → positional (without, then with coercion; default set first) → remaining arguments;
// then parameter-set resolution and the mandatory check; then, per pipeline object: ValueFromPipeline and
// ValueFromPipelineByPropertyName, each first without and then with coercion.
import type { Span } from '../../grammar/ast.ts';
import { PSException } from '../runtime/errors.ts';
import { toPSString } from '../runtime/to-string.ts';
import { AutomationNull, PSObject, SecureString } from '../runtime/values.ts';
import { parameterTypeFullName, type ParamType, type ParameterDeclaration } from './cmdlet.ts';
import { BindingError } from './binding-error.ts';
import { coerceToParameterType, isOfParameterType } from './coerce.ts';
import type { CommandParameters, ParameterInfo } from './parameter-metadata.ts';
import { validateArgument } from './validation.ts';

export type CommandArgument =
  | { kind: 'parameter'; name: string; value?: unknown; usedColon: boolean; span?: Span; fromSplat?: boolean }
  | { kind: 'positional'; value: unknown; span?: Span; fromSplat?: boolean };

export interface BinderOptions {
  /** Simple functions and scripts: unknown and leftover arguments go to `$args` instead of failing. */
  collectRemainingIntoArgs?: boolean;
  /** Script-declared parameters report conversion failures as argument transformation errors. */
  scriptParameters?: boolean;
}

export class ParameterBinder {
  /** Canonical name → value. */
  readonly bound = new Map<string, unknown>();
  /** Parameters bound from the current pipeline object (restored before the next one). */
  private readonly pipelineBound = new Set<string>();
  /** Parameter sets still possible; undefined while every set is. */
  private validSets: Set<string> | undefined;
  private pipelineValidSets: Set<string> | undefined;
  private takesInput: boolean | undefined;
  private pipelineMandatory: boolean | undefined;
  private pipelineCandidates: ParameterInfo[] | undefined;
  /**
   * Set once the first object has shown that binding is one store: a single by-value parameter that takes
   * any object unchanged and validates nothing (the InputObject of ForEach-Object, Where-Object...).
   */
  passThroughName: string | undefined;
  /** Arguments for `$args` (simple functions). */
  readonly extraArgs: unknown[] = [];

  constructor(
    readonly params: CommandParameters,
    private readonly options: BinderOptions = {},
  ) {}

  get commandName(): string {
    return this.params.cmdlet.name;
  }

  isBound(name: string): boolean {
    const p = this.params.get(name);
    return !!p && this.bound.has(p.name);
  }

  // ---------------------------------------------------------------- command line

  bindCommandLine(args: CommandArgument[]): void {
    // Splatted hashtable entries go last so explicit arguments win (InitUnboundArguments).
    const ordered = [...args.filter((a) => !(a.kind === 'parameter' && a.fromSplat)), ...args.filter((a) => a.kind === 'parameter' && a.fromSplat)].map(nothingAsNullArgument);
    const positional: { value: unknown; span?: Span }[] = [];
    const splatNamesSeen = new Set<string>();
    for (let i = 0; i < ordered.length; i++) {
      const arg = ordered[i];
      if (arg.kind === 'positional') {
        positional.push(arg);
        continue;
      }
      if (arg.name === '-' && !arg.usedColon) continue; // `--` ends parameters; the parser already made the rest plain
      const info = this.params.match(arg.name);
      if (!info) {
        if (this.options.collectRemainingIntoArgs) {
          this.extraArgs.push(arg.usedColon ? `-${arg.name}:` : `-${arg.name}`);
          if (arg.usedColon) this.extraArgs.push(arg.value);
          continue;
        }
        throw new BindingError('NamedParameterNotFound', `A parameter cannot be found that matches parameter name '${arg.name}'.`, {
          parameterName: arg.name,
          span: arg.span,
        });
      }
      if (arg.fromSplat && this.bound.has(info.name) && !splatNamesSeen.has(info.name)) continue; // explicit wins
      let value: unknown;
      let valueSpan = arg.span;
      if (arg.usedColon || arg.fromSplat) {
        value = arg.value;
      } else if (info.decl.type === 'switch') {
        value = true;
      } else {
        const next = ordered[i + 1];
        if (!next || next.kind !== 'positional') {
          throw new BindingError(
            'MissingArgument',
            `Missing an argument for parameter '${info.name}'. Specify a parameter of type '${parameterTypeFullName(info.decl.type)}' and try again.`,
            { parameterName: info.name, span: arg.span },
          );
        }
        value = next.value;
        valueSpan = next.span ?? arg.span; // PowerShell points a conversion error at the argument
        i++;
      }
      if (arg.fromSplat) splatNamesSeen.add(info.name);
      if (this.bound.has(info.name)) {
        throw new BindingError(
          'ParameterAlreadyBound',
          `Cannot bind parameter because parameter '${info.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
          { parameterName: info.name, span: arg.span },
        );
      }
      this.bindValue(info, value, true, valueSpan);
      this.narrowSets(info);
    }
    this.bindPositional(positional);
  }

  private bindPositional(positional: { value: unknown; span?: Span }[]): void {
    const remaining: { value: unknown; span?: Span }[] = [];
    for (const arg of positional) {
      const candidates = this.positionalCandidates();
      if (candidates.length === 0) {
        remaining.push(arg);
        continue;
      }
      const ok = this.tryBindPositional(candidates, arg);
      if (!ok) remaining.push(arg);
    }
    if (remaining.length === 0) return;
    const rest = this.params.list.find((p) => p.decl.valueFromRemainingArguments && !this.bound.has(p.name) && this.setOk(p));
    if (rest) {
      // One leftover argument binds as itself (Write-Host 'a','b' keeps its array), several as a list.
      const value = remaining.length === 1 && rest.decl.position !== undefined ? remaining[0].value : remaining.map((r) => r.value);
      this.bindValue(rest, value, true, remaining[0].span);
      this.narrowSets(rest);
      return;
    }
    if (this.options.collectRemainingIntoArgs) {
      this.extraArgs.push(...remaining.map((r) => r.value));
      return;
    }
    const first = remaining[0];
    throw new BindingError(
      'PositionalParameterNotFound',
      `A positional parameter cannot be found that accepts argument '${argumentText(first.value)}'.`,
      { span: first.span, parameterName: argumentText(first.value) },
    );
  }

  /** Unbound positional parameters at the lowest remaining position, default set first. */
  private positionalCandidates(): ParameterInfo[] {
    // A ValueFromRemainingArguments parameter takes every leftover argument at the end, not just one here.
    const open = this.params.list.filter(
      (p) => p.decl.position !== undefined && !p.decl.valueFromRemainingArguments && !this.bound.has(p.name) && this.setOk(p),
    );
    if (open.length === 0) return [];
    const min = Math.min(...open.map((p) => p.decl.position!));
    const atMin = open.filter((p) => p.decl.position === min);
    const def = this.params.cmdlet.defaultParameterSet;
    return atMin.sort((a, b) => Number(!!def && !this.params.inSet(a, def)) - Number(!!def && !this.params.inSet(b, def)));
  }

  private tryBindPositional(candidates: ParameterInfo[], arg: { value: unknown; span?: Span }): boolean {
    for (const p of candidates) {
      if (isOfParameterType(arg.value, p.decl.type)) {
        this.bindValue(p, arg.value, true, arg.span);
        this.narrowSets(p);
        return true;
      }
    }
    let lastError: unknown;
    for (const p of candidates) {
      try {
        this.bindValue(p, arg.value, true, arg.span);
        this.narrowSets(p);
        return true;
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError;
  }

  // ---------------------------------------------------------------- sets and mandatory parameters

  private setOk(p: ParameterInfo, sets = this.pipelineValidSets ?? this.validSets): boolean {
    if (!p.sets || !sets) return true;
    for (const s of p.sets) if (sets.has(s)) return true;
    return false;
  }

  private narrowSets(p: ParameterInfo, forPipeline = false): void {
    if (!p.sets) return;
    const current = forPipeline ? (this.pipelineValidSets ?? this.validSets) : this.validSets;
    const next = new Set([...p.sets].filter((s) => !current || current.has(s)));
    if (forPipeline) this.pipelineValidSets = next;
    else this.validSets = next;
  }

  /** Picks the parameter set (AmbiguousParameterSet when it cannot). */
  resolveParameterSet(expectingInput: boolean): string {
    const all = this.params.setNames;
    let sets = (this.pipelineValidSets ?? this.validSets) ? [...(this.pipelineValidSets ?? this.validSets)!] : all;
    if (sets.length === 0) throw ambiguousSet();
    if (sets.length === 1) return sets[0];
    const def = this.params.cmdlet.defaultParameterSet;
    const satisfied = sets.filter((s) => this.missingMandatory(s, expectingInput).length === 0);
    if (def && sets.includes(def) && (satisfied.includes(def) || satisfied.length === 0)) return def;
    if (satisfied.length === 1) return satisfied[0];
    if (def && sets.includes(def)) return def;
    if (expectingInput) return satisfied[0] ?? sets[0];
    if (satisfied.length === 0 && sets.length > 0) return sets[0];
    throw ambiguousSet();
  }

  /** Mandatory parameters of the set still unbound (those fed by the pipeline are excused while input is expected). */
  missingMandatory(set: string, expectingInput: boolean): ParameterInfo[] {
    return this.params.list.filter(
      (p) =>
        this.params.isMandatoryIn(p, set) &&
        !this.bound.has(p.name) &&
        !(expectingInput && (p.decl.valueFromPipeline || p.decl.valueFromPipelineByPropertyName)),
    );
  }

  /** Binds a prompted value for a missing mandatory parameter. */
  bindPrompted(p: ParameterInfo, value: unknown): void {
    this.bindValue(p, value, true);
  }

  // ---------------------------------------------------------------- pipeline objects

  /** True when some parameter of the valid sets takes pipeline input. */
  takesPipelineInput(): boolean {
    this.takesInput ??= this.params.list.some(
      (p) => (p.decl.valueFromPipeline || p.decl.valueFromPipelineByPropertyName) && this.setOk(p, this.validSets),
    );
    return this.takesInput;
  }

  /** True when a mandatory parameter is left for the pipeline to fill (checked per object). */
  hasPipelineMandatory(): boolean {
    this.pipelineMandatory ??= this.params.list.some(
      (p) => (p.decl.mandatory || p.decl.mandatoryInSets) && !(this.bound.has(p.name) && !this.pipelineBound.has(p.name)) && (p.decl.valueFromPipeline || p.decl.valueFromPipelineByPropertyName),
    );
    return this.pipelineMandatory;
  }

  /** Parameters bound from the current pipeline object. */
  pipelineBoundNames(): ReadonlySet<string> {
    return this.pipelineBound;
  }

  /** Binds one pipeline object; returns false when nothing could take it (InputObjectNotBound). */
  bindPipelineObject(input: unknown): boolean {
    for (const name of this.pipelineBound) this.bound.delete(name);
    this.pipelineBound.clear();
    this.pipelineValidSets = undefined;
    // Command-line binding is complete by the first object, so the candidates are fixed from then on.
    const candidates = (this.pipelineCandidates ??= this.params.list.filter(
      (p) => (p.decl.valueFromPipeline || p.decl.valueFromPipelineByPropertyName) && !this.bound.has(p.name) && this.setOk(p, this.validSets),
    ));
    let any = false;
    for (let pass = 0; pass < 2; pass++) {
      const coerce = pass === 1;
      for (const p of candidates) {
        if (!p.decl.valueFromPipeline || this.bound.has(p.name) || !this.setOk(p)) continue;
        if (any && this.pipelineBoundByValue()) break;
        if (this.tryPipelineBind(p, input, coerce)) any = true;
      }
      for (const p of candidates) {
        if (!p.decl.valueFromPipelineByPropertyName || this.bound.has(p.name) || !this.setOk(p)) continue;
        const prop = propertyOf(input, [p.name, ...(p.decl.aliases ?? [])]);
        if (prop.found && this.tryPipelineBind(p, prop.value, coerce)) any = true;
      }
    }
    if (any && candidates.length === 1 && isPassThrough(candidates[0].decl)) this.passThroughName = candidates[0].name;
    return any;
  }

  /** What bindPipelineObject does for a pass-through parameter, leaving the same state behind. */
  bindPassThrough(input: unknown): void {
    this.bound.set(this.passThroughName!, input);
  }

  private pipelineBoundByValue(): boolean {
    for (const n of this.pipelineBound) if (this.params.get(n)?.decl.valueFromPipeline) return true;
    return false;
  }

  private tryPipelineBind(p: ParameterInfo, value: unknown, coerce: boolean): boolean {
    if (!coerce && !isOfParameterType(value, p.decl.type)) return false;
    try {
      this.bindValue(p, value, false);
    } catch (e) {
      if (!coerce) return false;
      if (e instanceof BindingError && e.errorId.startsWith('ParameterArgumentValidation')) throw e;
      return false;
    }
    this.pipelineBound.add(p.name);
    this.narrowSets(p, true);
    return true;
  }

  // ---------------------------------------------------------------- one value

  private bindValue(p: ParameterInfo, value: unknown, fromCommandLine: boolean, span?: Span): void {
    const converted = this.convert(p, value, span);
    validateArgument(p, converted, span);
    this.bound.set(p.name, converted);
    void fromCommandLine;
  }

  private convert(p: ParameterInfo, value: unknown, span?: Span): unknown {
    const type: ParamType = p.decl.type;
    if (type === 'bool' && typeof value !== 'boolean' && typeof value !== 'number') {
      return this.conversionFailure(
        p,
        `Cannot convert value "${toPSString(value)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
        value,
        span,
      );
    }
    if (type === 'securestring' && !(value instanceof SecureString) && value !== null && value !== undefined) {
      return this.conversionFailure(
        p,
        `Cannot convert the "${toPSString(value)}" value of type "System.String" to type "System.Security.SecureString".`,
        value,
        span,
      );
    }
    try {
      const coerced = coerceToParameterType(value, type);
      return p.decl.transform ? p.decl.transform(coerced) : coerced;
    } catch (e) {
      if (e instanceof PSException) return this.conversionFailure(p, e.message, value, span);
      throw e;
    }
  }

  private conversionFailure(p: ParameterInfo, reason: string, value: unknown, span?: Span): never {
    if (this.options.scriptParameters) {
      throw new BindingError('ParameterArgumentTransformationError', `Cannot process argument transformation on parameter '${p.name}'. ${reason}`, {
        parameterName: p.name,
        span,
        targetObject: value,
      });
    }
    throw new BindingError('CannotConvertArgumentNoMessage', `Cannot bind parameter '${p.name}'. ${reason}`, {
      parameterName: p.name,
      span,
      targetObject: value,
    });
  }
}

function ambiguousSet(): BindingError {
  return new BindingError(
    'AmbiguousParameterSet',
    'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
  );
}

/** Declaration keys that neither convert nor validate a value (anything else takes the general path). */
const inertKeys = new Set(['type', 'description', 'valueFromPipeline', 'allowNull', 'allowEmptyString', 'aliases', 'helpMessage', 'defaultDescription', 'complete', 'position', 'sets']);

function isPassThrough(decl: ParameterDeclaration): boolean {
  if (decl.type !== 'psobject' && decl.type !== 'object') return false;
  for (const key in decl) if (!inertKeys.has(key) && (decl as unknown as Record<string, unknown>)[key]) return false;
  return true;
}

function propertyOf(input: unknown, names: string[]): { found: boolean; value?: unknown } {
  if (input instanceof PSObject) {
    for (const n of names) if (input.hasProperty(n)) return { found: true, value: input.getProperty(n) };
  }
  return { found: false };
}

function argumentText(value: unknown): string {
  return Array.isArray(value) ? value.map(toPSString).join(' ') : toPSString(value);
}

/**
 * An argument that is "no output" (`f (Get-None)`, `f $v` after `$v = Get-None`) is bound as $null, also
 * as an element of an array argument (PowerShell issue 9150: a parameter never holds AutomationNull).
 */
function nothingAsNullArgument(arg: CommandArgument): CommandArgument {
  const v = arg.value;
  if (v === AutomationNull) return { ...arg, value: null };
  if (Array.isArray(v) && v.includes(AutomationNull)) return { ...arg, value: v.map((x) => (x === AutomationNull ? null : x)) };
  return arg;
}

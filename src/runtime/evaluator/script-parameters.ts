// Turns a script block's `param()` block (or `function f($a, $b)`) into parameter declarations,
// so advanced functions, simple functions and scripts bind through the same binder as cmdlets.
import type { AttributeAst, ExpressionAst, ParameterAst, ScriptBlockAst } from '../../../grammar/ast.ts';
import type { ParamType, ParamTypeName, ParameterDeclaration, ParameterDeclarations } from '../../pipeline/cmdlet.ts';
import { convertTo, toBool } from '../conversion.ts';
import { ScriptBlock } from '../scriptblock.ts';
import { toPSString } from '../to-string.ts';
import { lookupType } from './compile-expression.ts';
import type { Frame } from './frame.ts';
import { invokeScriptBlockSync } from './invoke-block.ts';

const directTypes: Record<string, ParamTypeName> = {
  string: 'string',
  'system.string': 'string',
  'string[]': 'string[]',
  'system.string[]': 'string[]',
  int: 'int',
  int32: 'int',
  'system.int32': 'int',
  'int[]': 'int[]',
  long: 'long',
  int64: 'long',
  double: 'double',
  bool: 'bool',
  boolean: 'bool',
  'system.boolean': 'bool',
  switch: 'switch',
  switchparameter: 'switch',
  'system.management.automation.switchparameter': 'switch',
  object: 'object',
  'object[]': 'object[]',
  psobject: 'psobject',
  hashtable: 'hashtable',
  scriptblock: 'scriptblock',
  securestring: 'securestring',
  'system.security.securestring': 'securestring',
  'byte[]': 'byte[]',
  datetime: 'datetime',
  char: 'char',
};

/** A literal attribute argument's value (attributes take constants, and `$true`/`$false`). */
function staticValue(e: ExpressionAst | undefined): unknown {
  if (!e) return true;
  switch (e.kind) {
    case 'Constant':
      return e.value;
    case 'StringConstant':
      return e.value;
    case 'Variable':
      return e.name.toLowerCase() === 'true' ? true : e.name.toLowerCase() === 'false' ? false : null;
    case 'ArrayLiteral':
      return e.elements.map(staticValue);
    case 'Unary':
      return e.operator === '-' ? -Number(staticValue(e.operand)) : staticValue(e.operand);
    default:
      return undefined;
  }
}

function named(attr: AttributeAst, name: string): unknown {
  const n = attr.named.find((x) => x.name.toLowerCase() === name.toLowerCase());
  return n ? staticValue(n.value) : undefined;
}

function positional(attr: AttributeAst): unknown[] {
  return attr.positional.flatMap((p) => {
    const v = staticValue(p);
    return Array.isArray(v) ? v : [v];
  });
}

export function declaredParameters(sb: ScriptBlock): ParameterAst[] {
  const fromFunction = (sb as ScriptBlock & { declaredParameters?: ParameterAst[] }).declaredParameters;
  return sb.ast.paramBlock?.parameters ?? fromFunction ?? [];
}

export function cmdletBindingOptions(ast: ScriptBlockAst): { supportsShouldProcess: boolean; defaultParameterSet?: string; confirmImpact?: string; positionalBinding: boolean } {
  const cb = ast.paramBlock?.attributes.find((a) => a.name.toLowerCase() === 'cmdletbinding');
  return {
    supportsShouldProcess: cb ? toBool(named(cb, 'SupportsShouldProcess') ?? false) : false,
    defaultParameterSet: cb ? (named(cb, 'DefaultParameterSetName') as string | undefined) : undefined,
    confirmImpact: cb ? (named(cb, 'ConfirmImpact') as string | undefined) : undefined,
    positionalBinding: cb ? named(cb, 'PositionalBinding') !== false : true,
  };
}

/** True when a parameter has [ValidateScript()], whose check runs in the calling frame. */
export function validatesWithCaller(sb: ScriptBlock): boolean {
  return declaredParameters(sb).some((p) => p.attributes.some((a) => a.name.toLowerCase() === 'validatescript'));
}

export function buildParameterDeclarations(sb: ScriptBlock, f: Frame): ParameterDeclarations {
  const params = declaredParameters(sb);
  const out: ParameterDeclarations = {};
  const anyPosition = params.some((p) =>
    p.attributes.some((a) => a.name.toLowerCase() === 'parameter' && (named(a, 'Position') !== undefined || named(a, 'ParameterSetName') !== undefined)),
  );
  const autoPositions = !anyPosition && cmdletBindingOptions(sb.ast).positionalBinding;
  let nextPosition = 0;
  for (const p of params) {
    const typeName = p.type?.name.toLowerCase();
    const direct = typeName ? directTypes[typeName] : 'object';
    const decl: ParameterDeclaration = { type: (direct ?? 'object') as ParamType, description: '' };
    if (typeName && !direct) {
      const name = p.type!.name;
      decl.transform = (v) => convertTo(v, lookupType(name));
    }
    const sets: string[] = [];
    const mandatorySets: string[] = [];
    for (const attr of p.attributes) {
      switch (attr.name.toLowerCase()) {
        case 'parameter': {
          const set = named(attr, 'ParameterSetName') as string | undefined;
          const mandatory = toBool(named(attr, 'Mandatory') ?? false);
          if (set && set !== '__AllParameterSets') {
            sets.push(set);
            if (mandatory) mandatorySets.push(set);
          } else if (mandatory) decl.mandatory = true;
          const pos = named(attr, 'Position');
          if (pos !== undefined) decl.position = Number(pos);
          if (toBool(named(attr, 'ValueFromPipeline') ?? false)) decl.valueFromPipeline = true;
          if (toBool(named(attr, 'ValueFromPipelineByPropertyName') ?? false)) decl.valueFromPipelineByPropertyName = true;
          if (toBool(named(attr, 'ValueFromRemainingArguments') ?? false)) decl.valueFromRemainingArguments = true;
          const help = named(attr, 'HelpMessage');
          if (help !== undefined) decl.helpMessage = toPSString(help);
          break;
        }
        case 'alias':
          decl.aliases = positional(attr).map(toPSString);
          break;
        case 'validateset':
          decl.validateSet = positional(attr).map(toPSString);
          break;
        case 'validaterange': {
          const [min, max] = positional(attr).map(Number);
          decl.validateRange = [min, max];
          break;
        }
        case 'validatepattern':
          decl.validatePattern = toPSString(positional(attr)[0]);
          break;
        case 'validatenotnullorempty':
        case 'validatenotnull':
          decl.validateNotNullOrEmpty = true;
          break;
        case 'allownull':
          decl.allowNull = true;
          break;
        case 'allowemptystring':
          decl.allowEmptyString = true;
          break;
        case 'validatescript': {
          const blockAst = attr.positional[0];
          if (blockAst?.kind === 'ScriptBlockExpression') {
            const block = new ScriptBlock(blockAst.block, f.source);
            decl.validate = (value) => {
              const result = invokeScriptBlockSync(f, block, { dollarUnder: value, newScope: true });
              const ok = toBool(result.length === 1 ? result[0] : result);
              return ok ? undefined : `The "${block.toString().trim()}" validation script for the argument with value "${toPSString(value)}" did not return a result of True. Determine why the validation script failed, and then try the command again.`;
            };
          }
          break;
        }
      }
    }
    if (sets.length) decl.sets = sets;
    if (mandatorySets.length) decl.mandatoryInSets = decl.mandatory ? sets : mandatorySets;
    if (autoPositions && decl.type !== 'switch' && decl.position === undefined) decl.position = nextPosition++;
    out[p.name] = decl;
  }
  return out;
}

// Where-Object: the script-block filter, and the simplified syntax `Where-Object Name -eq value` with one
// switch per comparison operator (each in its own parameter set, as WhereObjectCommand declares them).
// Without an operator or value, `Where-Object Enabled` keeps objects whose property is true.
import { defineCmdlet, type ParameterDeclaration } from '../../src/pipeline/cmdlet.ts';
import { toBool } from '../../src/runtime/conversion.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { Condition } from '../../src/pipeline/prepared-condition.ts';
import type { MaybePromise } from '../../src/runtime/maybe-promise.ts';
import { binaryOperation } from '../../src/runtime/operators.ts';
import { RuntimeError } from '../../src/runtime/runtime-error.ts';
import { getProperty } from './support/properties.ts';

const module = 'Microsoft.PowerShell.Core';

/** Operator switches: parameter name → [set, language operator, case-sensitive, description]. */
const operators: [string, string, string, boolean, string][] = [
  ['EQ', 'EqualSet', '-eq', false, 'equal to'],
  ['CEQ', 'CaseSensitiveEqualSet', '-eq', true, 'equal to (case-sensitive)'],
  ['NE', 'NotEqualSet', '-ne', false, 'not equal to'],
  ['CNE', 'CaseSensitiveNotEqualSet', '-ne', true, 'not equal to (case-sensitive)'],
  ['GT', 'GreaterThanSet', '-gt', false, 'greater than'],
  ['CGT', 'CaseSensitiveGreaterThanSet', '-gt', true, 'greater than (case-sensitive)'],
  ['LT', 'LessThanSet', '-lt', false, 'less than'],
  ['CLT', 'CaseSensitiveLessThanSet', '-lt', true, 'less than (case-sensitive)'],
  ['GE', 'GreaterOrEqualSet', '-ge', false, 'greater than or equal to'],
  ['CGE', 'CaseSensitiveGreaterOrEqualSet', '-ge', true, 'greater than or equal to (case-sensitive)'],
  ['LE', 'LessOrEqualSet', '-le', false, 'less than or equal to'],
  ['CLE', 'CaseSensitiveLessOrEqualSet', '-le', true, 'less than or equal to (case-sensitive)'],
  ['Like', 'LikeSet', '-like', false, 'matching the wildcard pattern'],
  ['CLike', 'CaseSensitiveLikeSet', '-like', true, 'matching the wildcard pattern (case-sensitive)'],
  ['NotLike', 'NotLikeSet', '-notlike', false, 'not matching the wildcard pattern'],
  ['CNotLike', 'CaseSensitiveNotLikeSet', '-notlike', true, 'not matching the wildcard pattern (case-sensitive)'],
  ['Match', 'MatchSet', '-match', false, 'matching the regular expression'],
  ['CMatch', 'CaseSensitiveMatchSet', '-match', true, 'matching the regular expression (case-sensitive)'],
  ['NotMatch', 'NotMatchSet', '-notmatch', false, 'not matching the regular expression'],
  ['CNotMatch', 'CaseSensitiveNotMatchSet', '-notmatch', true, 'not matching the regular expression (case-sensitive)'],
  ['Contains', 'ContainsSet', '-contains', false, 'a collection containing the value'],
  ['CContains', 'CaseSensitiveContainsSet', '-contains', true, 'a collection containing the value (case-sensitive)'],
  ['NotContains', 'NotContainsSet', '-notcontains', false, 'a collection not containing the value'],
  ['CNotContains', 'CaseSensitiveNotContainsSet', '-notcontains', true, 'a collection not containing the value (case-sensitive)'],
  ['In', 'InSet', '-in', false, 'one of the values'],
  ['CIn', 'CaseSensitiveInSet', '-in', true, 'one of the values (case-sensitive)'],
  ['NotIn', 'NotInSet', '-notin', false, 'none of the values'],
  ['CNotIn', 'CaseSensitiveNotInSet', '-notin', true, 'none of the values (case-sensitive)'],
  ['Is', 'IsSet', '-is', false, 'of the type'],
  ['IsNot', 'IsNotSet', '-isnot', false, 'not of the type'],
];

const setOperator = new Map(operators.map(([, set, op, cs]) => [set, { op, cs }]));
const propertySets = [...operators.map((o) => o[1]), 'Not'];

const operatorParameters: Record<string, ParameterDeclaration> = Object.fromEntries(
  operators.map(([name, set, , cs, text]): [string, ParameterDeclaration] => [
    name,
    {
      type: 'switch',
      sets: [set],
      mandatory: name !== 'EQ',
      aliases: cs || name === 'Is' || name === 'IsNot' ? undefined : [`I${name}`],
      description: `Keeps objects whose property value is ${text} the -Value.`,
    },
  ]),
);

/** Passes `input` on when the condition holds for it (the continuation apart: no closure per object). */
function keepIf(ctx: CmdletContext, condition: Condition, input: unknown): MaybePromise<void> {
  const keep = condition(input);
  if (keep instanceof Promise) return keepLater(ctx, keep, input);
  if (keep) ctx.emit(input);
  return undefined;
}

function keepLater(ctx: CmdletContext, pending: Promise<boolean>, input: unknown): Promise<void> {
  return pending.then((keep) => {
    if (keep) ctx.emit(input);
  });
}

export const whereObject = defineCmdlet({
  name: 'Where-Object',
  synopsis: 'Selects objects from a collection based on their property values.',
  description:
    'Passes on the input objects for which the -FilterScript script block returns true, or, in the simplified form, whose ' +
    '-Property compares with -Value by the operator switch given (-EQ, -Like, -Match, -GT...). Without an operator or value, ' +
    'objects whose property value is true are kept; -Not keeps those whose value is false.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.WhereObjectCommand',
  aliases: ['?', 'where'],
  defaultParameterSet: 'EqualSet',
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'The objects to filter; usually piped in.' },
    FilterScript: {
      type: 'scriptblock',
      position: 0,
      mandatory: true,
      sets: ['ScriptBlockSet'],
      description: 'The condition, with $_ set to each object. Objects for which it returns true are passed on.',
    },
    Property: { type: 'string', position: 0, mandatory: true, sets: propertySets, description: 'The property compared in the simplified syntax.' },
    Value: { type: 'object', position: 1, sets: propertySets.filter((s) => s !== 'Not'), allowNull: true, description: 'The value the property is compared with.' },
    ...(operatorParameters as Record<string, ParameterDeclaration & { type: 'switch' }>),
    Not: { type: 'switch', mandatory: true, sets: ['Not'], description: 'Keeps objects whose property is false or absent.' },
  },
  examples: [
    { title: 'A script block filter', code: '1..10 | Where-Object { $_ % 5 -eq 0 }', output: '5\n10' },
    {
      title: 'The simplified syntax',
      code: "'mail.contoso.com','smtp.fabrikam.com' | Where-Object Length -gt 16",
      output: 'smtp.fabrikam.com',
    },
    {
      title: 'A wildcard comparison on a property',
      code: "[pscustomobject]@{Name='Contoso'}, [pscustomobject]@{Name='Fabrikam'} | Where-Object Name -like 'C*' | ForEach-Object Name",
      output: 'Contoso',
    },
  ],
  begin(p, ctx) {
    if (ctx.parameterSetName !== 'ScriptBlockSet') return;
    const condition = ctx.prepareCondition(p.FilterScript!);
    ctx.state.condition = condition;
    ctx.handleInput((input) => {
      const keep = condition(input);
      if (keep === true) ctx.emit(input);
      else if (keep instanceof Promise) return keepLater(ctx, keep, input);
      return undefined;
    });
  },
  process(p, ctx) {
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (ctx.parameterSetName === 'ScriptBlockSet') return keepIf(ctx, ctx.state.condition as Condition, input);
    const value = getProperty(input, p.Property!);
    if (ctx.parameterSetName === 'Not') {
      if (!toBool(value)) ctx.write(input, false);
      return undefined;
    }
    const { op, cs } = setOperator.get(ctx.parameterSetName) ?? { op: '-eq', cs: false };
    if (op === '-eq' && !ctx.isBound('Value')) {
      if (toBool(value)) ctx.write(input, false);
      return undefined;
    }
    try {
      if (toBool(binaryOperation(op, cs, value, p.Value))) ctx.write(input, false);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      ctx.writeError({ message: e.message, errorId: e.errorId ?? 'OperatorFailed', category: 'InvalidOperation', targetObject: input, exceptionType: e.typeName });
    }
    return undefined;
  },
});

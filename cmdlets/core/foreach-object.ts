// ForEach-Object: script blocks run per input object (with -Begin/-End, several -Process blocks and
// PowerShell's positional rule: with two or more blocks the first is Begin, with three or more the last
// is End), or the -MemberName form that reads a property or calls a method (InternalCommands.cs).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { MaybePromise } from '../../src/runtime/maybe-promise.ts';
import { invokeMethod } from '../../src/runtime/members.ts';
import type { ScriptBlock } from '../../src/runtime/scriptblock.ts';
import { AutomationNull, PSHashtable, PSObject } from '../../src/runtime/values.ts';
import { hasWildcardCharacters } from '../../src/runtime/wildcard.ts';
import { PSException } from '../../src/runtime/errors.ts';
import { getProperty, hasProperty } from './support/properties.ts';
import { matchingNames } from './support/expressions.ts';

const module = 'Microsoft.PowerShell.Core';

type Block = (dollarUnder: unknown) => MaybePromise<void>;

interface Scripts {
  begin?: ScriptBlock | null;
  process: (ScriptBlock | null)[];
  end?: ScriptBlock | null;
}

/** The blocks, prepared once: each runs in the caller's scope and writes its output downstream as it goes. */
interface Plan {
  begin?: Block;
  process: (Block | undefined)[];
  end?: Block;
}

function scriptsOf(p: { Begin?: ScriptBlock; Process?: ScriptBlock[]; End?: ScriptBlock; RemainingScripts?: ScriptBlock[] }, isBound: (n: string) => boolean): Scripts {
  const scripts: (ScriptBlock | null)[] = [];
  if (isBound('Begin')) scripts.push(p.Begin ?? null);
  scripts.push(...(p.Process ?? [null]));
  if (p.RemainingScripts) scripts.push(...p.RemainingScripts);
  let end = scripts.length;
  const start = scripts.length > 1 ? 1 : 0;
  let endScript: ScriptBlock | null | undefined = p.End;
  if (!isBound('End') && scripts.length > 2) {
    end = scripts.length - 1;
    endScript = scripts[end];
  }
  return { begin: end >= 2 ? scripts[0] : undefined, process: scripts.slice(start, end), end: endScript };
}

function prepare(ctx: CmdletContext, scripts: Scripts): Plan {
  const ready = (block: ScriptBlock | null | undefined): Block | undefined => (block ? ctx.prepareScriptBlock(block, ctx.emit) : undefined);
  return { begin: ready(scripts.begin), process: scripts.process.map(ready), end: ready(scripts.end) };
}

function memberName(ctx: CmdletContext, name: string, args: unknown[] | undefined, input: unknown): MaybePromise<void> {
  if (input === null || input === undefined || input === AutomationNull) {
    if (args && args.length > 0) {
      ctx.writeError({ message: 'You cannot call a method on a null-valued expression.', errorId: 'InvokeMethodOnNull', category: 'InvalidOperation', targetObject: input });
    } else ctx.write(null, false);
    return undefined;
  }
  if ((!args || args.length === 0) && input instanceof PSHashtable && input.has(name)) {
    ctx.write(input.get(name), true);
    return undefined;
  }
  let target = name;
  if (hasWildcardCharacters(name)) {
    const hits = matchingNames(input, name);
    if (hits.length > 1) {
      ctx.writeError({
        message: `Input name "${name}" is ambiguous. It can be resolved to multiple matched members. Possible matches include:${hits.map((h) => ` ${h}`).join('')}.`,
        errorId: 'AmbiguousPropertyOrMethodName',
        category: 'InvalidArgument',
        targetObject: input,
      });
      return undefined;
    }
    if (hits.length === 1) target = hits[0];
  }
  if ((!args || args.length === 0) && hasProperty(input, target)) {
    ctx.write(getProperty(input, target), true);
    return undefined;
  }
  try {
    const result = invokeMethod(input, target, args ?? [], undefined);
    if (result !== AutomationNull) ctx.write(result, true);
  } catch (e) {
    if (!(e instanceof PSException)) throw e;
    if (!args || args.length === 0) {
      ctx.writeError({
        message: `The input name "${name}" cannot be resolved to a member.`,
        errorId: 'PropertyOrMethodNotFound',
        category: 'InvalidArgument',
        targetObject: input,
      });
      return undefined;
    }
    ctx.writeError({ message: e.message, errorId: 'MethodInvocationError', category: 'InvalidOperation', targetObject: input, exceptionType: e.typeName });
  }
  return undefined;
}

/** Several -Process blocks, in order, for one object. */
function runBlocks(blocks: (Block | undefined)[], dollarUnder: unknown, from: number): MaybePromise<void> {
  for (let i = from; i < blocks.length; i++) {
    const r = blocks[i]?.(dollarUnder);
    if (r instanceof Promise) return r.then(() => runBlocks(blocks, dollarUnder, i + 1));
  }
  return undefined;
}

export const forEachObject = defineCmdlet({
  name: 'ForEach-Object',
  synopsis: 'Performs an operation against each item in a collection of input objects.',
  description:
    'Runs the -Process script block once per input object, with $_ set to the object; -Begin runs before the first object and -End after the last. ' +
    'Given several script blocks without names, the first is the Begin block and, with three or more, the last is the End block. ' +
    'With -MemberName, gets the value of a property of each object, or calls a method with -ArgumentList.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ForEachObjectCommand',
  aliases: ['%', 'foreach'],
  defaultParameterSet: 'ScriptBlockSet',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, allowNull: true, description: 'The objects to process; usually piped in.' },
    Begin: { type: 'scriptblock', sets: ['ScriptBlockSet'], description: 'A script block that runs before the first input object.' },
    Process: {
      type: 'scriptblock[]',
      position: 0,
      mandatory: true,
      allowNull: true,
      sets: ['ScriptBlockSet'],
      description: 'The script block run for each input object, with $_ set to the object. Several blocks run in order.',
    },
    End: { type: 'scriptblock', sets: ['ScriptBlockSet'], description: 'A script block that runs after the last input object.' },
    RemainingScripts: {
      type: 'scriptblock[]',
      sets: ['ScriptBlockSet'],
      valueFromRemainingArguments: true,
      description: 'Script blocks given positionally after the first one (see the description for how they are used).',
    },
    MemberName: {
      type: 'string',
      position: 0,
      mandatory: true,
      sets: ['PropertyAndMethodSet'],
      validateNotNullOrEmpty: true,
      description: 'The property to get or the method to call on each object. Wildcards are allowed when they match one member.',
    },
    ArgumentList: {
      type: 'object[]',
      aliases: ['Args'],
      sets: ['PropertyAndMethodSet'],
      valueFromRemainingArguments: true,
      description: 'The arguments of the method called with -MemberName.',
    },
  },
  examples: [
    { title: 'Run a script block for each object', code: '1..3 | ForEach-Object { $_ * 2 }', output: '2\n4\n6' },
    {
      title: 'Begin, process and end blocks',
      code: "1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'done' }",
      output: 'start\n1\n2\n3\ndone',
    },
    { title: 'Get a property of each object', code: "'emsh','contoso' | ForEach-Object Length", output: '4\n7' },
    { title: 'Call a method with arguments', code: "'mail.contoso.com' | ForEach-Object -MemberName Split -ArgumentList '.'", output: 'mail\ncontoso\ncom' },
  ],
  begin(p, ctx) {
    if (ctx.parameterSetName !== 'ScriptBlockSet') return undefined;
    const pl = prepare(ctx, scriptsOf(p, ctx.isBound));
    ctx.state.plan = pl;
    // One process block: each piped object goes straight to it (what process below does for one block).
    const only = pl.process.length === 1 ? pl.process[0] : undefined;
    if (only) ctx.handleInput(only);
    // Begin and end blocks see `$_` as nothing (AutomationNull), as in PowerShell.
    return pl.begin?.(AutomationNull);
  },
  process(p, ctx) {
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (ctx.parameterSetName === 'PropertyAndMethodSet') {
      const value = input instanceof PSObject && input.baseObject !== undefined && !input.propertyNames().length ? input.baseObject : input;
      return memberName(ctx, p.MemberName!, p.ArgumentList, value);
    }
    const blocks = (ctx.state.plan as Plan).process;
    const dollarUnder = input === undefined ? null : input;
    if (blocks.length === 1) return blocks[0]?.(dollarUnder);
    return runBlocks(blocks, dollarUnder, 0);
  },
  end(_p, ctx) {
    if (ctx.parameterSetName !== 'ScriptBlockSet') return undefined;
    return (ctx.state.plan as Plan).end?.(AutomationNull);
  },
});

// Add-Member: note, alias, script properties and script methods on an object (`$this` is the object in
// script members), several note properties from a hashtable, an extra type name; -Force replaces an
// existing member, -PassThru writes the object.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { ScriptBlock } from '../../src/runtime/scriptblock.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { EnumValue, PSHashtable, PSObject, baseValue } from '../../src/runtime/values.ts';
import { typeNameChain } from './support/type-names.ts';
import { addedMembers } from './support/member-catalog.ts';
import { PSMemberTypes } from './get-member.ts';
import { single, thisInvoker } from './support/script-invoke.ts';

const module = 'Microsoft.PowerShell.Utility';
const SUPPORTED = ['NoteProperty', 'AliasProperty', 'ScriptProperty', 'ScriptMethod', 'CodeProperty', 'CodeMethod', 'PropertySet', 'MemberSet'];

function memberTypeName(value: unknown): string | undefined {
  const v = baseValue(value);
  if (v instanceof EnumValue) return v.type.namesOf(v.value)[0];
  if (typeof v === 'number') return PSMemberTypes.namesOf(v)[0];
  return PSMemberTypes.lookup(toPSString(v))?.name;
}

function exists(obj: PSObject, name: string): boolean {
  return obj.hasProperty(name) || obj.getMethod(name) !== undefined;
}

function remove(obj: PSObject, name: string): void {
  obj.removeProperty(name);
  (obj as unknown as { methods?: Map<string, unknown> }).methods?.delete(name.toLowerCase());
}

function alreadyExists(ctx: CmdletContext, obj: PSObject, name: string): void {
  ctx.writeError({
    message: `Cannot add a member with the name "${name}" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.`,
    errorId: 'MemberAlreadyExists',
    category: 'InvalidOperation',
    targetObject: obj,
    exceptionType: 'System.InvalidOperationException',
  });
}

function addNote(ctx: CmdletContext, obj: PSObject, name: string, value: unknown, force: boolean): boolean {
  if (exists(obj, name)) {
    if (!force) {
      alreadyExists(ctx, obj, name);
      return false;
    }
    remove(obj, name);
  }
  obj.setProperty(name, value);
  const def = obj.getPropertyDefinition(name);
  if (def) addedMembers.add(def);
  return true;
}

function scriptBlockArg(ctx: CmdletContext, value: unknown, what: string): ScriptBlock | undefined {
  const v = baseValue(value);
  if (v === null || v === undefined) return undefined;
  if (v instanceof ScriptBlock) return v;
  ctx.fail({
    message: `Cannot convert the "${toPSString(v)}" value of type "${typeNameChain(v)[0]}" to type "System.Management.Automation.ScriptBlock".`,
    errorId: `ConvertToFinalInvalidCastException,${what}`,
    category: 'InvalidArgument',
    exceptionType: 'System.Management.Automation.PSInvalidCastException',
  });
}

export const addMember = defineCmdlet({
  name: 'Add-Member',
  synopsis: 'Adds custom properties and methods to an instance of a PowerShell object.',
  description:
    'Adds a member to the input object: a NoteProperty (a value), an AliasProperty (another name for a property), a ' +
    'ScriptProperty (a script block run with $this set to the object; a second script block sets it) or a ScriptMethod. ' +
    '-NotePropertyName/-NotePropertyValue and -NotePropertyMembers add note properties directly. An existing member is ' +
    'replaced only with -Force. Use -PassThru to write the object.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.AddMemberCommand',
  defaultParameterSet: 'TypeNameSet',
  parameters: {
    InputObject: { type: 'psobject', mandatory: true, valueFromPipeline: true, description: 'The object to add the member to; usually piped in.' },
    MemberType: {
      type: 'object',
      position: 0,
      mandatory: true,
      aliases: ['Type'],
      sets: ['MemberSet'],
      description: 'The kind of member: NoteProperty, AliasProperty, ScriptProperty or ScriptMethod (a PSMemberTypes value).',
    },
    Name: { type: 'string', position: 1, mandatory: true, sets: ['MemberSet'], description: 'The name of the member.' },
    Value: { type: 'object', position: 2, sets: ['MemberSet'], allowNull: true, description: 'The value, the aliased property name, or the getter or method script block.' },
    SecondValue: { type: 'object', position: 3, sets: ['MemberSet'], description: 'For a ScriptProperty, the setter script block.' },
    NotePropertyName: { type: 'string', mandatory: true, sets: ['NotePropertySingleMemberSet'], description: 'The name of the note property to add.' },
    NotePropertyValue: { type: 'object', mandatory: true, allowNull: true, sets: ['NotePropertySingleMemberSet'], description: 'The value of the note property.' },
    NotePropertyMembers: { type: 'hashtable', mandatory: true, sets: ['NotePropertyMultiMemberSet'], description: 'Note properties to add, as a hashtable of names and values.' },
    TypeName: { type: 'string', description: 'A type name to put first in the object’s type names.' },
    Force: { type: 'switch', description: 'Replaces a member that already exists.' },
    PassThru: { type: 'switch', description: 'Writes the object after adding the member.' },
  },
  examples: [
    {
      title: 'Add a note property',
      code: "$org = [pscustomobject]@{Name='Contoso'}\n$org | Add-Member -NotePropertyName Domain -NotePropertyValue 'contoso.com'\n$org.Domain",
      output: 'contoso.com',
    },
    {
      title: 'Add a script property that reads the object',
      code: "$c = [pscustomobject]@{Port=25} | Add-Member -MemberType ScriptProperty -Name Secure -Value { $this.Port -eq 587 } -PassThru\n$c.Secure",
      output: 'False',
    },
    {
      title: 'Add several note properties',
      code: "[pscustomobject]@{} | Add-Member -NotePropertyMembers @{Server='EDGE01'} -PassThru | ForEach-Object Server",
      output: 'EDGE01',
    },
  ],
  process(p, ctx) {
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (input === null || input === undefined) return;
    const obj = input instanceof PSObject ? input : new PSObject(typeNameChain(input), input);
    const set = ctx.parameterSetName;
    let ok = true;
    if (set === 'NotePropertySingleMemberSet') ok = addNote(ctx, obj, p.NotePropertyName!, p.NotePropertyValue ?? null, p.Force);
    else if (set === 'NotePropertyMultiMemberSet') {
      for (const [k, v] of (p.NotePropertyMembers as PSHashtable).entries()) ok = addNote(ctx, obj, toPSString(k), v, p.Force) && ok;
    } else if (set === 'MemberSet') {
      const kind = memberTypeName(p.MemberType);
      if (!kind && !ctx.isBound('Value')) ok = addNote(ctx, obj, toPSString(p.MemberType), p.Name ?? null, p.Force);
      else if (!kind || !SUPPORTED.includes(kind)) {
        ctx.fail({
          message: `Cannot add a member with type "${kind ?? toPSString(p.MemberType)}". Specify a different type for the MemberTypes parameter.`,
          errorId: 'CannotAddMemberType',
          category: 'InvalidOperation',
          targetObject: obj,
          exceptionType: 'System.InvalidOperationException',
        });
      } else ok = addTyped(ctx, obj, kind, p.Name!, p.Value, p.SecondValue, p.Force);
    }
    if (p.TypeName) obj.typeNames.unshift(p.TypeName);
    if (ok && p.PassThru) ctx.write(obj, false);
  },
});

function addTyped(ctx: CmdletContext, obj: PSObject, kind: string, name: string, value: unknown, second: unknown, force: boolean): boolean {
  if (exists(obj, name)) {
    if (!force) {
      alreadyExists(ctx, obj, name);
      return false;
    }
    remove(obj, name);
  }
  switch (kind) {
    case 'NoteProperty':
      obj.setProperty(name, value ?? null);
      if (obj.getPropertyDefinition(name)) addedMembers.add(obj.getPropertyDefinition(name)!);
      return true;
    case 'AliasProperty':
      obj.defineProperty({ name, kind: 'alias', referencedName: toPSString(value) });
      return true;
    case 'ScriptProperty': {
      const getter = scriptBlockArg(ctx, value, 'Value');
      const setter = scriptBlockArg(ctx, second, 'SecondValue');
      const get = getter ? Object.assign((self: PSObject) => single(thisInvoker(ctx, getter)(self, [])), { source: getter.toString() }) : undefined;
      const setFn = setter ? Object.assign((self: PSObject, v: unknown) => void thisInvoker(ctx, setter)(self, [v]), { source: setter.toString() }) : undefined;
      obj.defineProperty({ name, kind: 'script', get, set: setFn });
      return true;
    }
    case 'ScriptMethod': {
      const body = scriptBlockArg(ctx, value, 'Value');
      if (!body) return false;
      const run = thisInvoker(ctx, body);
      obj.defineMethod(Object.assign({ name, invoke: (self: PSObject, args: unknown[]) => single(run(self, args)), definition: `System.Object ${name}();` }, { script: body }));
      return true;
    }
    default:
      obj.setProperty(name, value ?? null);
      return true;
  }
}

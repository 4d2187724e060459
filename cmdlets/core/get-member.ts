// Get-Member: the properties and methods of the input objects, one group per distinct type, shown as
// PowerShell shows them (`   TypeName: System.String`, then the Name/MemberType/Definition table).
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { registerView } from '../../src/format/views.ts';
import { typeOf } from '../../src/runtime/types.ts';
import { EnumType, PSObject } from '../../src/runtime/values.ts';
import { wildcardToRegExp } from '../../src/runtime/wildcard.ts';
import { instanceMembers, staticMembers, type MemberInfo } from './support/member-catalog.ts';
import { typeNameOf } from './support/type-names.ts';
import { isPSType } from '../../src/runtime/dotnet-type.ts';

const module = 'Microsoft.PowerShell.Utility';
export const MEMBER_DEFINITION = 'Microsoft.PowerShell.Commands.MemberDefinition';

export const PSMemberTypes = new EnumType(
  'System.Management.Automation.PSMemberTypes',
  {
    AliasProperty: 1,
    CodeProperty: 2,
    Property: 4,
    NoteProperty: 8,
    ScriptProperty: 16,
    Properties: 31,
    PropertySet: 32,
    Method: 64,
    CodeMethod: 128,
    ScriptMethod: 256,
    Methods: 448,
    ParameterizedProperty: 512,
    MemberSet: 1024,
    Event: 2048,
    Dynamic: 4096,
    InferredProperty: 8192,
    All: 16383,
  },
  true,
);

export const PSMemberViewTypes = new EnumType('System.Management.Automation.PSMemberViewTypes', { Extended: 1, Adapted: 2, Base: 4, All: 7 }, true);

registerView(MEMBER_DEFINITION, { kind: 'table', columns: ['Name', 'MemberType', 'Definition'], groupBy: { label: 'TypeName', expression: 'TypeName' } });

function memberDefinition(typeName: string, m: MemberInfo): PSObject {
  const o = new PSObject([MEMBER_DEFINITION, 'System.Object']);
  o.setProperty('TypeName', typeName);
  o.setProperty('Name', m.name);
  o.setProperty('MemberType', PSMemberTypes.value(PSMemberTypes.lookup(m.memberType)?.value ?? 4));
  o.setProperty('Definition', m.definition);
  o.defineMethod({ name: 'ToString', invoke: () => m.definition });
  return o;
}

export const getMember = defineCmdlet({
  name: 'Get-Member',
  synopsis: 'Gets the properties and methods of objects.',
  description:
    'Lists the members of each distinct type of the input objects: properties (Property, NoteProperty, ScriptProperty, ' +
    'AliasProperty) and methods. Filter them with -Name (wildcards) and -MemberType; -Static lists the static members of the type.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.GetMemberCommand',
  aliases: ['gm'],
  parameters: {
    InputObject: { type: 'psobject', valueFromPipeline: true, description: 'The object whose members are listed; usually piped in.' },
    Name: { type: 'string[]', position: 0, description: 'Member names to list (wildcards allowed).' },
    MemberType: { type: PSMemberTypes, aliases: ['Type'], description: 'The kinds of members to list (Property, Method, NoteProperty, Properties, Methods, All...).' },
    View: { type: PSMemberViewTypes, description: 'Accepted for compatibility (Extended, Adapted, Base, All).' },
    Static: { type: 'switch', description: 'Lists the static members of the type.' },
    Force: { type: 'switch', description: 'Also lists hidden members.' },
  },
  examples: [
    {
      title: 'The properties of an object',
      code: "[pscustomobject]@{Name='contoso.com'; Port=25} | Get-Member -MemberType NoteProperty",
      output:
        '   TypeName: System.Management.Automation.PSCustomObject\n\nName MemberType   Definition\n---- ----------   ----------\nName NoteProperty string Name=contoso.com\nPort NoteProperty int Port=25',
    },
    { title: 'Find a method of strings', code: "'x' | Get-Member -Name ToUpper | ForEach-Object Definition", output: 'string ToUpper(), string ToUpper(cultureinfo culture)' },
  ],
  begin(_p, ctx) {
    ctx.state.types = new Set<string>();
    ctx.state.any = false;
  },
  process(p, ctx) {
    const input = ctx.expectingInput ? ctx.inputObject : p.InputObject;
    if (input === undefined || input === null) return;
    ctx.state.any = true;
    const types = ctx.state.types as Set<string>;
    let typeName: string;
    let members: MemberInfo[];
    if (p.Static) {
      const type = isPSType(input) ? input : typeOf(input instanceof PSObject && input.baseObject !== undefined ? input.baseObject : input);
      typeName = type.fullName;
      if (types.has(typeName)) return;
      members = staticMembers(type);
    } else {
      typeName = typeNameOf(input);
      if (types.has(typeName)) return;
      members = instanceMembers(input);
    }
    types.add(typeName);
    const names = p.Name?.map((n) => wildcardToRegExp(n));
    const mask = p.MemberType ?? PSMemberTypes.lookup('All')!.value;
    for (const m of members) {
      if (names && !names.some((re) => re.test(m.name))) continue;
      const value = PSMemberTypes.lookup(m.memberType)?.value ?? 0;
      if ((value & mask) === 0) continue;
      ctx.write(memberDefinition(typeName, m), false);
    }
  },
  end(_p, ctx) {
    if (!ctx.state.any) {
      ctx.writeError({
        message: 'You must specify an object for the Get-Member cmdlet.',
        errorId: 'NoObjectInGetMember',
        category: 'CloseError',
        exceptionType: 'System.InvalidOperationException',
      });
    }
  },
});

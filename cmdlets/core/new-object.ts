// New-Object: a [pscustomobject] from -Property, and the .NET types the runtime can construct
// (System.Collections.ArrayList, System.Collections.Generic.List[string], System.Text.StringBuilder,
// System.Management.Automation.PSCredential, hashtables...), with -ArgumentList for the constructor.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { PSException } from '../../src/runtime/errors.ts';
import { setMember } from '../../src/runtime/members.ts';
import { resolveType } from '../../src/runtime/types.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { PSHashtable, PSObject } from '../../src/runtime/values.ts';
import { registerCredentialType } from './support/credential.ts';

const module = 'Microsoft.PowerShell.Utility';
const CUSTOM_NAMES = new Set(['psobject', 'system.management.automation.psobject', 'pscustomobject', 'system.management.automation.pscustomobject', 'object', 'system.object']);

export const newObject = defineCmdlet({
  name: 'New-Object',
  synopsis: 'Creates an instance of a Microsoft .NET Framework or COM object.',
  description:
    'Creates an object of the named type. `New-Object PSObject -Property @{...}` makes a custom object with those ' +
    'properties; other types are constructed with -ArgumentList and then given the -Property values. The types available ' +
    'are those the shell models: System.Collections.ArrayList, System.Collections.Generic.List[T], System.Collections.Hashtable, ' +
    'System.Text.StringBuilder, System.Management.Automation.PSCredential and the other built-in types.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.NewObjectCommand',
  defaultParameterSet: 'Net',
  parameters: {
    TypeName: { type: 'string', position: 0, mandatory: true, sets: ['Net'], description: 'The full name of the type (System. may be left out).' },
    ArgumentList: { type: 'object[]', position: 1, aliases: ['Args'], sets: ['Net'], description: 'The arguments of the constructor.' },
    Property: { type: 'hashtable', description: 'Property values to set on the new object.' },
    ComObject: { type: 'string', mandatory: true, sets: ['Com'], description: 'Not supported: COM objects exist only on Windows.' },
    Strict: { type: 'switch', sets: ['Com'], description: 'Not supported (COM only).' },
  },
  examples: [
    {
      title: 'A custom object',
      code: "New-Object -TypeName PSObject -Property @{Name='EDGE01'} | ForEach-Object Name",
      output: 'EDGE01',
    },
    {
      title: 'A growable list',
      code: "$list = New-Object System.Collections.ArrayList\n[void]$list.Add('contoso.com')\n$list.Count",
      output: '1',
    },
    {
      title: 'A credential from a user name and a secure string',
      code:
        "$password = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force\n" +
        "$cred = New-Object System.Management.Automation.PSCredential ('contoso\\admin', $password)\n$cred.UserName",
      output: 'contoso\\admin',
    },
  ],
  process(p, ctx) {
    if (ctx.parameterSetName === 'Com') {
      ctx.fail({
        message: 'A parameter cannot be found that matches parameter name \'ComObject\'.',
        errorId: 'NamedParameterNotFound',
        category: 'InvalidArgument',
        exceptionType: 'System.Management.Automation.ParameterBindingException',
      });
    }
    registerCredentialType();
    const name = p.TypeName!.trim();
    let obj: unknown;
    if (CUSTOM_NAMES.has(name.toLowerCase()) && (!p.ArgumentList || p.ArgumentList.length === 0)) {
      obj = new PSObject();
    } else {
      const type = resolveType(name);
      if (!type) {
        return ctx.fail({
          message: `Cannot find type [${name}]: verify that the assembly containing this type is loaded.`,
          errorId: 'TypeNotFound',
          category: 'InvalidType',
          targetObject: name,
          exceptionType: 'System.Management.Automation.PSArgumentException',
        });
      }
      const ctor = type.staticMethods?.new;
      if (!ctor) {
        return ctx.fail({
          message: `A constructor was not found. Cannot find an appropriate constructor for type ${type.fullName}.`,
          errorId: 'CannotFindAppropriateCtor',
          category: 'ObjectNotFound',
          targetObject: name,
          exceptionType: 'System.Management.Automation.PSArgumentException',
        });
      }
      try {
        obj = ctor(p.ArgumentList ?? [], undefined);
      } catch (e) {
        if (!(e instanceof PSException)) throw e;
        const inner = e.message.startsWith('Exception calling') ? e.message : `Exception calling ".ctor" with "${(p.ArgumentList ?? []).length}" argument(s): "${e.message}"`;
        ctx.fail({ message: inner, errorId: 'ConstructorInvokedThrowException', category: 'InvalidOperation', targetObject: name, exceptionType: 'System.Management.Automation.MethodInvocationException' });
      }
    }
    if (p.Property) {
      for (const [k, v] of (p.Property as PSHashtable).entries()) {
        const key = toPSString(k);
        if (obj instanceof PSObject && (obj.typeName === 'System.Management.Automation.PSCustomObject' || !obj.hasProperty(key))) obj.setProperty(key, v);
        else {
          try {
            setMember(obj, key, v);
          } catch (e) {
            if (!(e instanceof PSException)) throw e;
            ctx.writeError({ message: e.message, errorId: 'InvalidOperationException', category: 'InvalidOperation', targetObject: obj });
          }
        }
      }
    }
    ctx.write(obj, false);
  },
});

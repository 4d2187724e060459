// Built-in reference types: object/psobject/pscustomobject, hashtables, arrays and lists, [regex],
// [scriptblock], [securestring], [type], ErrorRecord, interfaces, static classes ([Math], [Convert],
// [Environment], [System.IO.Path]...) and the exception types usable in `catch [T]`.
import { castFailure, conversionError, toArrayOf, toHashtable, toList, toPSCustomObject } from './conversion.ts';
import { toEnum } from './conversion-scalars.ts';
import { ErrorCategoryEnum } from './builtin-enums.ts';
import { DotNetType, isPSType } from './dotnet-type.ts';
import type { PSType, StaticMethod } from './dotnet-type.ts';
import { PSList, PSReference, PSStringBuilder } from './dotnet-values.ts';
import { ErrorRecord, PSException } from './errors.ts';
import type { ErrorCategory } from './errors.ts';
import { argString, expectArgs, unwrapArg } from './method-support.ts';
import { NetRegex } from './regex-engine.ts';
import { dotNetError, METHOD_INVOCATION, RuntimeError } from './runtime-error.ts';
import { ScriptBlock } from './scriptblock.ts';
import { parseScript } from '../../grammar/parse.ts';
import { convertStatics, environmentStatics } from './static-convert.ts';
import { directoryStatics, fileStatics, pathStatics } from './static-io.ts';
import { mathStatics } from './static-numbers.ts';
import { regexStatics } from './static-text.ts';
import { arrayStatics, enumStatics } from './static-values.ts';
import { encodingStatics, PSEncoding } from './text-encoding.ts';
import { toPSString } from './to-string.ts';
import { isScriptBlock, registerGeneric, registerType, resolveType } from './types.ts';
import { AutomationNull, EnumValue, PSHashtable, PSObject, SecureString, TimeSpan, isEnumerable } from './values.ts';
import { PSGuid } from './dotnet-values.ts';

function staticClass(fullName: string, members: Record<string, () => unknown> = {}, methods: Record<string, StaticMethod> = {}): PSType {
  return new DotNetType({ fullName, isInstance: () => false, staticMembers: members, staticMethods: methods });
}

function listConstructor(elementType: PSType | undefined): StaticMethod {
  return (args) => {
    expectArgs('new', args, 0, 1);
    const v = unwrapArg(args[0]);
    if (args.length === 0 || typeof v === 'number') return PSList.create([], elementType);
    return toList(v, elementType, resolveType(elementType ? `System.Collections.Generic.List[${elementType.fullName}]` : 'System.Collections.ArrayList')!);
  };
}

const listTypes = new Map<PSType, PSType>();

function listType(element: PSType): PSType {
  let t = listTypes.get(element);
  if (!t) {
    const self: PSType = new DotNetType({
      fullName: `System.Collections.Generic.List[${element.fullName}]`,
      name: 'List`1',
      isInstance: (v) => v instanceof PSList && v.elementType === element,
      convert: (v) => toList(v, element, self),
      elementType: element,
      typeArguments: [element],
      staticMethods: { new: listConstructor(element) },
    });
    t = self;
    listTypes.set(element, t);
  }
  return t;
}

function installContainers(): void {
  registerType(
    new DotNetType({ fullName: 'System.Object', isInstance: (v) => v !== null && v !== undefined && v !== AutomationNull, keepPSObject: true, convert: (v) => v }),
    'object',
  );
  registerType(
    new DotNetType({ fullName: 'System.Management.Automation.PSObject', isInstance: (v) => v instanceof PSObject, keepPSObject: true, convert: (v) => v }),
    'psobject',
  );
  registerType(
    new DotNetType({
      fullName: 'System.Management.Automation.PSCustomObject',
      isInstance: (v) => v instanceof PSObject && v.baseObject === undefined,
      keepPSObject: true,
      convert: (v) => toPSCustomObject(v),
    }),
    'pscustomobject',
  );
  const hashtable: PSType = new DotNetType({
    fullName: 'System.Collections.Hashtable',
    isInstance: (v) => v instanceof PSHashtable && !v.ordered,
    convert: (v) => toHashtable(v, false, hashtable),
    staticMethods: { new: (args) => (expectArgs('new', args, 0, 1, 2), new PSHashtable()) },
  });
  registerType(hashtable, 'hashtable');
  const ordered: PSType = new DotNetType({
    fullName: 'System.Collections.Specialized.OrderedDictionary',
    isInstance: (v) => v instanceof PSHashtable && v.ordered,
    convert: (v) => toHashtable(v, true, ordered),
    staticMethods: { new: (args) => (expectArgs('new', args, 0, 1), new PSHashtable(true)) },
  });
  registerType(ordered, 'ordered');
  const object = resolveType('object')!;
  registerType(
    new DotNetType({
      fullName: 'System.Array',
      isInstance: (v) => (Array.isArray(v) && !(v instanceof PSList)) || v instanceof Uint8Array,
      convert: (v) => toArrayOf(v, object),
      staticMethods: arrayStatics.methods,
    }),
    'array',
  );
  const arrayList: PSType = new DotNetType({
    fullName: 'System.Collections.ArrayList',
    isInstance: (v) => v instanceof PSList && v.elementType === undefined,
    convert: (v) => toList(v, undefined, arrayList),
    staticMethods: { new: listConstructor(undefined) },
  });
  registerType(arrayList);
  registerGeneric('System.Collections.Generic.List', (args) => (args.length === 1 ? listType(args[0]) : undefined));
  const interfaces: [string, (v: unknown) => boolean][] = [
    ['System.Collections.IEnumerable', (v) => isEnumerable(v) || typeof v === 'string' || v instanceof PSHashtable],
    ['System.Collections.ICollection', (v) => isEnumerable(v) || v instanceof PSHashtable],
    ['System.Collections.IList', (v) => Array.isArray(v) || v instanceof Uint8Array],
    ['System.Collections.IDictionary', (v) => v instanceof PSHashtable],
    ['System.IComparable', (v) => ['string', 'number', 'bigint', 'boolean'].includes(typeof v) || v instanceof Date || v instanceof TimeSpan || v instanceof EnumValue],
    ['System.IFormattable', (v) => ['number', 'bigint'].includes(typeof v) || v instanceof Date || v instanceof TimeSpan || v instanceof EnumValue || v instanceof PSGuid],
  ];
  for (const [name, test] of interfaces) registerType(new DotNetType({ fullName: name, isInstance: test }));
  registerType(
    new DotNetType({
      fullName: 'System.ValueType',
      isInstance: (v) => ['number', 'bigint', 'boolean'].includes(typeof v) || v instanceof Date || v instanceof TimeSpan || v instanceof EnumValue || v instanceof PSGuid,
    }),
  );
  registerType(new DotNetType({ fullName: 'System.Enum', isInstance: (v) => v instanceof EnumValue, staticMethods: enumStatics.methods, baseTypeName: 'System.ValueType' }), 'enum');
}

function installLanguageTypes(): void {
  const regex: PSType = new DotNetType({
    fullName: 'System.Text.RegularExpressions.Regex',
    isInstance: (v) => v instanceof NetRegex,
    convert: (v) => {
      if (v instanceof NetRegex) return v;
      try {
        return new NetRegex(toPSString(v));
      } catch (e) {
        if (e instanceof RuntimeError) throw conversionError(v, regex, e.message, 'InvalidCastConstructorException');
        throw e;
      }
    },
    staticMethods: regexStatics,
  });
  registerType(regex, 'regex');
  registerType(
    new DotNetType({ fullName: 'System.Management.Automation.ScriptBlock', isInstance: isScriptBlock, staticMethods: { Create: createScriptBlock } }),
    'scriptblock',
  );
  registerType(new DotNetType({ fullName: 'System.Security.SecureString', isInstance: (v) => v instanceof SecureString }), 'securestring');
  registerType(
    new DotNetType({ fullName: 'System.Void', isInstance: () => false, convert: () => AutomationNull, fromNull: () => AutomationNull, isValueType: true }),
    'void',
  );
  registerType(
    new DotNetType({
      fullName: 'System.Management.Automation.PSReference',
      isInstance: (v) => v instanceof PSReference,
      convert: (v) => (v instanceof PSReference ? v : PSReference.box(v)),
      fromNull: () => PSReference.box(null),
    }),
    'ref',
  );
  const typeType: PSType = new DotNetType({
    fullName: 'System.Type',
    isInstance: isPSType,
    convert: (v) => {
      if (isPSType(v)) return v;
      const t = typeof v === 'string' ? resolveType(v) : undefined;
      if (!t) throw castFailure(v, typeType);
      return t;
    },
  });
  registerType(typeType, 'type');
  registerType(new DotNetType({ fullName: 'System.RuntimeType', isInstance: isPSType, baseTypeName: 'System.Type' }));
  registerType(
    new DotNetType({
      fullName: 'System.Text.StringBuilder',
      isInstance: (v) => v instanceof PSStringBuilder,
      convert: (v) => new PSStringBuilder(toPSString(v)),
      staticMethods: { new: (args) => (expectArgs('new', args, 0, 1, 2), new PSStringBuilder(typeof unwrapArg(args[0]) === 'string' ? (argString(args[0]) ?? '') : '')) },
    }),
  );
  registerType(
    new DotNetType({
      fullName: 'System.Management.Automation.ErrorRecord',
      isInstance: (v) => v instanceof ErrorRecord,
      staticMethods: {
        new: (args) => {
          expectArgs('new', args, 4);
          const ex = unwrapArg(args[0]);
          const exception = ex instanceof PSException ? ex : new PSException(toPSString(ex));
          const category = toEnum(args[2], ErrorCategoryEnum).toString() as ErrorCategory;
          return new ErrorRecord({ exception, errorId: argString(args[1]) ?? '', category, targetObject: unwrapArg(args[3]) });
        },
      },
    }),
  );
  // Engine objects that are PSObjects with the type's name among theirs ($PSCmdlet): for `-is` and typed parameters.
  for (const fullName of ['System.Management.Automation.PSCmdlet', 'System.Management.Automation.Cmdlet']) {
    registerType(new DotNetType({ fullName, isInstance: (v) => v instanceof PSObject && v.typeNames.includes(fullName), keepPSObject: true }));
  }
}

/** `[scriptblock]::Create($text)`: parse errors surface as the method's ParseException. */
const createScriptBlock: StaticMethod = (args) => {
  expectArgs('Create', args, 1);
  const text = argString(args[0]) ?? '';
  const parsed = parseScript(text);
  const problem = parsed.diagnostics[0];
  if (problem) {
    const { line, column } = problem.span;
    const sourceLine = text.split(/\r?\n/)[line - 1] ?? '';
    const where = `At line:${line} char:${column}\n+ ${sourceLine}\n+ ${' '.repeat(column - 1)}~\n${problem.message}`;
    const inner = dotNetError('System.Management.Automation.ParseException', where);
    throw new RuntimeError(`Exception calling "Create" with "1" argument(s): "${where}"`, 'ParseException', METHOD_INVOCATION, 'NotSpecified', inner);
  }
  return new ScriptBlock(parsed.ast, { text });
};

function installStaticClasses(): void {
  registerType(staticClass('System.Math', mathStatics.members, mathStatics.methods));
  registerType(staticClass('System.Convert', { DBNull: () => null }, convertStatics));
  registerType(staticClass('System.Environment', environmentStatics.members, environmentStatics.methods));
  registerType(staticClass('System.IO.Path', pathStatics.members, pathStatics.methods));
  registerType(staticClass('System.IO.File', {}, fileStatics));
  registerType(staticClass('System.IO.Directory', {}, directoryStatics));
  registerType(new DotNetType({ fullName: 'System.Text.Encoding', isInstance: (v) => v instanceof PSEncoding, staticMembers: encodingStatics.members, staticMethods: encodingStatics.methods }));
}

/** Exception types `catch [T]` and `throw [T]::new('message')` can name. */
export const EXCEPTION_TYPES = [
  'System.Exception',
  'System.SystemException',
  'System.ApplicationException',
  'System.ArgumentException',
  'System.ArgumentNullException',
  'System.ArgumentOutOfRangeException',
  'System.ArithmeticException',
  'System.DivideByZeroException',
  'System.OverflowException',
  'System.FormatException',
  'System.InvalidCastException',
  'System.InvalidOperationException',
  'System.NotSupportedException',
  'System.NotImplementedException',
  'System.NullReferenceException',
  'System.IndexOutOfRangeException',
  'System.TimeoutException',
  'System.UnauthorizedAccessException',
  'System.IO.IOException',
  'System.IO.FileNotFoundException',
  'System.IO.DirectoryNotFoundException',
  'System.Net.Sockets.SocketException',
  'System.Security.Cryptography.CryptographicException',
  'System.Collections.Generic.KeyNotFoundException',
  'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ParseException',
  'System.Management.Automation.IncompleteParseException',
  'System.Management.Automation.CommandNotFoundException',
  'System.Management.Automation.ParameterBindingException',
  'System.Management.Automation.ParameterBindingValidationException',
  'System.Management.Automation.ParameterBindingArgumentTransformationException',
  'System.Management.Automation.ItemNotFoundException',
  'System.Management.Automation.SessionStateException',
  'System.Management.Automation.DriveNotFoundException',
  'System.Management.Automation.PSInvalidCastException',
  'System.Management.Automation.PSArgumentException',
  'System.Management.Automation.PSArgumentOutOfRangeException',
  'System.Management.Automation.PSInvalidOperationException',
  'System.Management.Automation.PSNotSupportedException',
  'System.Management.Automation.ExtendedTypeSystemException',
  'System.Management.Automation.MethodException',
  'System.Management.Automation.MethodInvocationException',
  'System.Management.Automation.PipelineStoppedException',
  'System.Management.Automation.ActionPreferenceStopException',
  'System.Management.Automation.ValidationMetadataException',
  'System.Management.Automation.WildcardPatternException',
  'Microsoft.PowerShell.Commands.WriteErrorException',
];

function installExceptions(): void {
  for (const fullName of EXCEPTION_TYPES) {
    registerType(
      new DotNetType({
        fullName,
        isInstance: (v) => v instanceof PSException && v.isA(fullName),
        exceptionTypeName: fullName,
        baseTypeName: fullName === 'System.Exception' ? 'System.Object' : undefined,
        staticMethods: {
          new: (args) => {
            expectArgs('new', args, 0, 1, 2);
            const inner = unwrapArg(args[1]);
            const message = args.length ? argString(args[0]) ?? '' : `Exception of type '${fullName}' was thrown.`;
            return new PSException(message, fullName, inner instanceof PSException ? inner : undefined);
          },
        },
      }),
    );
  }
}

export function installObjectTypes(): void {
  installContainers();
  installLanguageTypes();
  installStaticClasses();
  installExceptions();
}

// Binder rules from reference/powershell.md §2, exercised on declared test cmdlets.
// Cases matched from PowerShell's tests: ParameterBinding.Tests.ps1 ('0123' | f → "0123 - 0"; 'abc' | f → 3),
// BooleanParameterDCR.Tests.ps1 (switch with :$false and numbers), Splatting.Tests.ps1 (explicit beats splat).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParameterBinder, type CommandArgument } from '../../src/pipeline/binder.ts';
import { BindingError } from '../../src/pipeline/binding-error.ts';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { CommandParameters } from '../../src/pipeline/parameter-metadata.ts';
import { EnumType, PSObject } from '../../src/runtime/values.ts';

const Services = new EnumType('Test.AllowedServices', { None: 0, IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16 }, true);

const testCmdlet = defineCmdlet({
  name: 'Test-Binding',
  synopsis: '',
  description: '',
  module: 'Test',
  defaultParameterSet: 'ByName',
  parameters: {
    Name: { type: 'string', position: 0, sets: ['ByName'], mandatory: true, description: '' },
    Thumbprint: { type: 'string', sets: ['ByThumb'], mandatory: true, valueFromPipelineByPropertyName: true, description: '' },
    Path: { type: 'string', position: 1, aliases: ['PSPath'], description: '' },
    Count: { type: 'int', description: '' },
    Values: { type: 'string[]', description: '' },
    Force: { type: 'switch', description: '' },
    Enabled: { type: 'bool', description: '' },
    Services: { type: Services, description: '' },
    Verbosity: { type: 'string', validateSet: ['Low', 'High'], description: '' },
  },
  supportsShouldProcess: true,
  examples: [],
});

function bind(args: CommandArgument[]): ParameterBinder {
  const b = new ParameterBinder(new CommandParameters(testCmdlet, 'Test-Binding'));
  b.bindCommandLine(args);
  return b;
}
const named = (name: string, value?: unknown): CommandArgument =>
  value === undefined ? { kind: 'parameter', name, usedColon: false } : { kind: 'parameter', name, value, usedColon: true };
const pos = (value: unknown): CommandArgument => ({ kind: 'positional', value });

function bindingError(fn: () => void): BindingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BindingError) return e;
    throw e;
  }
  assert.fail('expected a binding error');
}

describe('named parameters', () => {
  it('matches case-insensitive prefixes and takes the next argument as the value', () => {
    const b = bind([named('na'), pos('x'), named('PATH'), pos('c:\\a')]);
    assert.equal(b.bound.get('Name'), 'x');
    assert.equal(b.bound.get('Path'), 'c:\\a');
  });

  it('accepts -Name:value and aliases', () => {
    const b = bind([named('Name', 'x'), named('PSPath', 'p')]);
    assert.equal(b.bound.get('Path'), 'p');
  });

  it('reports an ambiguous prefix with the canonical names', () => {
    const e = bindingError(() => bind([named('V'), pos('x')]));
    assert.equal(e.errorId, 'AmbiguousParameter');
    assert.equal(e.message, "Parameter cannot be processed because the parameter name 'V' is ambiguous. Possible matches include: -Values -Verbosity.");
  });

  it('prefers a declared parameter over a common one with the same prefix', () => {
    const b = bind([named('Name', 'x'), named('P'), pos('here')]);
    assert.equal(b.bound.get('Path'), 'here');
  });

  it('reports an unknown parameter in PowerShell wording', () => {
    const e = bindingError(() => bind([named('Nope'), pos('x')]));
    assert.equal(e.errorId, 'NamedParameterNotFound');
    assert.equal(e.message, "A parameter cannot be found that matches parameter name 'Nope'.");
  });

  it('reports a missing argument with the full type name', () => {
    const e = bindingError(() => bind([named('Path')]));
    assert.equal(e.errorId, 'MissingArgument');
    assert.equal(e.message, "Missing an argument for parameter 'Path'. Specify a parameter of type 'System.String' and try again.");
  });

  it('refuses a parameter given twice', () => {
    const e = bindingError(() => bind([named('Name', 'a'), named('Name', 'b')]));
    assert.equal(e.errorId, 'ParameterAlreadyBound');
  });
});

describe('switches and booleans', () => {
  it('binds a present switch as true and -Switch:$false as false', () => {
    assert.equal(bind([pos('x'), named('Force')]).bound.get('Force'), true);
    assert.equal(bind([pos('x'), named('Force', false)]).bound.get('Force'), false);
    assert.equal(bind([pos('x'), named('Force', 0)]).bound.get('Force'), false);
  });

  it('does not bind a following $false to a switch', () => {
    const e = bindingError(() => bind([named('Name', 'x'), named('Force'), pos(false), pos('y'), pos('z')]));
    assert.equal(e.errorId, 'PositionalParameterNotFound');
  });

  it('takes $true, $false and numbers for bool parameters, and refuses strings', () => {
    assert.equal(bind([pos('x'), named('Enabled', 1)]).bound.get('Enabled'), true);
    const e = bindingError(() => bind([pos('x'), named('Enabled', 'yes')]));
    assert.match(e.message, /Boolean parameters accept only Boolean values and numbers, such as \$True, \$False, 1 or 0\./);
  });
});

describe('positional binding and coercion', () => {
  it('binds positions in order, skipping parameters bound by name', () => {
    const b = bind([named('Name', 'n'), pos('second')]);
    assert.equal(b.bound.get('Path'), 'second');
  });

  it('reports a leftover positional argument', () => {
    const e = bindingError(() => bind([pos('a'), pos('b'), pos('c')]));
    assert.equal(e.message, "A positional parameter cannot be found that accepts argument 'c'.");
  });

  it('converts strings to numbers and reports a bad conversion', () => {
    assert.equal(bind([pos('x'), named('Count', '42')]).bound.get('Count'), 42);
    const e = bindingError(() => bind([pos('x'), named('Count', 'abc')]));
    assert.equal(e.errorId, 'CannotConvertArgumentNoMessage');
    assert.match(e.message, /^Cannot bind parameter 'Count'\. Cannot convert value "abc" to type "System\.Int32"/);
  });

  it('wraps a scalar into a one-element array', () => {
    assert.deepEqual(bind([pos('x'), named('Values', 'one')]).bound.get('Values'), ['one']);
  });

  it('converts flags enums from comma lists', () => {
    assert.equal(bind([pos('x'), named('Services', 'SMTP')]).bound.get('Services'), 16);
    assert.equal(bind([pos('x'), named('Services', ['IMAP', 'POP'])]).bound.get('Services'), 3);
    assert.equal(bind([pos('x'), named('Services', 'imap, smtp')]).bound.get('Services'), 17);
    const e = bindingError(() => bind([pos('x'), named('Services', 'FTP')]));
    assert.match(e.message, /^Cannot bind parameter 'Services'\. Cannot convert value "FTP" to type "Test\.AllowedServices"/);
  });

  it('validates ValidateSet values case-insensitively with the PowerShell message', () => {
    assert.equal(bind([pos('x'), named('Verbosity', 'high')]).bound.get('Verbosity'), 'high');
    const e = bindingError(() => bind([pos('x'), named('Verbosity', 'Max')]));
    assert.equal(e.errorId, 'ParameterArgumentValidationError');
    assert.equal(
      e.message,
      `Cannot validate argument on parameter 'Verbosity'. The argument "Max" does not belong to the set "Low,High" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
    );
  });
});

describe('splatting', () => {
  it('lets explicit arguments win over splatted ones', () => {
    const b = bind([
      { kind: 'parameter', name: 'Path', value: 'splatted', usedColon: true, fromSplat: true },
      named('Path', 'explicit'),
      pos('n'),
    ]);
    assert.equal(b.bound.get('Path'), 'explicit');
  });
});

describe('parameter sets and mandatory parameters', () => {
  it('picks the default set when nothing decides', () => {
    const b = bind([pos('x')]);
    assert.equal(b.resolveParameterSet(false), 'ByName');
  });

  it('picks the set of a parameter bound by name', () => {
    const b = bind([named('Thumbprint', 'AB')]);
    assert.equal(b.resolveParameterSet(false), 'ByThumb');
  });

  it('reports an ambiguous set when parameters of two sets are given', () => {
    const b = bind([named('Thumbprint', 'AB'), named('Name', 'x')]);
    const e = bindingError(() => b.resolveParameterSet(false));
    assert.equal(e.errorId, 'AmbiguousParameterSet');
  });

  it('lists missing mandatory parameters, excusing pipeline-fed ones while input is expected', () => {
    const b = bind([named('Path', 'p')]);
    assert.deepEqual(b.missingMandatory('ByName', false).map((p) => p.name), ['Name']);
    assert.deepEqual(b.missingMandatory('ByThumb', true).map((p) => p.name), []);
  });
});

describe('pipeline binding', () => {
  it('binds by property name from PSObjects, per object', () => {
    const b = bind([]);
    assert.equal(b.bindPipelineObject(PSObject.from({ Thumbprint: 'AB12' })), true);
    assert.equal(b.bound.get('Thumbprint'), 'AB12');
    assert.equal(b.bindPipelineObject(PSObject.from({ Thumbprint: 'CD34' })), true);
    assert.equal(b.bound.get('Thumbprint'), 'CD34');
    assert.equal(b.bindPipelineObject('plain string'), false);
  });

  const byValue = defineCmdlet({
    name: 'Test-Pipe',
    synopsis: '',
    description: '',
    module: 'Test',
    defaultParameterSet: 'one',
    parameters: {
      Parameter1: { type: 'string', sets: ['one'], valueFromPipeline: true, description: '' },
      Length: { type: 'int', sets: ['two'], valueFromPipelineByPropertyName: true, description: '' },
    },
    examples: [],
  });

  it('prefers ValueFromPipeline without coercion (PowerShell: \'0123\' | f → "0123 - 0")', () => {
    const b = new ParameterBinder(new CommandParameters(byValue, 'Test-Pipe'));
    b.bindCommandLine([]);
    assert.equal(b.bindPipelineObject('0123'), true);
    assert.equal(b.bound.get('Parameter1'), '0123');
    assert.equal(b.bound.has('Length'), false);
  });
});

// displayString: how one value reads in a table cell or list entry (PSObjectHelper.SmartToString).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectionItemName, displayString, dotNetToString } from '../../src/format/display-string.ts';
import { EnumType, PSObject, SecureString, TimeSpan } from '../../src/runtime/values.ts';
import { hashtable, obj, typed } from './helpers.ts';

test('collections: braces, ", " between items, cut after $FormatEnumerationLimit with an ellipsis', () => {
  assert.equal(displayString([1, 2, 3, 4]), '{1, 2, 3, 4}');
  assert.equal(displayString([1, 2, 3, 4, 5]), '{1, 2, 3, 4...}');
  assert.equal(displayString([1, 2, 3, 4, 5], { dialect: 'Core' }), '{1, 2, 3, 4\u2026}');
  assert.equal(displayString([1, 2], { enumerationLimit: 1 }), '{1...}');
  assert.equal(displayString([1, 2], { enumerationLimit: 2 }), '{1, 2}');
  assert.equal(displayString([1, 2], { enumerationLimit: 0 }), '{...}');
  const fifty = Array.from({ length: 50 }, (_, i) => i);
  assert.equal(displayString(fifty, { enumerationLimit: -1 }), `{${fifty.join(', ')}}`);
  assert.equal(displayString([]), '{}');
  assert.equal(displayString(new Uint8Array([1, 255])), '{1, 255}');
});

test('PS 5.1 sample: PSCompatibleVersions {1.0, 2.0, 3.0, 4.0...}', () => {
  assert.equal(displayString(['1.0', '2.0', '3.0', '4.0', '5.0', '5.1']), '{1.0, 2.0, 3.0, 4.0...}');
});

test('items: $null, custom objects as @{...}, named objects by their Name, arrays by type name', () => {
  assert.equal(displayString([null, 'a']), '{$null, a}');
  assert.equal(displayString([obj({ a: 1 }), obj({ a: 2 })]), '{@{a=1}, @{a=2}}');
  assert.equal(displayString([typed('Contoso.Server', { Name: 'EDGE01', Role: 'Edge' })]), '{EDGE01}');
  assert.equal(displayString([typed('Contoso.Rule', { RuleId: 7 })]), '{7}');
  assert.equal(displayString([typed('System.Security.AccessControl.CryptoKeyAccessRule', {})]), '{System.Security.AccessControl.CryptoKeyAccessRule}');
  assert.equal(displayString([1, [2, 3]]), '{1, System.Object[]}');
  assert.equal(collectionItemName(true), 'True');
});

test('a hashtable shows its keys', () => {
  assert.equal(displayString(hashtable({ Name: 'x', Path: 'y' })), '{Name, Path}');
});

test('scalars: numbers as is, booleans True/False, null empty, enums by name, flags joined', () => {
  assert.equal(displayString(42), '42');
  assert.equal(displayString(0.1 + 0.2), '0.3');
  assert.equal(displayString(true), 'True');
  assert.equal(displayString(false), 'False');
  assert.equal(displayString(null), '');
  assert.equal(displayString(undefined), '');
  const Services = new EnumType('AllowedServices', { None: 0, IMAP: 1, POP: 2, IIS: 8, SMTP: 16 }, true);
  assert.equal(displayString(Services.value(1 | 2 | 8 | 16)), 'IMAP, POP, IIS, SMTP');
  assert.equal(displayString(new SecureString('secret')), 'System.Security.SecureString');
});

test('dates in en-US general format; time spans as d.hh:mm:ss', () => {
  assert.equal(displayString(new Date(2026, 10, 27, 18, 10, 17)), '11/27/2026 6:10:17 PM');
  assert.equal(displayString(new Date(2026, 0, 5, 0, 3, 9)), '1/5/2026 12:03:09 AM');
  assert.equal(displayString(TimeSpan.fromParts(7, 0, 0, 0)), '7.00:00:00');
  assert.equal(displayString(TimeSpan.fromParts(0, 0, 10, 0)), '00:10:00');
});

test('nested objects: custom objects as @{...}, typed objects by their ToString', () => {
  assert.equal(displayString(obj({ b: 1, c: 'x' })), '@{b=1; c=x}');
  assert.equal(displayString(typed('Contoso.Thing', { Name: 'n' })), 'Contoso.Thing');
  const withToString = typed('Contoso.Address', { Host: 'mail' });
  withToString.defineMethod({ name: 'ToString', invoke: () => 'mail:25' });
  assert.equal(displayString(withToString), 'mail:25');
  assert.equal(displayString(new PSObject(['System.String'], 'wrapped')), 'wrapped');
});

test('dotNetToString differs from [string]: arrays and hashtables give their type names', () => {
  assert.equal(dotNetToString([1, 2]), 'System.Object[]');
  assert.equal(dotNetToString(hashtable({})), 'System.Collections.Hashtable');
  assert.equal(dotNetToString(new Date(2026, 10, 27, 9, 5, 0)), '11/27/2026 9:05:00 AM');
});

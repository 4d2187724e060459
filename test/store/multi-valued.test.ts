import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMultiValued, mapMultiValued, toMultiValuedUpdate } from '../../src/store/multi-valued.ts';
import { assertStoreError } from './helpers.ts';

const current = ['woodgrovebank.com', 'fabrikam.com'];

test('a plain list replaces the whole value (the walkthrough\'s warning)', () => {
  assert.deepEqual(applyMultiValued(current, ['contoso.org']), ['contoso.org']);
  assert.deepEqual(applyMultiValued(current, []), []);
});

test('Add and Remove change entries and keep the others', () => {
  assert.deepEqual(applyMultiValued(current, { add: ['tailspintoys.com'] }), ['woodgrovebank.com', 'fabrikam.com', 'tailspintoys.com']);
  assert.deepEqual(applyMultiValued(current, { remove: ['FABRIKAM.com'] }), ['woodgrovebank.com']);
  assert.deepEqual(applyMultiValued(current, { add: ['a.com'], remove: ['woodgrovebank.com'] }), ['fabrikam.com', 'a.com']);
  assert.deepEqual(applyMultiValued(current, { remove: ['not-there.com'] }), current, 'removing a missing value is harmless');
});

test('duplicates are dropped case-insensitively, or by a custom key', () => {
  assert.deepEqual(applyMultiValued(current, { add: ['WoodgroveBank.com'] }), current);
  assert.deepEqual(applyMultiValued([], ['a.com', 'A.COM', 'b.com']), ['a.com', 'b.com']);
  assert.deepEqual(applyMultiValued(['SMTP:*;1'], { add: ['SMTP:*;5'] }, { key: (v) => v.split(';')[0]! }), ['SMTP:*;1']);
});

test('what a cmdlet parameter receives becomes an update', async () => {
  assert.deepEqual(toMultiValuedUpdate('woodgrovebank.com'), ['woodgrovebank.com']);
  assert.deepEqual(toMultiValuedUpdate(null), []);
  assert.deepEqual(toMultiValuedUpdate(['a', 'b']), ['a', 'b']);
  assert.deepEqual(toMultiValuedUpdate({ Add: 'a.com', REMOVE: ['b.com'] }), { add: ['a.com'], remove: ['b.com'] });
  assert.deepEqual(toMultiValuedUpdate(new Map([['add', ['x']]])), { add: ['x'] });
  await assertStoreError(() => toMultiValuedUpdate({ Append: 'a.com' }), /takes the keys Add and Remove only, not 'Append'/, 'InvalidMultiValuedUpdate');
});

test('mapMultiValued keeps the shape of the update', () => {
  assert.deepEqual(mapMultiValued({ add: ['a'] }, (v) => v.toUpperCase()), { add: ['A'] });
  assert.deepEqual(mapMultiValued(['a', 'b'], (v) => v.toUpperCase()), ['A', 'B']);
});

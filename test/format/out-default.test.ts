// Out-Default / Out-String: view selection per object and the streaming writer. Cases marked "PS:"
// match test/powershell/Modules/Microsoft.PowerShell.Utility/Out-String.Tests.ps1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDefault, OutDefaultWriter } from '../../src/format/out-default.ts';
import { registerView, unregisterViews } from '../../src/format/views.ts';
import { errorRecord } from '../../src/runtime/errors.ts';
import { AutomationNull, PSObject, TimeSpan } from '../../src/runtime/values.ts';
import { hashtable, obj, text, typed } from './helpers.ts';

const W = 120;

test('PS: strings print one per line, as they are', () => {
  assert.equal(formatDefault(['a', ' b'], { width: W }), 'a\n b\n');
});

test('scalars print as their strings; $null and AutomationNull print nothing; "" prints an empty line', () => {
  assert.equal(formatDefault([1, 2.5, true, 'x\ny'], { width: W }), '1\n2.5\nTrue\nx\ny\n');
  assert.equal(formatDefault([null, AutomationNull, undefined], { width: W }), '');
  assert.equal(formatDefault([''], { width: W }), '\n');
});

test('arrays print one element per line; nested arrays are flattened', () => {
  assert.equal(formatDefault([[1, 2], 3], { width: W }), '1\n2\n3\n');
  assert.equal(formatDefault([[1, [2, [3, 4]]]], { width: W }), '1\n2\n3\n4\n');
  assert.equal(formatDefault([[1, null, 2]], { width: W }), '1\n2\n');
});

test('a PSObject wrapping an array is enumerated like the array', () => {
  assert.equal(formatDefault([new PSObject(['System.Object[]', 'System.Array', 'System.Object'], ['a', 'b'])], { width: W }), 'a\nb\n');
});

test('a hashtable prints as the Name/Value table', () => {
  const name = (s: string) => s.padEnd(31);
  assert.equal(
    formatDefault([hashtable({ PSVersion: '5.1.15063.483', PSCompatibleVersions: ['1.0', '2.0', '3.0', '4.0', '5.0'] })], { width: W }),
    text('', `${name('Name')}Value`, `${name('----')}-----`, `${name('PSVersion')}5.1.15063.483`, `${name('PSCompatibleVersions')}{1.0, 2.0, 3.0, 4.0...}`, '', ''),
  );
});

test('up to four properties: a table; five or more: a list', () => {
  assert.equal(formatDefault([obj({ a: 1, b: 2, c: 3, d: 4 })], { width: W }), text('', 'a b c d', '- - - -', '1 2 3 4', '', ''));
  assert.equal(
    formatDefault([obj({ a: 1, b: 2, c: 3, d: 4, e: 5 })], { width: W }),
    text('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', '', '', ''),
  );
  assert.equal(
    formatDefault([obj({ a: 1, b: 2, c: 3, d: 4, e: 5 })], { width: W, dialect: 'Core' }),
    text('', 'a : 1', 'b : 2', 'c : 3', 'd : 4', 'e : 5', '', ''),
  );
});

test('the default display property set decides the shape and the columns', () => {
  const o = obj({ Name: 'Inet', Bindings: '0.0.0.0:25', Fqdn: 'edge.contoso.com', Enabled: true, MaxMessageSize: '10 MB', Banner: null });
  o.defaultDisplayProperties = ['Name', 'Bindings', 'Enabled'];
  assert.equal(
    formatDefault([o], { width: W }),
    text('', 'Name Bindings   Enabled', '---- --------   -------', 'Inet 0.0.0.0:25    True', '', ''),
  );
});

test('consecutive objects share the first one\'s table; strings in between stay in order', () => {
  const out = formatDefault([obj({ a: 'x', b: 1 }), 'note', obj({ a: 'yy', b: 22 })], { width: W });
  assert.equal(out, text('', 'a   b', '-   -', 'x   1', 'note', 'yy 22', '', ''));
});

test('a registered table view is the default view; other types after it are shown as lists', () => {
  const TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate';
  unregisterViews(TYPE);
  registerView(TYPE, {
    kind: 'table',
    columns: [
      { label: 'Thumbprint', expression: 'Thumbprint', width: 41 },
      { label: 'Services', expression: 'ServicesStringForm', width: 10 },
      'Subject',
    ],
  });
  const cert = (t: string, s: string, subject: string) => typed(TYPE, { Thumbprint: t, ServicesStringForm: s, Subject: subject, HasPrivateKey: true, Status: 'Valid' });
  const out = formatDefault(
    [cert('0271A7F1CA9AD8A27152CCAE044F968F068B14B8', 'IP.WS', 'CN=EDGE01'), cert('B8FFF722AAF9E4CFA055581061F6020C70BAC8AF', '....S', 'CN=mail.contoso.com'), obj({ Other: 1 })],
    { width: W },
  );
  assert.equal(
    out,
    text(
      '',
      'Thumbprint                                Services   Subject',
      '----------                                --------   -------',
      '0271A7F1CA9AD8A27152CCAE044F968F068B14B8  IP.WS      CN=EDGE01',
      'B8FFF722AAF9E4CFA055581061F6020C70BAC8AF  ....S      CN=mail.contoso.com',
      '',
      'Other : 1',
      '',
      '',
      '',
    ),
  );
  unregisterViews(TYPE);
});

test('DateTime prints its long form; TimeSpan prints its list view', () => {
  assert.equal(formatDefault([new Date(2026, 10, 27, 18, 10, 17)], { width: W }), '\nFriday, November 27, 2026 6:10:17 PM\n\n');
  assert.equal(
    formatDefault([TimeSpan.fromParts(1, 2, 3, 4, 5)], { width: W, dialect: 'Core' }),
    text(
      '',
      'Days              : 1',
      'Hours             : 2',
      'Minutes           : 3',
      'Seconds           : 4',
      'Milliseconds      : 5',
      'Ticks             : 937840050000',
      'TotalDays         : 1.08546302083333',
      'TotalHours        : 26.0511125',
      'TotalMinutes      : 1563.06675',
      'TotalSeconds      : 93784.005',
      'TotalMilliseconds : 93784005',
      '',
      '',
    ),
  );
});

test('error records in the output use the error view', () => {
  const err = errorRecord('boom', 'boom', 'OperationStopped', { targetObject: 'boom' });
  assert.equal(
    formatDefault([err], { width: W, dialect: 'Core' }),
    'Exception: boom\n',
  );
});

test('a property-less object prints its ToString()', () => {
  assert.equal(formatDefault([new PSObject()], { width: W }), '@{}\n');
  const bare = new PSObject(['Contoso.Marker']);
  assert.equal(formatDefault([bare], { width: W }), 'Contoso.Marker\n');
});

test('streaming: scalars print at once; table rows wait for the auto-size window', () => {
  let now = 1000;
  const w = new OutDefaultWriter({ width: W }, { now: () => now });
  assert.equal(w.write('first'), 'first\n');
  assert.equal(w.write(obj({ Name: 'a', Size: 1 })), '\n');
  now += 100;
  assert.equal(w.write(obj({ Name: 'bbbbbb', Size: 22 })), '');
  now += 250;
  assert.equal(
    w.write(obj({ Name: 'c', Size: 3 })),
    text('Name   Size', '----   ----', 'a         1', 'bbbbbb   22', 'c         3', ''),
  );
  // Later rows keep the widths found in the window: longer values are cut.
  assert.equal(w.write(obj({ Name: 'a much longer name', Size: 4 })), 'a m...    4\n');
  assert.equal(w.end(), '\n');
});

test('streaming: flushPending releases held rows; end() closes with the trailing blank lines', () => {
  const w = new OutDefaultWriter({ width: W }, { now: () => 0 });
  assert.equal(w.write(obj({ k: 'v' })), '\n');
  assert.equal(w.flushPending(), 'k\n-\nv\n');
  assert.equal(w.write(obj({ k: 'w' })), 'w\n');
  assert.equal(w.end(), '\n');
  assert.equal(w.end(), '');
});

test('streaming a large range prints progressively', () => {
  const w = new OutDefaultWriter({ width: W });
  let printed = '';
  for (let i = 1; i <= 3; i++) printed += w.write(i);
  assert.equal(printed, '1\n2\n3\n');
  assert.equal(w.end(), '');
});

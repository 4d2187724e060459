// Format-List layouts, byte-exact. Cases marked "PS:" match expectations in PowerShell's
// test/powershell/Modules/Microsoft.PowerShell.Utility/Format-List.Tests.ps1; the Desktop dialect adds
// Windows PowerShell's extra blank line at the end (removed in PowerShell 7.4, PR #18185).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatList } from '../../src/format/format-commands.ts';
import { registerView, unregisterViews } from '../../src/format/views.ts';
import { EnumType } from '../../src/runtime/values.ts';
import { DayOfWeek, hashtable, obj, text, typed } from './helpers.ts';

const W = 120;

test('PS: one property: blank line, entry, blank line (plus one more in Desktop)', () => {
  const o = obj({ testName: 'testValue' });
  assert.equal(formatList([o], { width: W, dialect: 'Core' }), '\ntestName : testValue\n\n');
  assert.equal(formatList([o], { width: W }), '\ntestName : testValue\n\n\n');
});

test('PS: labels padded to the longest name; floats shown in full', () => {
  const o = obj({ double: 1234.56789, float: 9876.543, decimal: 4567.123456789 });
  assert.equal(
    formatList([o], { width: W, dialect: 'Core' }),
    text('', 'double  : 1234.56789', 'float   : 9876.543', 'decimal : 4567.123456789', '', ''),
  );
});

test('PS: double-byte labels are padded by cells', () => {
  const o = obj({ '\u54c7': '62', dbda: 'KM', '\u6d88\u606f': '\u5343' });
  assert.equal(
    formatList([o], { width: W, dialect: 'Core' }),
    text('', '\u54c7   : 62', 'dbda : KM', '\u6d88\u606f : \u5343', '', ''),
  );
});

test('PS: several objects of one or different shapes, each with its own labels', () => {
  const out = formatList(
    [typed('TestClass', { Name: 'name1', Length: 1 }), typed('TestClass2', { Name: 'name2', Value: 'value2', Length: 2 }), typed('TestClass', { Name: 'name3', Length: 3 })],
    { width: W },
  );
  assert.equal(
    out,
    text('', 'Name   : name1', 'Length : 1', '', 'Name   : name2', 'Value  : value2', 'Length : 2', '', 'Name   : name3', 'Length : 3', '', '', ''),
  );
});

test('PS: hashtable entries as Name/Value lists, collections and enums inside', () => {
  const h = hashtable({ intArray: [1, 2, 3, 4], arrayList: ['string1', 'string2'], enumerable: DayOfWeek.value(0) });
  assert.equal(
    formatList([h], { width: W }),
    text(
      '',
      'Name  : intArray', 'Value : {1, 2, 3, 4}', '',
      'Name  : arrayList', 'Value : {string1, string2}', '',
      'Name  : enumerable', 'Value : Sun', '', '', '',
    ),
  );
  const big = hashtable({ array: Array.from({ length: 256 }, (_, i) => i) });
  assert.equal(formatList([big], { width: W, dialect: 'Core' }), text('', 'Name  : array', 'Value : {0, 1, 2, 3\u2026}', '', ''));
});

test('PS: -Property names an object lacks are dropped; nothing but blank lines is left', () => {
  for (const input of ['single line string', 'Line1\nLine2', ['Line1', 'Line2']]) {
    const out = formatList([input], { width: W, properties: ['foo', 'bar'], force: true });
    assert.equal(out.trim(), '');
  }
  assert.equal(formatList([null], { width: W, properties: ['foo', 'bar'], force: true }), '');
  assert.equal(formatList([hashtable({})], { width: W, properties: ['foo', 'bar'], force: true }), '');
});

test('-Property: chosen names, wildcards and calculated properties, in the order given', () => {
  const o = obj({ Name: 'Inet', Bindings: ['0.0.0.0:25'], Fqdn: 'mail.contoso.com', Enabled: true });
  assert.equal(
    formatList([o], { width: W, dialect: 'Core', properties: ['Fqdn', 'B*', { label: 'Up', expression: (x) => (x as typeof o).getProperty('Enabled') }] }),
    text('', 'Fqdn     : mail.contoso.com', 'Bindings : {0.0.0.0:25}', 'Up       : True', '', ''),
  );
});

test('multi-line values: continuation lines indented by label width + 3', () => {
  const o = obj({ Id: 1, Banner: '220 ready\nsecond line' });
  assert.equal(formatList([o], { width: W, dialect: 'Core' }), text('', 'Id     : 1', 'Banner : 220 ready', '         second line', '', ''));
});

test('long values wrap at the width, at blanks, with the same indent (words keep their blank)', () => {
  const o = obj({ Description: 'The quick brown fox jumps over the lazy dog' });
  assert.equal(
    formatList([o], { width: 30, dialect: 'Core' }),
    text('', 'Description : The quick brown ', '              fox jumps over ', '              the lazy dog', '', ''),
  );
  const token = obj({ Thumbprint: '0271A7F1CA9AD8A27152CCAE044F968F068B14B8' });
  assert.equal(
    formatList([token], { width: 30, dialect: 'Core' }),
    text('', 'Thumbprint : 0271A7F1CA9AD8A27', '             152CCAE044F968F06', '             8B14B8', '', ''),
  );
});

test('labels longer than the screen allows are clipped', () => {
  const o = obj({ VeryLongLabelName: 'v' });
  assert.equal(formatList([o], { width: 12, dialect: 'Core' }), text('', 'VeryLong : v', '', ''));
});

test('null values leave the label and separator', () => {
  assert.equal(formatList([obj({ a: null, b: '' })], { width: W, dialect: 'Core' }), text('', 'a : ', 'b : ', '', ''));
});

test('a registered list view (Exchange certificate) is used; `*` shows every property', () => {
  const TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate';
  const Services = new EnumType('Microsoft.Exchange.Management.Metabase.AllowedServices', { None: 0, IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16 }, true);
  const listed = [
    'AccessRules', 'CertificateDomains', 'HasPrivateKey', 'IsSelfSigned', 'Issuer', 'NotAfter', 'NotBefore',
    'PublicKeySize', 'RootCAType', 'SerialNumber', 'Services', 'Status', 'Subject', 'Thumbprint',
  ];
  unregisterViews(TYPE);
  registerView(TYPE, { kind: 'list', properties: listed });
  const cert = typed(TYPE, {
    AccessRules: [typed('System.Security.AccessControl.CryptoKeyAccessRule', {}), typed('System.Security.AccessControl.CryptoKeyAccessRule', {})],
    CertificateDomains: ['mail.contoso.com', 'contoso.com'],
    FriendlyName: 'Microsoft Exchange',
    HasPrivateKey: true,
    IsSelfSigned: false,
    Issuer: 'CN=Contoso Lab CA, O=Contoso, C=US',
    NotAfter: new Date(2017, 8, 13, 17, 26, 1),
    NotBefore: new Date(2012, 9, 9, 17, 26, 1),
    PrivateKeyExportable: false,
    PublicKeySize: 2048,
    RootCAType: 'ThirdParty',
    SerialNumber: '310196A39840EB964D5E2FD29D3B431C',
    Services: Services.value(16),
    Status: 'Valid',
    Subject: 'CN=mail.contoso.com',
    Thumbprint: '8BB44C52F03EF30AEAB27528A1019F0887A7A383',
  });
  assert.equal(
    formatList([cert], { width: 200 }),
    text(
      '',
      'AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule, System.Security.AccessControl.CryptoKeyAccessRule}',
      'CertificateDomains : {mail.contoso.com, contoso.com}',
      'HasPrivateKey      : True',
      'IsSelfSigned       : False',
      'Issuer             : CN=Contoso Lab CA, O=Contoso, C=US',
      'NotAfter           : 9/13/2017 5:26:01 PM',
      'NotBefore          : 10/9/2012 5:26:01 PM',
      'PublicKeySize      : 2048',
      'RootCAType         : ThirdParty',
      'SerialNumber       : 310196A39840EB964D5E2FD29D3B431C',
      'Services           : SMTP',
      'Status             : Valid',
      'Subject            : CN=mail.contoso.com',
      'Thumbprint         : 8BB44C52F03EF30AEAB27528A1019F0887A7A383',
      '', '', '',
    ),
  );
  // At 120 columns the AccessRules value wraps at its blank, under the value column.
  assert.match(formatList([cert], { width: W }), /\nAccessRules        : \{System\.Security\.AccessControl\.CryptoKeyAccessRule, \n {21}System\./);
  const all = formatList([cert], { width: 200, properties: ['*'] });
  assert.match(all, /\nFriendlyName {9}: Microsoft Exchange\n/);
  assert.match(all, /\nPrivateKeyExportable : False\n/);
  assert.equal(all.split('\n').filter((l) => l.includes(' : ')).length, 16);
  unregisterViews(TYPE);
});

test('objects a registered list view does not cover are shown as their own list', () => {
  const TYPE = 'Test.ListOnly';
  unregisterViews(TYPE);
  registerView(TYPE, { kind: 'list', properties: ['A'] });
  const out = formatList([typed(TYPE, { A: 1, B: 2 }), obj({ X: 'x', Y: 'y' })], { width: W, dialect: 'Core' });
  assert.equal(out, text('', 'A : 1', '', '', 'X : x', 'Y : y', '', ''));
  unregisterViews(TYPE);
});

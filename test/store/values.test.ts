import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressSpaceMatches, canonicalAddressSpace, parseAddressSpace } from '../../src/store/address-space.ts';
import { canonicalBinding, parseBinding } from '../../src/store/binding.ts';
import { AUTH_MECHANISMS, parseEnum, parseFlags, PROTOCOL_LOGGING_LEVELS } from '../../src/store/flags.ts';
import { ipRangeContains, parseIpRange } from '../../src/store/ip-range.ts';
import { describeByteSize, parseByteSize, parseCount, parseTimeSpan, timeSpanSeconds } from '../../src/store/quantities.ts';
import { domainMatchesPattern, parseSmtpAddress, parseSmtpDomain, parseSmtpDomainWithSubdomains } from '../../src/store/smtp-domain.ts';
import { assertStoreError } from './helpers.ts';

test('SmtpDomain accepts host names and refuses wildcards and junk with Exchange\'s text', async () => {
  assert.equal(parseSmtpDomain(' WoodgroveBank.com '), 'WoodgroveBank.com');
  assert.equal(parseSmtpDomain('localhost'), 'localhost');
  for (const bad of ['*.woodgrovebank.com', '*', 'woodgrove bank.com', 'a..b', '-x.com', '', 'x.com.']) {
    await assertStoreError(() => parseSmtpDomain(bad), `"${bad}" isn't a valid SMTP domain.`, 'InvalidSmtpDomainName');
  }
});

test('SmtpDomainWithSubdomains: *.x is fine, *x is not, * only where allowed', async () => {
  assert.equal(parseSmtpDomainWithSubdomains('*.contoso.com', { allowStar: false }), '*.contoso.com');
  assert.equal(parseSmtpDomainWithSubdomains('*', { allowStar: true }), '*');
  await assertStoreError(() => parseSmtpDomainWithSubdomains('*contoso.com', { allowStar: true }), "The wildcard '*' should be followed by a '.' for the domain", 'InvalidSmtpDomainWildcard');
  await assertStoreError(
    () => parseSmtpDomainWithSubdomains('*', { allowStar: false, propertyName: 'DomainName' }),
    `You can't specify the SmtpDomainWithSubdomains for property value "DomainName" to be '*'.`,
    'StarDomainNotAllowed',
  );
  assert.ok(domainMatchesPattern('*.contoso.com', 'mail.CONTOSO.com'));
  assert.ok(domainMatchesPattern('*.contoso.com', 'contoso.com'));
  assert.ok(!domainMatchesPattern('contoso.com', 'mail.contoso.com'));
  assert.ok(domainMatchesPattern('*', 'anything.example'));
});

test('SMTP addresses', async () => {
  assert.equal(parseSmtpAddress('postmaster@contoso.com'), 'postmaster@contoso.com');
  await assertStoreError(() => parseSmtpAddress('postmaster'), '"postmaster" isn\'t a valid SMTP address.', 'InvalidSmtpAddress');
  await assertStoreError(() => parseSmtpAddress('a@*.com'), '"a@*.com" isn\'t a valid SMTP address.');
});

test('address spaces: *, domains, subdomain wildcards, type and cost', async () => {
  assert.equal(canonicalAddressSpace('*'), 'SMTP:*;1');
  assert.equal(canonicalAddressSpace('SMTP:*.contoso.com;1'), 'SMTP:*.contoso.com;1');
  assert.equal(canonicalAddressSpace('smtp:woodgrovebank.com;5'), 'SMTP:woodgrovebank.com;5');
  assert.equal(canonicalAddressSpace('woodgrovebank.com'), 'SMTP:woodgrovebank.com;1');
  assert.deepEqual(parseAddressSpace('SMTP:--;100'), { type: 'SMTP', domain: '--', cost: 100 });
  assert.ok(addressSpaceMatches('SMTP:*.contoso.com;1', 'mail.contoso.com'));
  assert.ok(!addressSpaceMatches('SMTP:woodgrovebank.com;1', 'contoso.com'));
  assert.ok(!addressSpaceMatches('SMTP:--;1', 'contoso.com'));
  await assertStoreError(() => canonicalAddressSpace('SMTP:*contoso.com;1'), "The wildcard '*' should be followed by a '.' for the domain");
  await assertStoreError(() => canonicalAddressSpace('SMTP:contoso.com;0'), /The cost "0" in address space "SMTP:contoso.com;0" isn't valid/, 'InvalidAddressSpaceCost');
  await assertStoreError(() => canonicalAddressSpace('SMTP:contoso.com;101'), /cost "101"/);
  await assertStoreError(() => canonicalAddressSpace('X400:c=US;a=;p=Contoso;1'), /The address space type 'X400'/, 'InvalidAddressSpaceType');
  await assertStoreError(() => canonicalAddressSpace(''), /isn't a valid address space/, 'InvalidAddressSpace');
});

test('IP ranges: single, range, CIDR, IPv6; containment', async () => {
  assert.ok(ipRangeContains('0.0.0.0-255.255.255.255', '10.1.2.3'));
  assert.ok(ipRangeContains('192.168.1.0/24', '192.168.1.200'));
  assert.ok(!ipRangeContains('192.168.1.0/24', '192.168.2.1'));
  assert.ok(ipRangeContains('127.0.0.1', '::ffff:127.0.0.1'));
  assert.ok(ipRangeContains('2001:db8::/32', '2001:db8:ffff::1'));
  assert.ok(!ipRangeContains('2001:db8::/32', '10.0.0.1'));
  assert.ok(ipRangeContains('::1', '::1'));
  const range = parseIpRange('10.0.0.5-10.0.0.9');
  assert.equal(range.end - range.start, 4n);
  assert.equal(parseIpRange('10.1.2.3/8').start, parseIpRange('10.0.0.0').start, 'CIDR is aligned to its network');
  for (const bad of ['10.0.0.9-10.0.0.5', '10.0.0.1/33', '300.1.1.1', '10.0.0.1-::1', 'any']) {
    await assertStoreError(() => parseIpRange(bad), new RegExp(`^"${bad.replace(/[.*]/g, '\\$&')}" isn't a valid IP address range`), 'InvalidIPRange');
  }
});

test('bindings: IPv4, bracketed IPv6, port 0 for the lab; refusals', async () => {
  assert.equal(canonicalBinding('0.0.0.0:25'), '0.0.0.0:25');
  assert.equal(canonicalBinding('127.0.0.1:2525'), '127.0.0.1:2525');
  assert.equal(canonicalBinding('[::]:25'), '[::]:25');
  assert.equal(canonicalBinding(':::25'), '[::]:25');
  assert.deepEqual(parseBinding('127.0.0.1:0'), { address: '127.0.0.1', port: 0, family: 4 });
  for (const bad of ['0.0.0.0', '0.0.0.0:65536', 'mail.contoso.com:25', '[::]', '']) {
    await assertStoreError(() => parseBinding(bad), new RegExp(`isn't a valid binding; use an IP address and a port`), 'InvalidBinding');
  }
});

test('byte sizes, counts and time spans', async () => {
  assert.equal(parseByteSize('10MB', 'MaxSendSize'), 10485760);
  assert.equal(parseByteSize('10 MB (10,485,760 bytes)', 'MaxSendSize'), 10485760);
  assert.equal(parseByteSize(65536, 'MaxSendSize'), 65536);
  assert.equal(parseByteSize('unlimited', 'MaxSendSize', { unlimited: true }), 'Unlimited');
  await assertStoreError(() => parseByteSize('unlimited', 'MaxHeaderSize'), /isn't a valid size for MaxHeaderSize/, 'InvalidByteQuantifiedSize');
  await assertStoreError(() => parseByteSize('3GB', 'MaxMessageSize', { max: 2147483647 }), /from 0 through 2147483647 bytes/);
  assert.equal(describeByteSize(10485760), '10 MB (10,485,760 bytes)');
  assert.equal(describeByteSize(18874368), '18 MB (18,874,368 bytes)');
  assert.equal(parseCount('600', 'MessageRateLimit', { unlimited: true }), 600);
  await assertStoreError(() => parseCount(0, 'Port', { min: 1, max: 65535 }), '"0" isn\'t a valid value for Port; specify a whole number from 1 through 65535.');
  assert.equal(parseTimeSpan('7.00:00:00', 'MaxDumpsterTime'), '7.00:00:00');
  assert.equal(parseTimeSpan('0:10:00', 'ConnectionTimeout'), '00:10:00');
  assert.equal(timeSpanSeconds('1.02:03:04'), 93784);
  await assertStoreError(() => parseTimeSpan('10 minutes', 'ConnectionTimeout'), /isn't a valid time span for ConnectionTimeout/, 'InvalidTimeSpan');
});

test('enums and flag sets: case-insensitive, enum order, a plain value replaces the set', async () => {
  assert.equal(parseEnum(PROTOCOL_LOGGING_LEVELS, 'verbose', 'X'), 'Verbose');
  assert.deepEqual(parseFlags(AUTH_MECHANISMS, 'TLS', 'X'), ['Tls']);
  assert.deepEqual(parseFlags(AUTH_MECHANISMS, 'ExchangeServer, tls', 'X'), ['Tls', 'ExchangeServer']);
  assert.deepEqual(parseFlags(AUTH_MECHANISMS, ['None', 'BasicAuth'], 'X'), ['BasicAuth']);
  assert.deepEqual(parseFlags(AUTH_MECHANISMS, 'None', 'X'), ['None']);
  await assertStoreError(
    () => parseFlags(AUTH_MECHANISMS, 'Tlss', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms'),
    'Cannot convert value "Tlss" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms". Error: "Unable to match the identifier name Tlss to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ExternalAuthoritative"',
    'InvalidEnumValue',
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateMatchesDomain, certificateNameMatchesDomain } from '../../src/transport/cert-name-match.ts';

test('a certificate name matches the domain itself, *.domain, or one label under it', () => {
  assert.ok(certificateNameMatchesDomain('woodgrovebank.com', 'woodgrovebank.com'));
  assert.ok(certificateNameMatchesDomain('*.woodgrovebank.com', 'woodgrovebank.com'));
  assert.ok(certificateNameMatchesDomain('MAIL.WoodgroveBank.com', 'woodgrovebank.com'));
});

test('two labels under the domain, other domains and suffix tricks do not match', () => {
  assert.ok(!certificateNameMatchesDomain('a.mail.woodgrovebank.com', 'woodgrovebank.com'));
  assert.ok(!certificateNameMatchesDomain('mail.fabrikam.com', 'woodgrovebank.com'));
  assert.ok(!certificateNameMatchesDomain('evilwoodgrovebank.com', 'woodgrovebank.com'));
  assert.ok(!certificateNameMatchesDomain('woodgrovebank.com.evil.com', 'woodgrovebank.com'));
  assert.ok(!certificateNameMatchesDomain('com', 'woodgrovebank.com'));
});

test('certificateMatchesDomain() accepts when any name matches', () => {
  assert.ok(certificateMatchesDomain(['mail.fabrikam.com', 'mail.contoso.com'], 'contoso.com'));
  assert.ok(!certificateMatchesDomain([], 'contoso.com'));
});

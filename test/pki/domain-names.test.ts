import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificateNameMatches, isValidCertificateDomainName, matchesDomain } from '../../src/pki/domain-names.ts';

describe('matchesDomain', () => {
  const certificate = { certificateDomains: ['mail1.contoso.com', 'mail.contoso.com', '*.edge.contoso.com'] };

  it('matches exact names case-insensitively, ignoring a trailing dot', () => {
    assert.equal(matchesDomain(certificate, 'MAIL.Contoso.com'), true);
    assert.equal(matchesDomain(certificate, 'mail1.contoso.com.'), true);
    assert.equal(matchesDomain(certificate, 'contoso.com'), false);
  });

  it('lets a wildcard cover exactly one left-most label', () => {
    assert.equal(matchesDomain(certificate, 'a.edge.contoso.com'), true);
    assert.equal(matchesDomain(certificate, 'edge.contoso.com'), false);
    assert.equal(matchesDomain(certificate, 'a.b.edge.contoso.com'), false);
  });

  it('does not treat a wildcard in the host as matching', () => {
    assert.equal(certificateNameMatches('mail.contoso.com', '*.contoso.com'), false);
  });
});

describe('isValidCertificateDomainName', () => {
  it('accepts host names and a leading wildcard, rejects the rest', () => {
    assert.equal(isValidCertificateDomainName('mail.contoso.com'), true);
    assert.equal(isValidCertificateDomainName('*.contoso.com'), true);
    assert.equal(isValidCertificateDomainName('edgea36'), true);
    assert.equal(isValidCertificateDomainName('mail_1.contoso.com'), false);
    assert.equal(isValidCertificateDomainName('-mail.contoso.com'), false);
    assert.equal(isValidCertificateDomainName('a..b'), false);
    assert.equal(isValidCertificateDomainName('mail.*.com'), false);
    assert.equal(isValidCertificateDomainName(''), false);
  });
});

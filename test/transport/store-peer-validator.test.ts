// storePeerValidator (config-from-store.ts) remembers Valid verdicts between sessions: the tests
// check every change that must end a remembered verdict, and that failures are never remembered.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exchangeState } from '../../cmdlets/exchange/exchange-state.ts';
import { parseCertificate } from '../../src/pki/certificate-info.ts';
import { parseCrl } from '../../src/pki/crl.ts';
import { createCrl, createRootCa, revoke, type LabCa } from '../../src/pki/lab-ca.ts';
import { issueCertificate } from '../../src/pki/lab-ca-issue.ts';
import { CertificateStore } from '../../src/store/certificate-store.ts';
import type { EmshState } from '../../src/store/emsh-state.ts';
import { storePeerValidator } from '../../src/transport/config-from-store.ts';
import { verdictWindow } from '../../src/transport/store-trust.ts';
import { createShell, type Shell } from '../helpers/run.ts';

const hour = 3_600_000;
const domain = 'woodgrovebank.com';

function der(pem: string): Buffer {
  return parseCertificate(pem).der;
}

describe('storePeerValidator verdict cache', () => {
  let shell: Shell;
  let state: EmshState;
  let store: CertificateStore;

  before(async () => {
    shell = createShell();
    const setup = await shell.run('Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail1.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null');
    assert.equal(setup.err, '');
    state = exchangeState(shell.session);
    store = new CertificateStore(state, 'mail1');
  });

  after(async () => {
    await shell.dispose();
  });

  /** A partner CA trusted by the store and a current certificate of mail.woodgrovebank.com from it. */
  async function trustedPartner(name: string, validity: { notAfter?: Date } = {}): Promise<{ ca: LabCa; chain: Buffer[]; serialNumber: string }> {
    const ca = await createRootCa({ subject: `CN=${name}` });
    store.addTrustedRoot(ca.certificatePem);
    const issued = await issueCertificate(ca, { subject: 'CN=mail.woodgrovebank.com', domainNames: ['mail.woodgrovebank.com'], ...validity });
    return { ca, chain: [der(issued.certificatePem)], serialNumber: issued.serialNumber };
  }

  function importCrl(ca: LabCa, crlPem: string): void {
    store.importCrl({ issuer: parseCertificate(ca.certificatePem).subject, crlPem });
  }

  it('does not reuse a Valid verdict once a CRL revoking the peer is in the store', async () => {
    const partner = await trustedPartner('Revoking Root');
    const validate = storePeerValidator(state, 'mail1');
    assert.equal((await validate(partner.chain, domain)).status, 'Valid');
    assert.equal((await validate(partner.chain, domain)).status, 'Valid', 'the same session again');
    importCrl(partner.ca, createCrl(revoke(partner.ca, partner.serialNumber)).crlPem);
    assert.equal((await validate(partner.chain, domain)).status, 'Revoked');
  });

  it('finds a remembered verdict from the leaf alone and reads the chain only to validate', async () => {
    const partner = await trustedPartner('Leaf Key Root');
    const validate = storePeerValidator(state, 'mail1');
    let reads = 0;
    const presented = { leaf: partner.chain[0], chain: () => (reads++, partner.chain) };
    assert.equal((await validate(presented, domain)).status, 'Valid');
    assert.equal((await validate(presented, domain)).status, 'Valid');
    assert.equal(reads, 1, 'the second session of the same leaf did not read the chain');
    assert.equal((await validate(presented, 'fabrikam.com')).status, 'NameMismatch', 'the name is checked on every call');
    importCrl(partner.ca, createCrl(revoke(partner.ca, partner.serialNumber)).crlPem);
    assert.equal((await validate(presented, domain)).status, 'Revoked', 'a CRL revoking the leaf refuses it at once');
    assert.equal(reads, 2);
  });

  it('does not reuse a Valid verdict once the trusted root is removed', async () => {
    const partner = await trustedPartner('Removed Root');
    const validate = storePeerValidator(state, 'mail1');
    assert.equal((await validate(partner.chain, domain)).status, 'Valid');
    store.removeTrustedRoot(parseCertificate(partner.ca.certificatePem).thumbprint);
    assert.equal((await validate(partner.chain, domain)).status, 'Untrusted');
  });

  it('checks the name on every call: a Valid verdict for one domain says nothing about another', async () => {
    const partner = await trustedPartner('Naming Root');
    const validate = storePeerValidator(state, 'mail1');
    assert.equal((await validate(partner.chain, domain)).status, 'Valid');
    assert.equal((await validate(partner.chain, 'fabrikam.com')).status, 'NameMismatch');
    assert.equal((await validate(partner.chain, `${domain}.evil.com`)).status, 'NameMismatch');
  });

  it('does not reuse a Valid verdict after the certificate expires', async () => {
    const start = Date.now();
    const partner = await trustedPartner('Expiring Root', { notAfter: new Date(start + 2 * hour) });
    let now = new Date(start);
    const validate = storePeerValidator(state, 'mail1', { now: () => now });
    assert.equal((await validate(partner.chain, domain)).status, 'Valid');
    now = new Date(start + 3 * hour);
    assert.equal((await validate(partner.chain, domain)).status, 'DateInvalid');
  });

  it('does not reuse a Valid verdict past a revocation dated after it', async () => {
    const start = Date.now();
    const partner = await trustedPartner('Future Revocation Root');
    importCrl(partner.ca, createCrl(revoke(partner.ca, partner.serialNumber, new Date(start + hour))).crlPem);
    let now = new Date(start);
    const validate = storePeerValidator(state, 'mail1', { now: () => now });
    assert.equal((await validate(partner.chain, domain)).status, 'Valid', 'not revoked yet');
    now = new Date(start + 2 * hour);
    assert.equal((await validate(partner.chain, domain)).status, 'Revoked');
  });

  it('evaluates failures afresh: trusting the root or replacing the CRL makes the peer Valid', async () => {
    const ca = await createRootCa({ subject: 'CN=Late Root' });
    const issued = await issueCertificate(ca, { subject: 'CN=mail.woodgrovebank.com', domainNames: ['mail.woodgrovebank.com'] });
    const chain = [der(issued.certificatePem)];
    const validate = storePeerValidator(state, 'mail1');
    assert.equal((await validate(chain, domain)).status, 'Untrusted');
    store.addTrustedRoot(ca.certificatePem);
    importCrl(ca, createCrl(revoke(ca, issued.serialNumber)).crlPem);
    assert.equal((await validate(chain, domain)).status, 'Revoked');
    importCrl(ca, createCrl(ca, { revoked: [] }).crlPem);
    assert.equal((await validate(chain, domain)).status, 'Valid');
  });

  it('the window ends at the earliest expiry or next update of what the verdict used', async () => {
    const ca = await createRootCa({ subject: 'CN=Window Root' });
    const start = Date.now();
    const issued = await issueCertificate(ca, { subject: 'CN=mail.woodgrovebank.com', domainNames: ['mail.woodgrovebank.com'], notAfter: new Date(start + 48 * hour) });
    const leaf = parseCertificate(issued.certificatePem);
    const root = parseCertificate(ca.certificatePem);
    const crl = parseCrl(createCrl(ca, { thisUpdate: new Date(start - hour), nextUpdate: new Date(start + 24 * hour) }).crlPem);
    const window = verdictWindow(start, [leaf, root], [leaf, root], [crl]);
    assert.equal(window.until, crl.nextUpdate!.getTime(), 'the CRL goes stale first');
    assert.equal(window.from, Math.max(leaf.notBefore.getTime(), root.notBefore.getTime(), crl.thisUpdate.getTime()));
    assert.equal(verdictWindow(start, [leaf, root], [leaf, root], []).until, leaf.notAfter.getTime(), 'without a CRL the certificate expires first');
    const stale = parseCrl(createCrl(ca, { thisUpdate: new Date(start - 48 * hour), nextUpdate: new Date(start - hour) }).crlPem);
    const closed = verdictWindow(start, [leaf, root], [leaf, root], [stale]);
    assert.ok(closed.until < closed.from, 'a verdict reached with a stale CRL is not reusable');
  });
});

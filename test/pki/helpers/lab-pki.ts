// A three-level lab PKI shared by the tests of one file: Fabrikam root -> Contoso issuing CA -> leaf.
import { issueCertificate, type IssuedCertificateWithKey } from '../../../src/pki/lab-ca-issue.ts';
import { createRootCa, createSubordinateCa, type LabCa } from '../../../src/pki/lab-ca.ts';

export interface LabPki {
  root: LabCa;
  issuing: LabCa;
  leaf: IssuedCertificateWithKey;
}

export async function createLabPki(): Promise<LabPki> {
  const root = await createRootCa({ subject: 'C=US, O=Fabrikam Trust, CN=Fabrikam Root CA' });
  const issuing = await createSubordinateCa(root, { subject: 'DC=com,DC=Contoso,CN=Contoso Issuing CA' });
  const leaf = await issueCertificate(issuing, { subject: 'DC=com,DC=Contoso,CN=mail1.contoso.com', domainNames: ['mail.contoso.com'] });
  return { root, issuing, leaf };
}

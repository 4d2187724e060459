// The Certificate provider's views (Windows PowerShell 5.1's Certificate.format.ps1xml): certificates
// in a table grouped under `   PSParentPath: Microsoft.PowerShell.Security\Certificate::LocalMachine\Root`
// with Thumbprint (41 wide) and Subject; the list of Subject, Issuer, Thumbprint, FriendlyName, dates
// and Extensions; store locations (`Cert:\`) as Location/StoreNames lists and stores as Name lists.
// CryptoKeyAccessRule objects (an ExchangeCertificate's AccessRules) list as .NET shows them.
import { X509_CERTIFICATE_TYPE, X509_STORE_LOCATION_TYPE, X509_STORE_TYPE } from '../providers/certificate-items.ts';
import { registerView } from './views.ts';

registerView(X509_CERTIFICATE_TYPE, {
  kind: 'table',
  groupBy: 'PSParentPath',
  columns: [{ label: 'Thumbprint', expression: 'Thumbprint', width: 41 }, 'Subject'],
});
registerView(X509_CERTIFICATE_TYPE, {
  kind: 'list',
  properties: ['Subject', 'Issuer', 'Thumbprint', 'FriendlyName', 'NotBefore', 'NotAfter', 'Extensions'],
});
registerView(X509_CERTIFICATE_TYPE, { kind: 'wide', property: 'Thumbprint' });
registerView(X509_STORE_LOCATION_TYPE, { kind: 'list', properties: ['Location', 'StoreNames'] });
registerView(X509_STORE_TYPE, { kind: 'list', properties: ['Name'] });

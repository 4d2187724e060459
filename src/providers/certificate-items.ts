// The objects of the Certificate provider (Cert:): the store-location and store containers
// (`Cert:\LocalMachine`, `Cert:\LocalMachine\Root`), type names and paths. The X509Certificate2 items
// are in certificate-objects.ts, which parses certificates (node-forge) and so loads on first use.
import { PSObject } from '../runtime/values.ts';
import { providerFullName } from './provider-info.ts';

export const X509_CERTIFICATE_TYPE = 'System.Security.Cryptography.X509Certificates.X509Certificate2';
export const X509_STORE_TYPE = 'System.Security.Cryptography.X509Certificates.X509Store';
export const X509_STORE_LOCATION_TYPE = 'Microsoft.PowerShell.Commands.X509StoreLocation';

/** A certificate as a store holds it. */
export interface StoredCertificate {
  pem: string;
  hasPrivateKey: boolean;
  friendlyName: string;
}

/** `Microsoft.PowerShell.Security\Certificate::LocalMachine\Root`. */
export function certificatePSPath(...segments: string[]): string {
  return `${providerFullName('Certificate')}::${segments.join('\\')}`;
}

/** `Cert:\LocalMachine`: Location and StoreNames (a list view). */
export function storeLocationObject(location: string, storeNames: readonly string[]): PSObject {
  const o = new PSObject([X509_STORE_LOCATION_TYPE, 'System.Object']);
  o.setProperty('Location', location);
  o.setProperty('StoreNames', [...storeNames]);
  o.defineMethod({ name: 'ToString', invoke: () => location });
  return o;
}

/** `Cert:\LocalMachine\Root`: the store's Name and Location (a list view of Name). */
export function storeObject(location: string, name: string): PSObject {
  const o = new PSObject([X509_STORE_TYPE, 'System.Object']);
  o.setProperty('Name', name);
  o.setProperty('Location', location);
  o.defineMethod({ name: 'ToString', invoke: () => X509_STORE_TYPE });
  return o;
}

const SERVER_AUTHENTICATION = '(1.3.6.1.5.5.7.3.1)';

/**
 * Get-ChildItem's Cert:-only filters: -DnsName (a wildcard pattern matched against DnsNameList) and
 * -SSLServerAuthentication (the Server Authentication EKU). Undefined when neither is given; other
 * items than certificates never pass.
 */
export function certificateFilter(options: { dnsName?: RegExp; sslServerAuthentication?: boolean }): ((value: unknown) => boolean) | undefined {
  const { dnsName, sslServerAuthentication } = options;
  if (!dnsName && !sslServerAuthentication) return undefined;
  return (value) => {
    if (!(value instanceof PSObject) || !value.typeNames.includes(X509_CERTIFICATE_TYPE)) return false;
    const names = value.getProperty('DnsNameList');
    if (dnsName && !(Array.isArray(names) && names.some((n) => dnsName.test(String(n))))) return false;
    const usages = value.getProperty('EnhancedKeyUsageList');
    if (sslServerAuthentication && !(Array.isArray(usages) && usages.some((u) => String(u).endsWith(SERVER_AUTHENTICATION)))) return false;
    return true;
  };
}

// The Certificate provider (`Cert:`) over the local server's certificate store: `Cert:\` holds the
// store locations CurrentUser and LocalMachine; LocalMachine holds CA (intermediates that came with
// the server's certificates), My (the Exchange certificates, with or without key) and Root (the
// trusted roots chain validation uses). CurrentUser has the same stores, empty: the shell works on
// the machine's store, as the Exchange cmdlets do. Remove-Item removes from My and Root.
import type { Session } from '../runtime/session.ts';
import { storeLocationObject, storeObject, type StoredCertificate } from './certificate-items.ts';
import type { ItemProvider, ProviderItem } from './item-provider.ts';
import { ProviderError } from './path-errors.ts';

/** The local server's store as the provider reads it (certificate-store-source.ts). */
export interface CertificateSource {
  /** LocalMachine\My. */
  personal(): StoredCertificate[];
  /** LocalMachine\Root, PEM. */
  trustedRoots(): string[];
  /** Certificates that came in the chains of My's certificates, PEM. */
  chainCertificates(): string[];
  /** Both throw a ProviderError when the store refuses (the default SMTP certificate). */
  removePersonal(thumbprint: string): void;
  removeTrustedRoot(thumbprint: string): void;
}

type SourceModule = typeof import('./certificate-store-source.ts');
let sourceModule: SourceModule | undefined;
/** Parsing and the X509Certificate2 objects (node-forge), loaded with the source: there is nothing to parse without it. */
let objects: typeof import('./certificate-objects.ts') | undefined;
let loading: Promise<void> | undefined;

function openSource(session: Session): CertificateSource | undefined {
  return sourceModule?.openCertificateSource(session);
}

function certificateInfo(pem: string) {
  return objects!.certificateInfo(pem);
}

const LOCATIONS = ['CurrentUser', 'LocalMachine'] as const;
const STORES = ['CA', 'My', 'Root'] as const;

function findName<T extends string>(names: readonly T[], wanted: string): T | undefined {
  const lower = wanted.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

function storeContents(session: Session, location: string, store: string): StoredCertificate[] {
  const source = location === 'LocalMachine' ? openSource(session) : undefined;
  if (!source) return [];
  if (store === 'My') return source.personal();
  if (store === 'Root') return source.trustedRoots().map((pem) => ({ pem, hasPrivateKey: false, friendlyName: '' }));
  return intermediates(source);
}

/** The CA store: the non-self-signed certificates of the chains, once each, without the ones in My. */
function intermediates(source: CertificateSource): StoredCertificate[] {
  const personal = new Set(source.personal().map((c) => certificateInfo(c.pem).thumbprint));
  const seen = new Set<string>();
  const out: StoredCertificate[] = [];
  for (const pem of source.chainCertificates()) {
    const info = certificateInfo(pem);
    if (info.isSelfSigned || seen.has(info.thumbprint) || personal.has(info.thumbprint)) continue;
    seen.add(info.thumbprint);
    out.push({ pem, hasPrivateKey: false, friendlyName: '' });
  }
  return out;
}

function certificateItems(session: Session, location: string, store: string): ProviderItem[] {
  return storeContents(session, location, store).map((c) => ({
    name: certificateInfo(c.pem).thumbprint,
    isContainer: false,
    value: objects!.x509CertificateObject(c, location, store),
  }));
}

function locationItem(location: string): ProviderItem {
  return { name: location, isContainer: true, value: storeLocationObject(location, STORES) };
}

function storeItem(location: string, store: string): ProviderItem {
  return { name: store, isContainer: true, value: storeObject(location, store) };
}

function removalError(message: string, errorId: string, target: string): ProviderError {
  return new ProviderError(message, 'System.InvalidOperationException', errorId, 'InvalidOperation', target);
}

export const certificateProvider: ItemProvider = {
  name: 'Certificate',
  driveName: 'Cert',
  driveDescription: 'X509 Certificate Provider',
  prepare() {
    if (sourceModule) return undefined;
    loading ??= Promise.all([import('./certificate-objects.ts'), import('./certificate-store-source.ts')]).then(([o, m]) => {
      objects = o;
      sourceModule = m;
    });
    return loading;
  },
  item(at, segments) {
    if (segments.length === 0) return { name: '', isContainer: true, value: null };
    const location = findName(LOCATIONS, segments[0]);
    if (!location) return undefined;
    if (segments.length === 1) return locationItem(location);
    const store = findName(STORES, segments[1]);
    if (!store) return undefined;
    if (segments.length === 2) return storeItem(location, store);
    if (segments.length > 3) return undefined;
    const wanted = segments[2].replace(/\s/g, '').toUpperCase();
    return certificateItems(at.session, location, store).find((c) => c.name === wanted);
  },
  children(at, segments) {
    if (segments.length === 0) return LOCATIONS.map(locationItem);
    const location = findName(LOCATIONS, segments[0]);
    if (!location) return [];
    if (segments.length === 1) return STORES.map((s) => storeItem(location, s));
    const store = findName(STORES, segments[1]);
    return store && segments.length === 2 ? certificateItems(at.session, location, store) : [];
  },
  removal(at, segments) {
    const target = `Item: ${segments.join('\\')} `;
    const [location, store, thumbprint] = segments;
    return {
      action: 'Remove certificate',
      target,
      remove: () => {
        if (segments.length < 3) throw removalError('You cannot remove a certificate container.', 'CannotRemoveContainer', segments.join('\\'));
        const source = location === 'LocalMachine' ? openSource(at.session) : undefined;
        if (source && store === 'Root') source.removeTrustedRoot(thumbprint);
        else if (source && store === 'My') source.removePersonal(thumbprint);
        else {
          throw removalError(
            `Cannot remove the certificate at 'Cert:\\${segments.join('\\')}': intermediate certificates stay with the certificates they issued. Remove those with Remove-ExchangeCertificate.`,
            'CannotRemoveIntermediate',
            segments.join('\\'),
          );
        }
      },
    };
  },
};

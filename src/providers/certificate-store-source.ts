// The Cert: drive's view of the local server's certificate store (src/store/certificate-store.ts):
// LocalMachine\My is the Exchange certificates, Root the trusted roots, CA the intermediates of My's
// chains. Without an organisation in the state root the stores are empty: listing never creates one.
// Loaded on the first use of Cert: (the store's modules are too slow to load with every session).
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../runtime/session.ts';
import { CertificateStore } from '../store/certificate-store.ts';
import { openState } from '../store/emsh-state.ts';
import { openServerContext } from '../store/server-context.ts';
import { statePaths } from '../store/state-root.ts';
import { StoreError } from '../store/store-error.ts';
import type { CertificateSource } from './certificate-provider.ts';
import { sessionStateRoot } from './install.ts';
import { ProviderError } from './path-errors.ts';

/** Runs a store change; the store's refusal (the default SMTP certificate) becomes a provider error. */
function asProviderError(change: () => unknown): void {
  try {
    change();
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new ProviderError(error.message, error.typeName, error.errorId, error.category, error.targetObject);
  }
}

export function openCertificateSource(session: Session): CertificateSource | undefined {
  const root = sessionStateRoot(session);
  if (!fs.existsSync(path.join(statePaths(root).organizationFolder, 'organization.json'))) return undefined;
  const store = CertificateStore.of(openServerContext(openState({ root, env: session.env }), undefined, session.env));
  return {
    personal: () => store.list().map((r) => ({ pem: r.certificatePem, hasPrivateKey: r.keyId !== undefined, friendlyName: r.friendlyName })),
    trustedRoots: () => store.listTrustedRoots().map((r) => r.certificatePem),
    chainCertificates: () => store.list().flatMap((r) => r.chainPems ?? []),
    removePersonal: (thumbprint) => asProviderError(() => store.removeCertificate(thumbprint)),
    removeTrustedRoot: (thumbprint) => asProviderError(() => store.removeTrustedRoot(thumbprint)),
  };
}

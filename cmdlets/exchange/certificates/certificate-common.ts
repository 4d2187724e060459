// What the certificate cmdlets share: PowerShell paths to native files (an unknown drive is
// PowerShell's DriveNotFound error, never a stray relative path), PKI and store errors as error
// records with Exchange's wording where the reference has it, and the context server's store.
import fs from 'node:fs';
import path from 'node:path';
import type { CmdletContext, ErrorSpec } from '../../../src/pipeline/context.ts';
import { PkiError } from '../../../src/pki/pki-error.ts';
import { fileSystem } from '../../../src/providers/install.ts';
import { ProviderError } from '../../../src/providers/path-errors.ts';
import { CertificateStore } from '../../../src/store/certificate-store.ts';
import type { KeyStore } from '../../../src/store/keys.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { hasOrganization, serverContext, storeErrorSpec } from '../exchange-state.ts';

/** Thrown after an error record was written: the caller stops this object. */
export class Reported extends Error {}

/** Exchange's ImportCertificateDataInvalid text, for a wrong PFX password. */
export const IMPORT_DATA_INVALID = 'The source data cannot be imported or the wrong password was specified.';

/** An error spec for any error the certificate cmdlets expect (PKI, store, provider, file system). */
export function certificateErrorSpec(error: unknown, target?: unknown): ErrorSpec | undefined {
  if (error instanceof StoreError) return storeErrorSpec(error);
  if (error instanceof ProviderError) return error.spec();
  if (error instanceof PkiError) {
    const message = error.errorId === 'PfxPasswordIncorrect' ? IMPORT_DATA_INVALID : error.message;
    const category = error.errorId === 'PfxPasswordIncorrect' ? 'SecurityError' : error.errorId.endsWith('Unsupported') ? 'NotImplemented' : 'InvalidData';
    return { message, errorId: error.errorId, category, targetObject: target, exceptionType: error.typeName };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && error instanceof Error) {
    return { message: error.message, errorId: code, category: code === 'ENOENT' ? 'ObjectNotFound' : 'WriteError', targetObject: target, exceptionType: 'System.IO.IOException' };
  }
  return undefined;
}

/** Runs `operation`; a known error becomes a non-terminating error record and undefined. */
export async function tryCertificate<T>(ctx: CmdletContext, operation: () => T | Promise<T>, target?: unknown): Promise<T | undefined> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof Reported) return undefined;
    const spec = certificateErrorSpec(error, target);
    if (!spec) throw error;
    ctx.writeError(spec);
    return undefined;
  }
}

/** The native path of a PowerShell path (`c:\certificates\request.p7c`); throws DriveNotFound. */
export function nativePath(ctx: CmdletContext, psPath: string): string {
  return fileSystem(ctx.session).resolve(psPath).native;
}

export function readInputFile(ctx: CmdletContext, psPath: string): Buffer {
  const file = nativePath(ctx, psPath);
  if (!fs.existsSync(file)) {
    throw new ProviderError(`Cannot find path '${psPath}' because it does not exist.`, 'System.Management.Automation.ItemNotFoundException', 'PathNotFound', 'ObjectNotFound', psPath);
  }
  return fs.readFileSync(file);
}

/** Writes a file, creating its folder (c:\certificates) when missing. */
export function writeOutputFile(ctx: CmdletContext, psPath: string, data: string | Buffer): string {
  const file = nativePath(ctx, psPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

/** The certificate store of -Server, else the server the shell is on. */
export function certificateStore(ctx: CmdletContext, server?: string): CertificateStore {
  return CertificateStore.of(serverContext(ctx.session, server));
}

/** The private keys of -Server's state root (the AccessRules of certificate objects read them). */
export function keyStore(ctx: CmdletContext, server?: string): KeyStore {
  return serverContext(ctx.session, server).state.keys;
}

export const SERVER_PARAMETER = { type: 'string', description: 'The server whose certificate store to use; default the server the shell is on.' } as const;

/** Thumbprint completion from the shell's server store. */
export function completeThumbprint(session: unknown): string[] {
  try {
    const s = session as CmdletContext['session'];
    if (!hasOrganization(s)) return [];
    const store = CertificateStore.of(serverContext(s));
    return [...store.list().map((c) => c.thumbprint), ...store.listRequests().map((r) => r.id)];
  } catch {
    return [];
  }
}

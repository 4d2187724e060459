// An ExchangeCertificate's AccessRules: CryptoKeyAccessRule objects read from the private key file's
// real permissions. The owner's bits give a rule for the owning user (read and write: FullControl,
// as mode 0600 keys get), the group's bits one for the group, the others' bits one for Everyone; a
// certificate without a key has none. Identities are shown as Windows shows local accounts (MACHINE\user).
import fs from 'node:fs';
import os from 'node:os';
import { registerEnum } from '../../../src/runtime/types.ts';
import { EnumType, PSObject } from '../../../src/runtime/values.ts';
import type { KeyStore } from '../../../src/store/keys.ts';

export const CRYPTO_KEY_ACCESS_RULE = 'System.Security.AccessControl.CryptoKeyAccessRule';

export const CryptoKeyRights = new EnumType(
  'System.Security.AccessControl.CryptoKeyRights',
  {
    ReadData: 1,
    WriteData: 2,
    ReadExtendedAttributes: 8,
    WriteExtendedAttributes: 16,
    ReadAttributes: 128,
    WriteAttributes: 256,
    Delete: 65536,
    ReadPermissions: 131072,
    ChangePermissions: 262144,
    TakeOwnership: 524288,
    Synchronize: 1048576,
    FullControl: 2032027,
    GenericAll: 268435456,
    GenericExecute: 536870912,
    GenericWrite: 1073741824,
    GenericRead: -2147483648,
  },
  true,
);
export const AccessControlType = new EnumType('System.Security.AccessControl.AccessControlType', { Allow: 0, Deny: 1 });
registerEnum(CryptoKeyRights);
registerEnum(AccessControlType);

/** The rights of one rwx triple: read and write is FullControl, read alone GenericRead, write alone GenericWrite. */
function rightsOf(bits: number): number | undefined {
  const read = (bits & 4) !== 0;
  const write = (bits & 2) !== 0;
  if (read && write) return CryptoKeyRights.lookup('FullControl')!.value;
  if (read) return CryptoKeyRights.lookup('GenericRead')!.value;
  if (write) return CryptoKeyRights.lookup('GenericWrite')!.value;
  return undefined;
}

/** The name of an id in /etc/passwd or /etc/group (first field, third field the id). */
function accountName(file: string, id: number): string | undefined {
  try {
    const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.split(':')[2] === String(id));
    return line?.split(':')[0];
  } catch {
    return undefined;
  }
}

function userName(uid: number): string {
  if (typeof process.getuid === 'function' && process.getuid() === uid) return os.userInfo().username;
  return accountName('/etc/passwd', uid) ?? String(uid);
}

function machineAccount(name: string): string {
  return `${os.hostname().split('.')[0].toUpperCase()}\\${name}`;
}

function rule(identity: string, rights: number): PSObject {
  const o = new PSObject([CRYPTO_KEY_ACCESS_RULE, 'System.Security.AccessControl.AccessRule', 'System.Security.AccessControl.AuthorizationRule', 'System.Object']);
  o.setProperty('CryptoKeyRights', CryptoKeyRights.value(rights));
  o.setProperty('AccessControlType', AccessControlType.value(0));
  o.setProperty('IdentityReference', identity);
  o.setProperty('IsInherited', false);
  o.setProperty('InheritanceFlags', 'None');
  o.setProperty('PropagationFlags', 'None');
  o.defineMethod({ name: 'ToString', invoke: () => CRYPTO_KEY_ACCESS_RULE, definition: 'string ToString()' });
  return o;
}

/** The access rules of a key in the key store (none without a key, or when its file is gone). */
export function keyAccessRules(keys: KeyStore, keyId: string | undefined): PSObject[] {
  if (keyId === undefined) return [];
  let stats: fs.Stats;
  try {
    stats = fs.statSync(keys.keyPath(keyId));
  } catch {
    return [];
  }
  const rules: PSObject[] = [];
  const owner = rightsOf((stats.mode >> 6) & 7);
  if (owner !== undefined) rules.push(rule(machineAccount(userName(stats.uid)), owner));
  const group = rightsOf((stats.mode >> 3) & 7);
  if (group !== undefined) rules.push(rule(machineAccount(accountName('/etc/group', stats.gid) ?? String(stats.gid)), group));
  const others = rightsOf(stats.mode & 7);
  if (others !== undefined) rules.push(rule('Everyone', others));
  return rules;
}

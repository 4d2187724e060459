// ConvertTo-SecureString and ConvertFrom-SecureString. `-AsPlainText -Force` wraps text as a SecureString
// (without -Force: PowerShell's ImportSecureString_ForceRequired error). Encrypted standard strings are
// AES-256-GCM, hex encoded, with a per-state-root key file (mode 0600) standing in for Windows DPAPI, or
// with the -Key given (16, 24 or 32 bytes). They are not interchangeable with Windows-made strings.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import type { CmdletContext } from '../../src/pipeline/context.ts';
import { sessionStateRoot } from '../../src/providers/install.ts';
import { SecureString } from '../../src/runtime/values.ts';

const module = 'Microsoft.PowerShell.Security';
const KEY_FILE = 'securestring.key';

function protectionKey(ctx: CmdletContext, key: Uint8Array | undefined): Buffer {
  if (key) {
    if (![16, 24, 32].includes(key.length)) {
      ctx.fail({ message: 'The specified key is not valid. Valid key length settings are either 128 bits, 192 bits, or 256 bits.', errorId: 'Argument', category: 'InvalidArgument', exceptionType: 'System.ArgumentException' });
    }
    return Buffer.concat([Buffer.from(key), Buffer.alloc(32 - key.length)]);
  }
  const root = sessionStateRoot(ctx.session);
  const file = path.join(root, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(root, { recursive: true });
    writeFileSync(file, randomBytes(32), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file);
}

export function protect(ctx: CmdletContext, plain: string, key?: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', protectionKey(ctx, key), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf16le'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('hex');
}

export function unprotect(ctx: CmdletContext, hex: string, key?: Uint8Array): string | undefined {
  try {
    const raw = Buffer.from(hex, 'hex');
    if (raw.length < 28 || raw.toString('hex') !== hex.toLowerCase()) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', protectionKey(ctx, key), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf16le');
  } catch {
    return undefined;
  }
}

export const convertToSecureString = defineCmdlet({
  name: 'ConvertTo-SecureString',
  synopsis: 'Converts plain text or encrypted strings to secure strings.',
  description:
    'With -AsPlainText -Force, makes a SecureString of the text (as tutorials do for PFX passwords). Without -AsPlainText, ' +
    'decrypts an encrypted standard string made by ConvertFrom-SecureString (with the same -Key, if one was used).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ConvertToSecureStringCommand',
  defaultParameterSet: 'Secure',
  parameters: {
    String: { type: 'string', position: 0, mandatory: true, valueFromPipeline: true, description: 'The text, or the encrypted standard string.' },
    AsPlainText: { type: 'switch', position: 1, sets: ['PlainText'], description: 'Takes the string as plain text (needs -Force).' },
    Force: { type: 'switch', position: 2, sets: ['PlainText'], description: 'Confirms that plain text is wanted.' },
    SecureKey: { type: 'securestring', position: 1, sets: ['Secure'], description: 'A key, as a SecureString, for an encrypted string.' },
    Key: { type: 'byte[]', sets: ['Open'], description: 'The key (16, 24 or 32 bytes) the string was encrypted with.' },
  },
  examples: [
    {
      title: 'A password for Import-ExchangeCertificate',
      code: "$password = ConvertTo-SecureString -String 'P@ssw0rd1' -AsPlainText -Force\n$password",
      output: 'System.Security.SecureString',
    },
    {
      title: 'Round trip through an encrypted string',
      code:
        "$enc = ConvertTo-SecureString 'P@ssw0rd1' -AsPlainText -Force | ConvertFrom-SecureString\n" +
        "$back = ConvertTo-SecureString $enc\n(New-Object PSCredential ('admin', $back)).GetNetworkCredential().Password",
      output: 'P@ssw0rd1',
    },
  ],
  process(p, ctx) {
    const text = p.String ?? '';
    if (ctx.parameterSetName === 'PlainText' || p.AsPlainText) {
      if (!p.Force) {
        ctx.writeError({
          message:
            'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.',
          errorId: 'ImportSecureString_ForceRequired',
          category: 'InvalidArgument',
          exceptionType: 'System.ArgumentException',
        });
        return;
      }
      ctx.write(new SecureString(text), false);
      return;
    }
    const key = p.Key ?? (p.SecureKey ? Buffer.from(p.SecureKey.reveal(), 'utf16le') : undefined);
    const plain = unprotect(ctx, text, key);
    if (plain === undefined) {
      ctx.writeError({
        message: 'Key not valid for use in specified state.',
        errorId: 'ImportSecureString',
        category: 'InvalidArgument',
        targetObject: text,
        exceptionType: 'System.Security.Cryptography.CryptographicException',
      });
      return;
    }
    ctx.write(new SecureString(plain), false);
  },
});

export const convertFromSecureString = defineCmdlet({
  name: 'ConvertFrom-SecureString',
  synopsis: 'Converts a secure string to an encrypted standard string.',
  description:
    'Encrypts a SecureString as a hex string that ConvertTo-SecureString turns back into the SecureString: with the state root’s ' +
    'own key by default, or with -Key.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand',
  defaultParameterSet: 'Secure',
  parameters: {
    SecureString: { type: 'securestring', position: 0, mandatory: true, valueFromPipeline: true, description: 'The secure string to encrypt.' },
    SecureKey: { type: 'securestring', position: 1, sets: ['Secure'], description: 'A key, as a SecureString.' },
    Key: { type: 'byte[]', sets: ['Open'], description: 'The key (16, 24 or 32 bytes).' },
  },
  examples: [
    {
      title: 'An encrypted string',
      code: "(ConvertTo-SecureString 'x' -AsPlainText -Force | ConvertFrom-SecureString) -match '^[0-9a-f]+$'",
      output: 'True',
    },
  ],
  process(p, ctx) {
    const key = p.Key ?? (p.SecureKey ? Buffer.from(p.SecureKey.reveal(), 'utf16le') : undefined);
    ctx.write(protect(ctx, p.SecureString!.reveal(), key), false);
  },
});

export const secureStringCmdlets = [convertToSecureString, convertFromSecureString];

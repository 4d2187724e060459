import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import forge from 'node-forge';

type Kdf = (password: string | null, salt: forge.util.ByteBuffer, id: number, iterations: number, length: number, md?: unknown) => forge.util.ByteBuffer;
type Pbkdf2 = (password: string, salt: string, iterations: number, length: number, md?: unknown) => string;

// forge's own JavaScript implementations, captured before our module replaces them.
const pbe = (forge as unknown as { pbe: { generatePkcs12Key: Kdf } }).pbe;
const forgeKdf = pbe.generatePkcs12Key;
const forgePbkdf2 = (forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 }).pbkdf2;

describe('native KDFs for forge', () => {
  before(async () => {
    await import('../../src/pki/forge-native-kdf.ts');
  });

  it('replaces both forge functions', () => {
    assert.notEqual(pbe.generatePkcs12Key, forgeKdf);
    assert.equal((forge.pkcs12 as unknown as { generateKey: Kdf }).generateKey, pbe.generatePkcs12Key);
    assert.notEqual((forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 }).pbkdf2, forgePbkdf2);
  });

  it('derives the same PKCS #12 keys as forge (SHA-1 and SHA-256, odd lengths, empty and absent passwords)', () => {
    for (const password of ['P@ssw0rd', '', null, 'pässwörd', 'x'.repeat(70)]) {
      for (const [md, length] of [[forge.md.sha1.create(), 24], [forge.md.sha256.create(), 32], [undefined, 8], [forge.md.sha1.create(), 5]] as const) {
        const salt = randomBytes(8).toString('latin1');
        for (const id of [1, 2, 3]) {
          const expected = forgeKdf(password, forge.util.createBuffer(salt), id, 17, length, md).toHex();
          const actual = pbe.generatePkcs12Key(password, forge.util.createBuffer(salt), id, 17, length, md).toHex();
          assert.equal(actual, expected, `password ${JSON.stringify(password)}, id ${id}, length ${length}`);
        }
      }
    }
  });

  it('derives the same PBKDF2 keys as forge when the PRF is a digest object', () => {
    const salt = randomBytes(16).toString('latin1');
    const expected = forgePbkdf2('S3cret!', salt, 50, 32, forge.md.sha256.create());
    const actual = (forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 }).pbkdf2('S3cret!', salt, 50, 32, forge.md.sha256.create());
    assert.equal(Buffer.from(actual, 'latin1').toString('hex'), Buffer.from(expected, 'latin1').toString('hex'));
  });
});

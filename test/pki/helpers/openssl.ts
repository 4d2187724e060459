// Running the real OpenSSL 3 in tests, in a temporary directory removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpenSslResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together (OpenSSL prints "verify OK" and errors on stderr). */
  output: string;
}

export function openssl(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): OpenSslResult {
  const result = spawnSync('/usr/bin/openssl', args, { cwd: options.cwd, input: options.input, encoding: 'latin1' });
  if (result.error) throw result.error;
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  return { status: result.status ?? -1, stdout, stderr, output: stdout + stderr };
}

/** Like openssl() but fails the test with OpenSSL's own message when the command does not succeed. */
export function opensslOk(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): OpenSslResult {
  const result = openssl(args, options);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${result.status}):\n${result.output}`);
  return result;
}

export interface TempDir {
  dir: string;
  path(name: string): string;
  write(name: string, data: string | Buffer): string;
  read(name: string): Buffer;
  remove(): void;
}

export function makeTempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'emsh-pki-'));
  return {
    dir,
    path: (name) => join(dir, name),
    write(name, data) {
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    },
    read: (name) => readFileSync(join(dir, name)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Upper-case hex SHA-1 fingerprint as `openssl x509 -fingerprint -sha1` prints it, colons removed. */
export function opensslThumbprint(certificateFile: string): string {
  const { stdout } = opensslOk(['x509', '-in', certificateFile, '-noout', '-fingerprint', '-sha1']);
  return stdout.trim().split('=')[1]!.replace(/:/g, '').toUpperCase();
}

/** Upper-case hex SHA-256 of the DER public key of a key or certificate file, via OpenSSL. */
export function opensslPublicKeySha256(file: string, kind: 'key' | 'certificate'): string {
  const pem =
    kind === 'certificate'
      ? opensslOk(['x509', '-in', file, '-noout', '-pubkey']).stdout
      : opensslOk(['pkey', '-in', file, '-pubout']).stdout;
  const der = opensslOk(['pkey', '-pubin', '-outform', 'DER'], { input: pem }).stdout;
  return opensslOk(['dgst', '-sha256', '-r'], { input: Buffer.from(der, 'latin1') }).stdout.split(' ')[0]!.toUpperCase();
}

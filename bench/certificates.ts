// Certificates: median time of New-ExchangeCertificate -GenerateRequest's work (a 2048-bit key and a
// signed PKCS #10 request) and of reading a PFX, next to the equivalent OpenSSL commands run in the
// same session. OpenSSL times include starting its process (shown on its own as a baseline).
// Run: node --import tsx bench/certificates.ts [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificateRequest } from '../src/pki/certificate-request.ts';
import { readPfx } from '../src/pki/pfx-read.ts';
import { writePfx } from '../src/pki/pfx-write.ts';
import { createSelfSignedCertificate } from '../src/pki/self-signed.ts';

const runs = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'emsh-bench-'));
const file = (name: string) => join(dir, name);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function openssl(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

async function timeAsync(action: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

try {
  const subject = '/DC=com/DC=Contoso/CN=mail1.contoso.com';
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('k.pem'), '-out', file('c.pem'), '-subj', subject, '-days', '30']);
  openssl(['pkcs12', '-export', '-in', file('c.pem'), '-inkey', file('k.pem'), '-out', file('default.pfx'), '-passout', 'pass:P@ssw0rd']);
  openssl(['pkcs12', '-export', '-in', file('c.pem'), '-inkey', file('k.pem'), '-out', file('3des.pfx'), '-passout', 'pass:P@ssw0rd', '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
  const defaultPfx = readFileSync(file('default.pfx'));
  const legacyPfx = readFileSync(file('3des.pfx'));
  const selfSigned = await createSelfSignedCertificate({ subject: 'CN=mail1.contoso.com' });

  const firstPfxRead = await timeAsync(() => readPfx(defaultPfx, 'P@ssw0rd'));
  const rows = {
    requestOurs: [] as number[],
    requestOpenssl: [] as number[],
    pfxOurs: [] as number[],
    pfxLegacyOurs: [] as number[],
    pfxOpenssl: [] as number[],
    pfxWriteOurs: [] as number[],
    pfxWriteOpenssl: [] as number[],
    processStart: [] as number[],
  };
  for (let index = 0; index < runs; index++) {
    rows.requestOurs.push(await timeAsync(() => createCertificateRequest({ subject: 'DC=com,DC=Contoso,CN=mail1.contoso.com', domainNames: ['mail.contoso.com'] })));
    rows.requestOpenssl.push(openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('r.key'), '-out', file('r.csr'), '-subj', subject, '-addext', 'subjectAltName=DNS:mail1.contoso.com,DNS:mail.contoso.com']));
    rows.pfxOurs.push(await timeAsync(() => readPfx(defaultPfx, 'P@ssw0rd')));
    rows.pfxLegacyOurs.push(await timeAsync(() => readPfx(legacyPfx, 'P@ssw0rd')));
    rows.pfxOpenssl.push(openssl(['pkcs12', '-in', file('default.pfx'), '-passin', 'pass:P@ssw0rd', '-nodes', '-out', file('out.pem')]));
    rows.pfxWriteOurs.push(await timeAsync(() => writePfx(selfSigned.privateKeyPem, [selfSigned.certificatePem], 'P@ssw0rd')));
    rows.pfxWriteOpenssl.push(openssl(['pkcs12', '-export', '-in', file('c.pem'), '-inkey', file('k.pem'), '-out', file('w.pfx'), '-passout', 'pass:P@ssw0rd']));
    rows.processStart.push(openssl(['version']));
  }

  const line = (label: string, ours: number[] | undefined, theirs: number[] | undefined) =>
    `${label.padEnd(44)} ${(ours ? `${median(ours).toFixed(1)} ms` : '').padStart(10)}   ${(theirs ? `${median(theirs).toFixed(1)} ms` : '').padStart(10)}`;
  console.log(`${runs} runs, medians (OpenSSL times include process start)`);
  console.log(`${'operation'.padEnd(44)} ${'emsh pki'.padStart(10)}   ${'openssl'.padStart(10)}`);
  console.log(line('request: RSA 2048 key + PKCS #10 (req -new)', rows.requestOurs, rows.requestOpenssl));
  console.log(line('PFX import, OpenSSL 3 default (pkcs12 -in)', rows.pfxOurs, rows.pfxOpenssl));
  console.log(line('PFX import, 3DES/SHA-1 legacy', rows.pfxLegacyOurs, undefined));
  console.log(line('PFX export, AES-256 (pkcs12 -export)', rows.pfxWriteOurs, rows.pfxWriteOpenssl));
  console.log(line('openssl process start (openssl version)', undefined, rows.processStart));
  console.log(`first PFX import in this process (includes JIT warm-up): ${firstPfxRead.toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

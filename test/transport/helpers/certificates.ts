// A lab PKI made with the openssl command line, once per test process, in a temporary directory:
// a trusted root CA with a CRL, Contoso and Woodgrove Bank certificates, and the bad Woodgrove
// variants the domain-security tests need (expired, wrong name, untrusted CA, revoked).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertificateFiles {
  certPath: string;
  keyPath: string;
  certPem: string;
  keyPem: string;
}

export interface LabCertificates {
  directory: string;
  caPath: string;
  caPem: string;
  crlPath: string;
  crlPem: string;
  otherCaPem: string;
  /** CN=mail.contoso.com, SAN mail.contoso.com, contoso.com */
  contoso: CertificateFiles;
  /** CN=mail.woodgrovebank.com, SAN mail.woodgrovebank.com, woodgrovebank.com */
  woodgrove: CertificateFiles;
  woodgroveExpired: CertificateFiles;
  /** CN=mail.fabrikam.com: the wrong name for woodgrovebank.com */
  woodgroveWrongName: CertificateFiles;
  /** mail.woodgrovebank.com issued by a CA nobody trusts */
  woodgroveUntrusted: CertificateFiles;
  /** mail.woodgrovebank.com, revoked in the CRL */
  woodgroveRevoked: CertificateFiles;
}

const caConfig = (dir: string): string => `
[ ca ]
default_ca = lab
[ lab ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/newcerts
serial = ${dir}/serial
crlnumber = ${dir}/crlnumber
certificate = ${dir}/ca.crt
private_key = ${dir}/ca.key
default_md = sha256
default_days = 825
default_crl_days = 30
policy = policy_any
unique_subject = no
copy_extensions = none
[ policy_any ]
countryName = optional
organizationName = optional
commonName = supplied
[ leaf_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
subjectAltName = $ENV::SAN
`;

let cached: LabCertificates | undefined;

function openssl(args: string[], env: Record<string, string> = {}): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SAN: 'DNS:unused', ...env } });
}

export function labCertificates(): LabCertificates {
  if (cached) return cached;
  const directory = mkdtempSync(join(tmpdir(), 'emsh-transport-pki-'));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  const ca = join(directory, 'ca');
  mkdirSync(join(ca, 'newcerts'), { recursive: true });
  writeFileSync(join(ca, 'index.txt'), '');
  writeFileSync(join(ca, 'serial'), '1000\n');
  writeFileSync(join(ca, 'crlnumber'), '01\n');
  const config = join(ca, 'openssl.cnf');
  writeFileSync(config, caConfig(ca));
  const path = (name: string): string => join(directory, name);

  const selfSignedCa = (name: string, subject: string): void =>
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650', '-keyout', name + '.key', '-out', name + '.crt', '-subj', subject,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', 'subjectKeyIdentifier=hash']);
  selfSignedCa(join(ca, 'ca'), '/C=US/O=Lab Trust Services/CN=Lab Root CA');
  selfSignedCa(path('other-ca'), '/C=US/O=Nobody Trusts Me/CN=Rogue CA');

  const key = (name: string): string => {
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', path(`${name}.key`)]);
    return path(`${name}.key`);
  };
  const issue = (name: string, keyPath: string, subject: string, san: string, extra: string[] = []): CertificateFiles => {
    openssl(['req', '-new', '-key', keyPath, '-subj', subject, '-out', path(`${name}.csr`)]);
    openssl(['ca', '-batch', '-config', config, '-extensions', 'leaf_ext', '-in', path(`${name}.csr`), '-out', path(`${name}.crt`), '-notext', ...extra], { SAN: san });
    return files(name, keyPath);
  };
  const files = (name: string, keyPath: string): CertificateFiles => ({
    certPath: path(`${name}.crt`),
    keyPath,
    certPem: readFileSync(path(`${name}.crt`), 'utf8'),
    keyPem: readFileSync(keyPath, 'utf8'),
  });

  const contosoKey = key('contoso');
  const woodgroveKey = key('woodgrove');
  const contoso = issue('contoso', contosoKey, '/C=US/O=Contoso/CN=mail.contoso.com', 'DNS:mail.contoso.com,DNS:contoso.com');
  const woodgrove = issue('woodgrove', woodgroveKey, '/C=US/O=Woodgrove Bank/CN=mail.woodgrovebank.com', 'DNS:mail.woodgrovebank.com,DNS:woodgrovebank.com');
  const woodgroveExpired = issue('woodgrove-expired', woodgroveKey, '/C=US/O=Woodgrove Bank/CN=mail.woodgrovebank.com', 'DNS:mail.woodgrovebank.com', ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z']);
  const woodgroveWrongName = issue('woodgrove-wrong-name', woodgroveKey, '/C=US/O=Fabrikam/CN=mail.fabrikam.com', 'DNS:mail.fabrikam.com');
  const woodgroveRevoked = issue('woodgrove-revoked', woodgroveKey, '/C=US/O=Woodgrove Bank/CN=mail.woodgrovebank.com', 'DNS:mail.woodgrovebank.com');
  openssl(['ca', '-config', config, '-revoke', woodgroveRevoked.certPath]);
  openssl(['ca', '-config', config, '-gencrl', '-out', path('crl.pem')]);

  // Untrusted: same names, issued by the rogue CA.
  openssl(['req', '-new', '-key', woodgroveKey, '-subj', '/C=US/O=Woodgrove Bank/CN=mail.woodgrovebank.com', '-out', path('untrusted.csr')]);
  writeFileSync(path('untrusted.ext'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:mail.woodgrovebank.com,DNS:woodgrovebank.com\n');
  openssl(['x509', '-req', '-sha256', '-days', '365', '-in', path('untrusted.csr'), '-CA', path('other-ca.crt'), '-CAkey', path('other-ca.key'), '-CAcreateserial', '-out', path('woodgrove-untrusted.crt'), '-extfile', path('untrusted.ext')]);
  const woodgroveUntrusted = files('woodgrove-untrusted', woodgroveKey);

  cached = {
    directory,
    caPath: join(ca, 'ca.crt'),
    caPem: readFileSync(join(ca, 'ca.crt'), 'utf8'),
    crlPath: path('crl.pem'),
    crlPem: readFileSync(path('crl.pem'), 'utf8'),
    otherCaPem: readFileSync(path('other-ca.crt'), 'utf8'),
    contoso,
    woodgrove,
    woodgroveExpired,
    woodgroveWrongName,
    woodgroveUntrusted,
    woodgroveRevoked,
  };
  return cached;
}

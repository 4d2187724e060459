// A private Postfix instance (Debian package) for Woodgrove Bank: its own configuration, queue and
// data directories under a temporary directory, started with `postfix -c DIR start` on a loopback
// port and stopped afterwards; the system Postfix is never touched. Postfix needs root to start
// (its master process binds and drops privileges to the `postfix` user); without root the tests skip.
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runProgram } from './processes.ts';
import type { CertificateFiles } from './certificates.ts';
import { freePort } from '../../helpers/free-port.ts';

export interface PostfixOptions {
  hostname: string;
  /** Domain Postfix delivers itself (virtual mailbox, one shared Maildir). */
  localDomain: string;
  certificate: CertificateFiles;
  caPath: string;
  /** Domain relayed to our service, and where it listens. */
  relayDomain: string;
  relayPort: number;
  /** Present `certificate` as a client certificate when relaying (default true). */
  presentClientCertificate?: boolean;
  /**
   * `benchmark`: the reference setup of /work/shared/tools/postfix-loopback-setup.sh in mutual mode
   * (mail for `localDomain` is queued then discarded, client certificate asked for, no rate limits,
   * TLS log level 0). Default `interop`: virtual Maildir delivery and a TLS relay to `relayPort`.
   */
  mode?: 'interop' | 'benchmark';
}

export interface PostfixInstance {
  port: number;
  directory: string;
  maillog(): string;
  /** Delivered messages (Maildir files), oldest first. */
  deliveredMessages(): string[];
  /** The master process id file (for smtp-load.py --server-pid-file). */
  pidFile: string;
  stop(): Promise<void>;
}

function benchmarkConfig(options: PostfixOptions): string {
  return `mydestination = ${options.localDomain}
alias_maps =
alias_database =
local_recipient_maps =
local_transport = discard:
default_transport = discard:
default_process_limit = 100
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
smtpd_client_message_rate_limit = 0
smtpd_client_recipient_rate_limit = 0
smtpd_client_new_tls_session_rate_limit = 0
smtpd_client_auth_rate_limit = 0
smtpd_client_event_limit_exceptions = $mynetworks
smtpd_tls_cert_file = ${options.certificate.certPath}
smtpd_tls_key_file = ${options.certificate.keyPath}
smtpd_tls_CAfile = ${options.caPath}
smtpd_tls_security_level = may
smtpd_tls_ask_ccert = yes
smtpd_tls_loglevel = 0
`;
}

/** Why Postfix cannot run here, or undefined when it can. */
export function postfixUnavailable(): string | undefined {
  try {
    accessSync('/usr/sbin/postfix', constants.X_OK);
  } catch {
    return 'postfix is not installed (/usr/sbin/postfix)';
  }
  if (userInfo().uid !== 0) return 'a private Postfix instance needs root (postfix -c DIR start)';
  try {
    execFileSync('id', ['postfix'], { stdio: 'ignore' });
  } catch {
    return 'the postfix user does not exist';
  }
  return undefined;
}


function ids(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
  return { uid, gid };
}

export async function startPostfix(options: PostfixOptions): Promise<PostfixInstance> {
  const directory = mkdtempSync(join(tmpdir(), 'emsh-postfix-'));
  chmodSync(directory, 0o755);
  const etc = join(directory, 'etc');
  const mail = join(directory, 'mail');
  const data = join(directory, 'data');
  for (const path of [etc, join(directory, 'queue'), data, mail]) mkdirSync(path, { recursive: true });
  const postfix = ids('postfix');
  chownSync(data, postfix.uid, postfix.gid);
  chownSync(mail, postfix.uid, postfix.gid);
  const port = await freePort();
  const relay = `[127.0.0.1]:${options.relayPort}`;
  writeFileSync(join(etc, 'tls_policy'), `${relay} secure match=${options.relayDomain}:.${options.relayDomain}\n`);
  const presentCertificate = options.presentClientCertificate ?? true;
  const common = `compatibility_level = 3.6
queue_directory = ${directory}/queue
data_directory = ${data}
myhostname = ${options.hostname}
mydomain = ${options.localDomain}
myorigin = $mydomain
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
biff = no
smtpd_banner = $myhostname ESMTP
maillog_file = ${directory}/maillog
maillog_file_prefixes = ${directory}
`;
  writeFileSync(
    join(etc, 'main.cf'),
    options.mode === 'benchmark'
      ? common + benchmarkConfig(options)
      : `${common}mydestination =
alias_maps =
alias_database =
virtual_mailbox_domains = ${options.localDomain}
virtual_mailbox_base = ${mail}
virtual_mailbox_maps = static:inbox/
virtual_uid_maps = static:${postfix.uid}
virtual_gid_maps = static:${postfix.gid}
smtp_dns_support_level = disabled
transport_maps = inline:{ ${options.relayDomain}=smtp:${relay} }
smtpd_tls_cert_file = ${options.certificate.certPath}
smtpd_tls_key_file = ${options.certificate.keyPath}
smtpd_tls_CAfile = ${options.caPath}
smtpd_tls_security_level = may
smtpd_tls_ask_ccert = yes
smtpd_tls_received_header = yes
smtpd_tls_loglevel = 1
smtp_tls_CAfile = ${options.caPath}
${presentCertificate ? `smtp_tls_cert_file = ${options.certificate.certPath}\nsmtp_tls_key_file = ${options.certificate.keyPath}` : ''}
smtp_tls_security_level = may
smtp_tls_policy_maps = texthash:${etc}/tls_policy
smtp_tls_loglevel = 1
smtp_tls_session_cache_database =
`,
  );
  writeFileSync(join(etc, 'master.cf'), readFileSync('/etc/postfix/master.cf', 'utf8'));
  const postconf = (args: string[]) => runProgram('/usr/sbin/postconf', ['-c', etc, ...args]);
  await postconf(['-M#', 'smtp/inet']);
  await postconf(['-Me', `127.0.0.1:${port}/inet = 127.0.0.1:${port} inet n - n - - smtpd`]);
  await postconf(['-F', '*/*/chroot = n']);
  const started = await runProgram('/usr/sbin/postfix', ['-c', etc, 'start'], { timeoutMs: 30_000 });
  const instance: PostfixInstance = {
    port,
    directory,
    pidFile: join(directory, 'queue', 'pid', 'master.pid'),
    maillog: () => (existsSync(join(directory, 'maillog')) ? readFileSync(join(directory, 'maillog'), 'utf8') : ''),
    deliveredMessages: () => {
      const folder = join(mail, 'inbox', 'new');
      if (!existsSync(folder)) return [];
      return readdirSync(folder).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
    },
    stop: async () => {
      await runProgram('/usr/sbin/postfix', ['-c', etc, 'stop'], { timeoutMs: 30_000 });
      for (let attempt = 0; attempt < 50; attempt++) {
        const status = await runProgram('/usr/sbin/postfix', ['-c', etc, 'status']);
        if (status.code !== 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
  if (started.code !== 0) {
    const log = instance.maillog();
    await instance.stop();
    throw new Error(`postfix -c ${etc} start failed (${started.code}): ${started.stderr}\n${log}`);
  }
  // Wait until smtpd answers.
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return instance;
}

// Mail flow: mutual-TLS SMTP sessions per second (one ~1 KB message each, full handshake every
// session) into our receive connector and into a real Postfix on this machine, in the same run,
// alternating, with /work/shared/tools/smtp-load.py as the client, at 1 and 8 concurrent clients.
//
// Both servers get the same certificates: server CN=mail.contoso.com, client CN=mail.woodgrovebank.com,
// one lab CA. Ours: `emsh -Service` from the built CLI, configured from a lab organisation's store
// (see prepareOrganisation()): the walkthrough's Inet connector (DomainSecureEnabled,
// woodgrovebank.com on TLSReceiveDomainSecureList so every MAIL FROM is domain-secure checked by
// storePeerValidator against the store's roots and CRL, ProtocolLoggingLevel Verbose), delivery to
// the mailbox folder with fsync. Postfix: the reference setup of
// /work/shared/tools/postfix-loopback-setup.sh in mutual mode (ask_ccert=yes, discard delivery),
// as a private instance. Reference figures (README of the tools): Postfix ~105/s (C=1), ~180/s (C=8).
//
// Run (as root, for Postfix): node --import tsx bench/mailflow.ts [rounds=3] [sessions per run=300]
// EMSH_BENCH_LOGGING=None turns our protocol logging off (default Verbose, as in step 5).
// The machine is shared: compare the two servers within one run, and prefer the server CPU
// per session (measured per process tree) over sessions/s when other load is present.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exchangeState } from '../cmdlets/exchange/exchange-state.ts';
import { parseCertificate } from '../src/pki/certificate-info.ts';
import { SERVICES } from '../src/store/certificate-records.ts';
import { CertificateStore } from '../src/store/certificate-store.ts';
import { openServerContext } from '../src/store/server-context.ts';
import { freePort } from '../test/helpers/free-port.ts';
import { createShell } from '../test/helpers/run.ts';
import { labCertificates } from '../test/transport/helpers/certificates.ts';
import { postfixUnavailable, startPostfix, type PostfixInstance } from '../test/transport/helpers/postfix.ts';

const rounds = Number(process.argv[2] ?? 3);
const sessionsPerRun = Number(process.argv[3] ?? 300);
// A service runs for days: every server first takes this many unmeasured sessions (V8 optimises each
// receive worker's hot code separately; Postfix gets the same load).
const warmupSessions = Number(process.env.EMSH_BENCH_WARMUP ?? 2400);
const cli = fileURLToPath(new URL('../dist/emsh.js', import.meta.url));
const loadTool = process.env.SMTP_LOAD ?? '/work/shared/tools/smtp-load.py';

interface RunSummary {
  median_sessions_per_s: number;
  median_lat_ms_median: number;
  median_server_cpu_ms_per_session: number | null;
  median_machine_busy_ms_per_session: number;
  median_client_cpu_ms_per_session: number;
  total_failures: number;
}

/** Server, client and whole-machine CPU per session: shows whether the two cores were saturated. */
function cpuLine(summary: RunSummary): string {
  return `CPU ms/session: server ${summary.median_server_cpu_ms_per_session?.toFixed(2)}, client ${summary.median_client_cpu_ms_per_session.toFixed(2)}, machine ${summary.median_machine_busy_ms_per_session.toFixed(2)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs smtp-load.py asynchronously (our server lives in this process and must keep serving). */
function load(label: string, port: number, concurrency: number, sessions: number, serverPid: number | string, files: { ca: string; cert: string; key: string }, scratch: string): Promise<RunSummary> {
  const json = join(scratch, `${label}-${concurrency}-${Date.now()}.json`);
  const args = [
    loadTool, '--host', '127.0.0.1', '--port', String(port), '--mode', 'mutual',
    '--server-name', 'mail.contoso.com', '--helo', 'mail.woodgrovebank.com',
    '--ca', files.ca, '--cert', files.cert, '--key', files.key,
    '-n', String(sessions), '-c', String(concurrency),
    '--warmup', '5', '--runs', '1', '--label', label, '--json', json,
    ...(typeof serverPid === 'number' ? ['--server-pid', String(serverPid)] : ['--server-pid-file', serverPid]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`smtp-load.py exited with ${code}: ${output}`));
      resolve(JSON.parse(readFileSync(json, 'utf8').trim().split('\n').pop()!) as RunSummary);
    });
  });
}

/**
 * A lab organisation made with the shell (the walkthrough's seed commands) and the certificate
 * store (the server certificate enabled for SMTP, the lab CA as a trusted root, its CRL) in
 * `stateRoot`; the service then reads its settings with transportSettingsFromStore and checks
 * peers with storePeerValidator, as for any user.
 */
async function prepareOrganisation(stateRoot: string, certificates: ReturnType<typeof labCertificates>, port: number): Promise<void> {
  const read = (path: string): string => readFileSync(path, 'utf8');
  const logging = process.env.EMSH_BENCH_LOGGING === 'None' ? 'None' : 'Verbose';
  const shell = createShell({ stateRoot });
  try {
    for (const line of [
      'Initialize-LabOrganization -Name Contoso -DomainName contoso.com -EdgeServer mail.contoso.com -ListenPort 2525 -NoDnsRegistration | Out-Null',
      'Set-TransportConfig -TLSSendDomainSecureList woodgrovebank.com -TLSReceiveDomainSecureList woodgrovebank.com',
      'Set-SendConnector Internet -DomainSecureEnabled:$True',
      `Set-ReceiveConnector Inet -Bindings 127.0.0.1:${port} -DomainSecureEnabled:$True -AuthMechanism TLS -ProtocolLoggingLevel ${logging}`,
    ]) {
      const { err } = await shell.run(line);
      if (err) throw new Error(`${line}\n${err}`);
    }
    const state = exchangeState(shell.session);
    const store = new CertificateStore(state, openServerContext(state).serverName);
    const keyId = state.keys.saveKey(read(certificates.contoso.keyPath), { exportable: false });
    const { certificate } = store.importCertificate({ certificatePem: read(certificates.contoso.certPath), keyId, certificateDomains: ['mail.contoso.com'] });
    store.enableServices(certificate.thumbprint, SERVICES.SMTP, { makeDefaultSmtp: true });
    store.addTrustedRoot(read(certificates.caPath));
    store.importCrl({ issuer: parseCertificate(read(certificates.caPath)).subject, crlPem: read(certificates.crlPath) });
  } finally {
    await shell.dispose();
  }
}

interface Target {
  label: string;
  port: number;
  /** A pid (its process tree is measured) or Postfix's pid file. */
  pid: number | string;
}

/**
 * The service as users run it: the built CLI's `emsh -Service` (dist/emsh.js, no TypeScript loader)
 * on a state root of its own, with `workers` receive workers (EMSH_RECEIVE_WORKERS; unset: the
 * default, one per core up to two). Its process tree (owner and workers) is what gets measured.
 */
async function startEmsh(workers: string | undefined, certificates: ReturnType<typeof labCertificates>): Promise<{ target: Target; stop: () => Promise<void> }> {
  const state = mkdtempSync(join(tmpdir(), 'emsh-bench-mailflow-state-'));
  const port = await freePort();
  await prepareOrganisation(state, certificates, port);
  // The lab DNS registry the service registers its listener in stays private to the server.
  const env: NodeJS.ProcessEnv = { ...process.env, EMSH_HOME: state, EMSH_LAB_REGISTRY: join(state, 'lab-dns.json') };
  if (workers !== undefined) env.EMSH_RECEIVE_WORKERS = workers;
  else delete env.EMSH_RECEIVE_WORKERS;
  const server = spawn(process.execPath, [cli, '-Service'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`listening on Inet 127.0.0.1:${port}`)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`emsh -Service exited with ${code}: ${output}`)));
  });
  return {
    target: { label: workers === undefined ? 'emsh' : `emsh w=${workers}`, port, pid: server.pid! },
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      rmSync(state, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  // What users run is the bundle: build it from this tree first (npm run bench does too).
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'ignore' });
  const scratch = mkdtempSync(join(tmpdir(), 'emsh-bench-mailflow-'));
  const certificates = labCertificates();
  const files = { ca: certificates.caPath, cert: certificates.woodgrove.certPath, key: certificates.woodgrove.keyPath };
  // EMSH_BENCH_WORKERS=0,2 runs one emsh per receive-worker count, in the same alternating rounds.
  const workerCounts = process.env.EMSH_BENCH_WORKERS ? process.env.EMSH_BENCH_WORKERS.split(',') : [undefined];
  const servers = [];
  for (const workers of workerCounts) servers.push(await startEmsh(workers, certificates));
  const targets = servers.map((server) => server.target);

  let postfix: PostfixInstance | undefined;
  const unavailable = postfixUnavailable();
  if (unavailable) {
    console.log(`Postfix: skipped (${unavailable})`);
  } else {
    postfix = await startPostfix({
      mode: 'benchmark',
      hostname: 'mail.contoso.com',
      localDomain: 'contoso.com',
      certificate: certificates.contoso,
      caPath: certificates.caPath,
      relayDomain: 'unused.invalid',
      relayPort: 9,
    });
    targets.push({ label: 'postfix', port: postfix.port, pid: postfix.pidFile });
  }

  const results: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  function record(key: string, summary: RunSummary): void {
    (results[key] ??= []).push(summary.median_sessions_per_s);
    if (summary.median_server_cpu_ms_per_session !== null) (cpu[key] ??= []).push(summary.median_server_cpu_ms_per_session);
    if (summary.total_failures > 0) console.log(`  ${key}: ${summary.total_failures} failed sessions`);
  }
  const width = Math.max(...targets.map((target) => target.label.length));

  try {
    // Unmeasured warm-up of every server (JIT for Node, process pools for Postfix).
    for (const target of targets) await load(`${target.label}-warmup`, target.port, 8, warmupSessions, target.pid, files, scratch);
    console.log(`mutual TLS, ${rounds} alternating rounds, ${sessionsPerRun} sessions (C=1) / ${sessionsPerRun * 2} (C=8) per run, node ${process.version}`);
    for (const concurrency of [1, 8]) {
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        for (const target of order) {
          const summary = await load(target.label.replace(/\W+/g, '-'), target.port, concurrency, concurrency === 1 ? sessionsPerRun : sessionsPerRun * 2, target.pid, files, scratch);
          record(`${target.label} C=${concurrency}`, summary);
          console.log(`  round ${round + 1} ${target.label.padEnd(width)} C=${concurrency}: ${summary.median_sessions_per_s.toFixed(1)} sessions/s, latency ${summary.median_lat_ms_median.toFixed(2)} ms, ${cpuLine(summary)}`);
        }
      }
    }
    console.log('\nmedian sessions/s (server CPU ms/session)');
    for (const concurrency of [1, 8]) {
      const line = targets
        .filter((target) => results[`${target.label} C=${concurrency}`])
        .map((target) => {
          const key = `${target.label} C=${concurrency}`;
          return `${target.label} ${median(results[key]!).toFixed(1)}/s (${cpu[key] ? median(cpu[key]!).toFixed(2) : 'n/a'} ms)`;
        })
        .join('   ');
      console.log(`  C=${concurrency}: ${line}`);
    }
  } finally {
    for (const server of servers) await server.stop();
    await postfix?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();

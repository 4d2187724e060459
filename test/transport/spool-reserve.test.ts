// Spool files created ahead of need (src/transport/spool-reserve.ts): a session's MAIL FROM gets
// one ready, the message is written into it and renamed into the mailbox, unused ones go at stop,
// leftovers of a dead process go at the next start.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/store/atomic-write.ts';
import { clearSpoolReserve, SpoolReserve, spoolReserveDirectory } from '../../src/transport/spool-reserve.ts';
import { startTransportService, type TransportService } from '../../src/transport/transport-service.ts';
import { labCertificates } from './helpers/certificates.ts';
import { contosoSettings, inetReceiveConnector, LabRegistry, temporaryStateDir } from './helpers/organisations.ts';
import { SmtpDialogue } from './helpers/smtp-dialogue.ts';
import { waitFor } from './helpers/wait.ts';

describe('SpoolReserve', () => {
  const state = temporaryStateDir('spool-reserve');
  after(() => state.remove());

  it('creates an empty private file ahead of need, which a write fills and renames into another folder', async () => {
    const reserve = new SpoolReserve(state.path);
    reserve.prepare();
    await waitFor(() => reserve.readyCount === 1, 5000, 'a prepared file');
    const prepared = reserve.take()!;
    assert.equal(reserve.take(), undefined);
    assert.equal(statSync(prepared.path).size, 0);
    if (process.platform !== 'win32') assert.equal(statSync(prepared.path).mode & 0o777, 0o600);
    const target = join(state.path, 'mailbox', 'contoso.com', 'kim', 'one.eml');
    await writeFileAtomic(target, 'Subject: reserved\r\n\r\nbody\r\n', { mode: 0o600, createFolder: true, syncData: false, syncFolder: false }, prepared);
    assert.equal(readFileSync(target, 'utf8'), 'Subject: reserved\r\n\r\nbody\r\n');
    assert.equal(existsSync(prepared.path), false);
    assert.deepEqual(readdirSync(spoolReserveDirectory(state.path)), []);
    reserve.close();
  });

  it('keeps at most its limit ready and removes the unused ones when closed', async () => {
    const reserve = new SpoolReserve(state.path, 2);
    for (let index = 0; index < 5; index++) reserve.prepare();
    await waitFor(() => reserve.readyCount === 2, 5000, 'two prepared files');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(readdirSync(spoolReserveDirectory(state.path)).length, 2);
    reserve.close();
    assert.deepEqual(readdirSync(spoolReserveDirectory(state.path)), []);
    reserve.prepare();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(reserve.readyCount, 0);
    assert.deepEqual(readdirSync(spoolReserveDirectory(state.path)), []);
  });

  it('clearSpoolReserve removes what a process that died left', async () => {
    mkdirSync(spoolReserveDirectory(state.path), { recursive: true });
    writeFileSync(join(spoolReserveDirectory(state.path), '12345-abcdef.tmp'), '');
    await clearSpoolReserve(state.path);
    assert.equal(existsSync(spoolReserveDirectory(state.path)), false);
  });
});

describe('the receive side uses the reserve', () => {
  const certificates = labCertificates();
  const state = temporaryStateDir('spool-reserve-service');
  let service: TransportService;
  let port: number;

  before(async () => {
    mkdirSync(spoolReserveDirectory(state.path), { recursive: true });
    writeFileSync(join(spoolReserveDirectory(state.path), '99999-left.tmp'), '');
    const settings = contosoSettings({ stateDir: state.path, certificates, registry: new LabRegistry() });
    service = await startTransportService({ ...settings, durableWrites: false, receiveConnectors: [inetReceiveConnector('mail.contoso.com')] });
    port = service.listeners[0]!.port;
  });

  after(async () => {
    await service?.stop();
    state.remove();
  });

  it('removed the leftover of an earlier process at start', () => {
    assert.equal(existsSync(join(spoolReserveDirectory(state.path), '99999-left.tmp')), false);
  });

  it('writes a message into the file its MAIL FROM prepared (its inode ends in the mailbox)', async () => {
    const dialogue = await SmtpDialogue.open(port);
    assert.equal((await dialogue.read())?.code, 220);
    assert.equal((await dialogue.send('EHLO relay.fabrikam.com')).code, 250);
    assert.equal((await dialogue.send('MAIL FROM:<ops@fabrikam.com>')).code, 250);
    const folder = spoolReserveDirectory(state.path);
    await waitFor(() => existsSync(folder) && readdirSync(folder).length === 1, 5000, 'a prepared spool file');
    const prepared = statSync(join(folder, readdirSync(folder)[0]!)).ino;
    assert.equal((await dialogue.send('RCPT TO:<kim@contoso.com>')).code, 250);
    assert.equal((await dialogue.send('DATA')).code, 354);
    assert.equal((await dialogue.send('Subject: prepared\r\n\r\nwritten into a prepared file\r\n.')).code, 250);
    await dialogue.send('QUIT');
    dialogue.close();
    const [entry] = service.listMailbox('kim@contoso.com');
    assert.ok(entry, 'delivered');
    assert.match(readFileSync(entry.path, 'utf8'), /written into a prepared file/);
    assert.equal(statSync(entry.path).ino, prepared);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('removes prepared files nobody used when the service stops', async () => {
    const dialogue = await SmtpDialogue.open(port);
    await dialogue.read();
    await dialogue.send('EHLO relay.fabrikam.com');
    assert.equal((await dialogue.send('MAIL FROM:<ops@fabrikam.com>')).code, 250);
    const folder = spoolReserveDirectory(state.path);
    await waitFor(() => existsSync(folder) && readdirSync(folder).length === 1, 5000, 'a prepared spool file');
    await dialogue.send('QUIT');
    dialogue.close();
    await service.stop();
    assert.deepEqual(readdirSync(folder), []);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DocumentStore } from '../../src/store/documents.ts';
import { subscribeEdge } from '../../src/store/edge-sync.ts';
import { listReceiveConnectors } from '../../src/store/receive-connectors.ts';
import { openServerContext, visibleServers } from '../../src/store/server-context.ts';
import { getServer, listServers, newServer, parseServerRole } from '../../src/store/servers.ts';
import { counterSpec } from './fixtures/counter-document.ts';
import { assertStoreError, openTestState, snapshotFolder, tempFolder } from './helpers.ts';

test('newServer takes an FQDN as the name (Contoso\'s mail1.contoso.com, mail2.mail.contoso.com)', async (t) => {
  const state = await openTestState(t, 'hub1.contoso.com');
  const mail2 = newServer(state, { name: 'mail2.mail.contoso.com', role: 'EdgeTransport' });
  assert.equal(mail2.Name, 'mail2');
  assert.equal(mail2.Fqdn, 'mail2.mail.contoso.com');
  assert.equal(mail2.ServerRole, 'Edge');
  assert.equal(mail2.Site, null);
  const hub = newServer(state, { name: 'EXHUB01', fqdn: 'exhub01.contoso.com', role: 'hub' });
  assert.equal(hub.ServerRole, 'HubTransport');
  assert.equal(hub.Site, 'Default-First-Site-Name');
  assert.deepEqual(listReceiveConnectors(openServerContext(state, 'EXHUB01', {})).map((c) => c.Identity), ['EXHUB01\\Default EXHUB01', 'EXHUB01\\Client EXHUB01']);
  assert.deepEqual(listServers(state.documents).map((s) => s.Name), ['hub1', 'mail2', 'EXHUB01']);
  assert.equal(getServer(state.documents, 'MAIL2.mail.contoso.com', 'x').Guid, mail2.Guid);
});

test('server names, FQDNs and roles are validated; duplicates are refused; nothing is written on error', async (t) => {
  const state = await openTestState(t);
  const before = snapshotFolder(state.root);
  await assertStoreError(() => newServer(state, { name: 'MAIL1', fqdn: 'other.contoso.com', role: 'Edge' }), "A server named 'mail1' (mail1.contoso.com) already exists in this organization; choose another name and FQDN.", 'ServerAlreadyExists');
  await assertStoreError(() => newServer(state, { name: 'edge_01', role: 'Edge' }), /"edge_01" isn't a valid server name/, 'InvalidServerName');
  await assertStoreError(() => newServer(state, { name: 'EDGE02', fqdn: 'edge 02.contoso.com', role: 'Edge' }), /isn't a valid fully qualified domain name for server EDGE02/, 'InvalidServerFqdn');
  await assertStoreError(() => parseServerRole('Mailbox'), `"Mailbox" isn't a server role emsh knows; use HubTransport or Edge.`, 'InvalidServerRole');
  await assertStoreError(() => getServer(state.documents, 'mail7', 'mail1.contoso.com'), "The operation couldn't be performed because object 'mail7' couldn't be found on 'mail1.contoso.com'.");
  assert.deepEqual(snapshotFolder(state.root), before);
});

test('an Edge sees only itself; the organisation sees Hub servers and subscribed Edges', async (t) => {
  const state = await openTestState(t);
  newServer(state, { name: 'HUB1', fqdn: 'hub1.contoso.com', role: 'HubTransport' });
  newServer(state, { name: 'mail2.mail.contoso.com', role: 'Edge' });
  subscribeEdge(state, 'mail2');
  assert.deepEqual(visibleServers(openServerContext(state, 'mail1', {})).map((s) => s.Name), ['mail1']);
  assert.deepEqual(visibleServers(openServerContext(state, 'HUB1', {})).map((s) => s.Name), ['HUB1', 'mail2']);
});

test('a transaction function must be synchronous', (t) => {
  const root = tempFolder(t);
  const store = new DocumentStore({ folder: root, lockFile: path.join(root, 'state.lock') });
  assert.throws(() => store.transaction(async (tx) => tx.write(counterSpec, { schemaVersion: 2, count: 1 })), /must be synchronous/);
  assert.equal(store.exists(counterSpec), false);
});

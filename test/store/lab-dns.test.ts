import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LabDnsRegistry, resolveLabRegistryPath } from '../../src/store/lab-dns.ts';
import { assertStoreError, runFixture, tempFolder } from './helpers.ts';

test('the registry sits beside the state root unless $EMSH_LAB_REGISTRY names it', () => {
  assert.equal(resolveLabRegistryPath('/lab/contoso', {}), '/lab/emsh-lab-registry.json');
  assert.equal(resolveLabRegistryPath('/lab/woodgrove', {}), '/lab/emsh-lab-registry.json', 'two organisations share it');
  assert.equal(resolveLabRegistryPath('/lab/contoso', { EMSH_LAB_REGISTRY: '/tmp/shared.json' }), '/tmp/shared.json');
});

test('register, resolve case-insensitively, replace, unregister', (t) => {
  const registry = new LabDnsRegistry(path.join(tempFolder(t), 'registry.json'));
  registry.register({ domain: 'contoso.com', host: '127.0.0.1', port: 2525, organization: 'Contoso', stateRoot: '/lab/contoso' });
  registry.register({ domain: 'woodgrovebank.com', host: '::1', port: 2526, stateRoot: '/lab/woodgrove' });
  assert.deepEqual({ ...registry.resolve('WoodgroveBank.com'), registeredAt: 'x' }, {
    domain: 'woodgrovebank.com',
    host: '::1',
    port: 2526,
    organization: null,
    stateRoot: '/lab/woodgrove',
    registeredAt: 'x',
  });
  registry.register({ domain: 'CONTOSO.com', host: 'localhost', port: 2600 });
  assert.equal(registry.list().length, 2);
  assert.equal(registry.resolve('contoso.com')?.port, 2600);
  assert.equal(registry.resolve('mail.contoso.com'), undefined, 'no parent-domain matching');
  assert.equal(registry.unregister('contoso.com'), true);
  assert.equal(registry.unregister('contoso.com'), false);
  assert.equal(registry.unregisterStateRoot('/lab/woodgrove'), 1);
  assert.deepEqual(registry.list(), []);
  assert.equal(fs.existsSync(`${registry.file}.lock`), false);
});

test('only loopback endpoints and valid domains and ports are accepted', async (t) => {
  const registry = new LabDnsRegistry(path.join(tempFolder(t), 'registry.json'));
  await assertStoreError(() => registry.register({ domain: 'contoso.com', host: '10.0.0.1', port: 25 }), /isn't a loopback address/, 'LabHostNotLoopback');
  await assertStoreError(() => registry.register({ domain: 'contoso.com', host: '127.0.0.1', port: 0 }), /The lab port 0 isn't valid/, 'InvalidLabPort');
  await assertStoreError(() => registry.register({ domain: '*.contoso.com', host: '127.0.0.1', port: 25 }), '"*.contoso.com" isn\'t a valid SMTP domain.');
  assert.deepEqual(registry.list(), []);
  await assertStoreError(() => new LabDnsRegistry('/tmp/registry.txt'), /must have the extension .json/);
});

test('another process sees a registration', (t) => {
  const file = path.join(tempFolder(t), 'registry.json');
  const child = runFixture('lab-register.ts', [file, 'woodgrovebank.com', '2525']);
  assert.equal(child.status, 0, child.stderr);
  assert.equal(new LabDnsRegistry(file).resolve('woodgrovebank.com')?.port, 2525);
});

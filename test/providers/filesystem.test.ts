import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { FileSystemProvider } from '../../src/providers/filesystem.ts';
import { classifyPath, applySegments, qualifierOf } from '../../src/providers/ps-path.ts';
import { ProviderError } from '../../src/providers/path-errors.ts';

const root = mkdtempSync(path.join(tmpdir(), 'emsh-fs-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('PowerShell path syntax', () => {
  it('classifies drive, relative, rooted, home and native paths', () => {
    assert.deepEqual(classifyPath('c:\\certificates\\request.p7c'), { kind: 'drive', drive: 'c', rest: '\\certificates\\request.p7c', rooted: true });
    assert.deepEqual(classifyPath('C:/certs'), { kind: 'drive', drive: 'C', rest: '/certs', rooted: true });
    assert.deepEqual(classifyPath('C:certs'), { kind: 'drive', drive: 'C', rest: 'certs', rooted: false });
    assert.deepEqual(classifyPath('.\\a'), { kind: 'relative', rest: '.\\a' });
    assert.deepEqual(classifyPath('\\certs'), { kind: 'driveRoot', rest: '\\certs' });
    assert.deepEqual(classifyPath('~\\x'), { kind: 'home', rest: '\\x' });
    assert.deepEqual(classifyPath('/tmp/x'), { kind: 'native', native: '/tmp/x' });
    assert.deepEqual(classifyPath('Microsoft.PowerShell.Core\\FileSystem::/tmp/x'), { kind: 'native', native: '/tmp/x' });
    assert.deepEqual(classifyPath('FileSystem::C:\\x'), { kind: 'drive', drive: 'C', rest: '\\x', rooted: true });
  });

  it('normalises segments: both separators, dot, dot-dot never above the root', () => {
    assert.deepEqual(applySegments(['a', 'b'], '..\\c/./d'), ['a', 'c', 'd']);
    assert.deepEqual(applySegments([], '..\\..\\x'), ['x']);
    assert.equal(qualifierOf('C:\\a\\b'), 'C:');
    assert.equal(qualifierOf('a\\b'), '');
  });
});

describe('FileSystemProvider', () => {
  const state = path.join(root, 'state');
  const fs = new FileSystemProvider(state, root);
  const cRoot = path.join(state, 'drives', 'C');

  it('maps C: under the state root and creates it on first use', () => {
    const p = fs.resolve('c:\\certificates\\request.p7c');
    assert.equal(p.native, path.join(cRoot, 'certificates', 'request.p7c'));
    assert.equal(p.psPath, 'C:\\certificates\\request.p7c');
    assert.equal(fs.resolve('C:/').psPath, 'C:\\');
  });

  it('starts at the process directory shown as a native path', () => {
    assert.equal(fs.location.psPath, root);
    assert.equal(fs.location.native, root);
  });

  it('resolves relative paths against the current location and keeps per-drive locations', () => {
    mkdirSync(path.join(cRoot, 'certificates'), { recursive: true });
    fs.setLocation(fs.resolve('C:\\certificates'));
    assert.equal(fs.resolve('x.pfx').psPath, 'C:\\certificates\\x.pfx');
    assert.equal(fs.resolve('..\\y').psPath, 'C:\\y');
    assert.equal(fs.resolve('\\z').psPath, 'C:\\z');
    fs.setLocation(fs.resolve(root));
    assert.equal(fs.resolve('C:x').psPath, 'C:\\certificates\\x');
  });

  it('matches existing names case-insensitively on C:', () => {
    writeFileSync(path.join(cRoot, 'certificates', 'Request.p7c'), 'x');
    const p = fs.resolve('c:\\CERTIFICATES\\request.P7C');
    assert.equal(p.native, path.join(cRoot, 'certificates', 'Request.p7c'));
    assert.equal(p.psPath, 'C:\\certificates\\Request.p7c');
  });

  it('maps native paths under a drive root back to the drive', () => {
    assert.equal(fs.toPSPath(path.join(cRoot, 'certificates')), 'C:\\certificates');
    assert.equal(fs.toPSPath('/usr/bin'), '/usr/bin');
  });

  it('reports unknown drives with PowerShell’s DriveNotFound error', () => {
    assert.throws(
      () => fs.resolve('Q:\\x'),
      (e: unknown) => e instanceof ProviderError && e.errorId === 'DriveNotFound' && e.message === "Cannot find drive. A drive with the name 'Q' does not exist.",
    );
  });

  it('expands wildcards in any segment, sorted by name, existing matches only', () => {
    const logs = path.join(cRoot, 'logs');
    mkdirSync(path.join(logs, 'b'), { recursive: true });
    mkdirSync(path.join(logs, 'a'), { recursive: true });
    writeFileSync(path.join(logs, 'a', 'one.log'), '1');
    writeFileSync(path.join(logs, 'b', 'two.log'), '2');
    writeFileSync(path.join(logs, 'b', 'two.txt'), '2');
    assert.deepEqual(fs.expand('C:\\logs\\*\\*.log').map((p) => p.psPath), ['C:\\logs\\a\\one.log', 'C:\\logs\\b\\two.log']);
    assert.deepEqual(fs.expand('c:/LOGS/b/two.*').map((p) => p.psPath), ['C:\\logs\\b\\two.log', 'C:\\logs\\b\\two.txt']);
    assert.deepEqual(fs.expand('C:\\logs\\nothing*'), []);
    assert.equal(fs.expand('C:\\logs\\missing.txt')[0].psPath, 'C:\\logs\\missing.txt');
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeEntries, encodeEntry, HistoryStore, isSensitive } from '../../src/host/history-file.ts';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'emsh-history-')), 'history');
}

describe('history file format', () => {
  it('writes multi-line entries PSReadLine-style, with a backtick before each newline', () => {
    assert.equal(encodeEntry('if ($x) {\n  1\n}'), 'if ($x) {`\n  1`\n}\n');
    assert.deepEqual(decodeEntries('a\nif ($x) {`\n  1`\n}\nb\n').entries, ['a', 'if ($x) {\n  1\n}', 'b']);
  });
  it('keeps a line-continuation backtick of the command itself', () => {
    const entry = 'Get-Item `\n  -Path x';
    assert.deepEqual(decodeEntries(encodeEntry(entry)).entries, [entry]);
  });
  it('leaves a partial entry unread', () => {
    const r = decodeEntries('a\nb`\nc');
    assert.deepEqual(r.entries, ['a']);
    assert.equal(r.consumed, 2);
  });
  it('recognises sensitive lines as PSReadLine does', () => {
    assert.ok(isSensitive("$p = ConvertTo-SecureString 'x' -AsPlainText -Force"));
    assert.ok(isSensitive('Set-Thing -Password x'));
    assert.ok(isSensitive('$apiKey = 1'));
    assert.ok(!isSensitive('Get-ExchangeCertificate'));
  });
});

describe('HistoryStore', () => {
  it('appends entries and reads them back in a new session', () => {
    const file = tempFile();
    const a = new HistoryStore({ file });
    a.load();
    assert.equal(a.add('Get-ExchangeCertificate'), true);
    a.add('if ($true) {\n  "yes"\n}');
    const b = new HistoryStore({ file });
    b.load();
    assert.deepEqual(b.entries, ['Get-ExchangeCertificate', 'if ($true) {\n  "yes"\n}']);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });
  it('keeps no duplicates: a repeated command moves to the end', () => {
    const file = tempFile();
    const h = new HistoryStore({ file });
    h.load();
    h.add('a');
    h.add('b');
    h.add('a');
    assert.deepEqual(h.entries, ['b', 'a']);
    const again = new HistoryStore({ file });
    again.load();
    assert.deepEqual(again.entries, ['b', 'a']);
  });
  it('keeps sensitive lines in memory only', () => {
    const file = tempFile();
    const h = new HistoryStore({ file });
    h.load();
    h.add('Get-Date');
    assert.equal(h.add("$pw = ConvertTo-SecureString 'P@ss' -AsPlainText -Force"), false);
    assert.equal(h.entries.length, 2);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /AsPlainText/);
  });
  it('shares the file between two open shells without duplicating its own lines', () => {
    const file = tempFile();
    const one = new HistoryStore({ file });
    const two = new HistoryStore({ file });
    one.load();
    two.load();
    one.add('from-one-1');
    two.add('from-two-1');
    one.add('from-one-2');
    assert.deepEqual(two.refresh(), ['from-one-2'], 'from-one-1 was read when two added its line');
    assert.deepEqual(one.refresh(), []);
    assert.deepEqual(one.entries, ['from-one-1', 'from-two-1', 'from-one-2']);
    assert.deepEqual(two.entries, ['from-one-1', 'from-two-1', 'from-one-2']);
  });
  it('bounds the entries in memory', () => {
    const h = new HistoryStore({ max: 3 });
    for (const e of ['1', '2', '3', '4']) h.add(e);
    assert.deepEqual(h.entries, ['2', '3', '4']);
  });
  it('rereads a file that was truncated', () => {
    const file = tempFile();
    const h = new HistoryStore({ file });
    h.load();
    h.add('old-1');
    h.add('old-2');
    writeFileSync(file, 'new\n');
    assert.deepEqual(h.refresh(), ['new']);
  });
  it('never tears entries when two processes append at once', async () => {
    const file = tempFile();
    const writer = `
      import { HistoryStore } from ${JSON.stringify(new URL('../../src/host/history-file.ts', import.meta.url).href)};
      const h = new HistoryStore({ file: process.argv[1] });
      h.load();
      for (let i = 0; i < 150; i++) h.add(process.argv[2] + '-' + i + (i % 10 === 0 ? '\\n  continued' : ''));
    `;
    const run = (tag: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer, file, tag], { stdio: 'inherit' });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${tag} exited ${code}`))));
      });
    await Promise.all([run('A'), run('B')]);
    const h = new HistoryStore({ file });
    h.load();
    assert.equal(h.entries.length, 300);
    for (const tag of ['A', 'B']) {
      const mine = h.entries.filter((e) => e.startsWith(`${tag}-`));
      assert.equal(mine.length, 150);
      assert.ok(mine.includes(`${tag}-10\n  continued`));
    }
  });
});

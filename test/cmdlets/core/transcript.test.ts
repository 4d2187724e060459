// Start-Transcript / Stop-Transcript: 5.1's header, start/stop lines and footer; what the host writes and
// reads is recorded (output, Write-Host, warnings, errors, prompts with answers); -Append, -NoClobber,
// nesting, the not-transcribing error, and the ink shell's command lines through transcribeCommandLine.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { transcribeCommandLine } from '../../../src/runtime/host-ui.ts';
import { withShell } from './helpers.ts';

describe('transcripts', () => {
  it('records output, host text, warnings and errors between the header and the footer', () =>
    withShell(async (shell) => {
      const file = join(shell.stateRoot, 'session.txt');
      const started = await shell.run(`Start-Transcript -Path '${file}'`);
      assert.equal(started.out, `Transcript started, output file is ${file}\n`);
      await shell.run("'object output'; Write-Host 'host text'; Write-Warning 'careful'; Write-Error 'broken'");
      const stopped = await shell.run('Stop-Transcript');
      assert.equal(stopped.out, `Transcript stopped, output file is ${file}\n`);
      await shell.run("'after the transcript'");
      const lines = readFileSync(file, 'utf8').split('\n');
      assert.deepEqual(lines.slice(0, 2), ['**********************', 'Windows PowerShell transcript start']);
      assert.match(lines[2], /^Start time: \d{14}$/);
      assert.ok(lines.includes('PSVersion: 5.1.14393.0'));
      const body = lines.slice(lines.indexOf('**********************', 1) + 1);
      assert.equal(body[0], `Transcript started, output file is ${file}`);
      assert.deepEqual(body.slice(1, 4), ['object output', 'host text', 'WARNING: careful']);
      assert.match(body[4], /: broken$/);
      assert.deepEqual(body.slice(-5, -3), ['**********************', 'Windows PowerShell transcript end']);
      assert.match(body.at(-3)!, /^End time: \d{14}$/);
      assert.equal(body.at(-2), '**********************');
      assert.ok(!body.join('\n').includes('after the transcript'));
      assert.ok(!body.join('\n').includes('Transcript stopped'));
    }));

  it('records a prompt with its answer, and command lines the shell reads', () =>
    withShell(
      async (shell) => {
        const file = join(shell.stateRoot, 'prompt.txt');
        await shell.run(`Start-Transcript -Path '${file}' | Out-Null`);
        await shell.run("$name = Read-Host 'Your name'");
        transcribeCommandLine(shell.host, 'PS C:\\> Get-Date');
        await shell.run('Stop-Transcript | Out-Null');
        transcribeCommandLine(shell.host, 'PS C:\\> not recorded');
        const text = readFileSync(file, 'utf8');
        assert.match(text, /^Your name: Ada$/m);
        assert.match(text, /^PS C:\\> Get-Date$/m);
        assert.ok(!text.includes('not recorded'));
      },
      { answers: ['Ada'] },
    ));

  it('replaces a file unless -Append; -NoClobber refuses an existing file', () =>
    withShell(async (shell) => {
      const file = join(shell.stateRoot, 'log.txt');
      writeFileSync(file, 'old line\n');
      await shell.run(`Start-Transcript '${file}' -Append | Out-Null; 'first'; Stop-Transcript | Out-Null`);
      assert.match(readFileSync(file, 'utf8'), /^old line\n\*{22}\n/);
      await shell.run(`Start-Transcript '${file}' | Out-Null; Stop-Transcript | Out-Null`);
      assert.ok(!readFileSync(file, 'utf8').includes('old line'));
      const r = await shell.run(`Start-Transcript '${file}' -NoClobber`);
      assert.match(r.err, /already exists and NoClobber was specified/);
      assert.equal((await shell.run('Stop-Transcript')).err.includes('not currently transcribing'), true);
    }));

  it('nests: Stop-Transcript stops the latest one; with none running it is 5.1\'s error', () =>
    withShell(async (shell) => {
      const outer = join(shell.stateRoot, 'outer.txt');
      const inner = join(shell.stateRoot, 'inner.txt');
      await shell.run(`Start-Transcript '${outer}' | Out-Null; Start-Transcript '${inner}' | Out-Null; 'both'`);
      await shell.run("Stop-Transcript | Out-Null; 'outer only'; Stop-Transcript | Out-Null");
      assert.match(readFileSync(outer, 'utf8'), /^both$[\s\S]*^outer only$/m);
      assert.match(readFileSync(inner, 'utf8'), /^both$/m);
      assert.ok(!readFileSync(inner, 'utf8').includes('outer only'));
      const r = await shell.run('Stop-Transcript');
      assert.match(r.err, /^Stop-Transcript : An error occurred stopping transcription: The host is not currently transcribing\./);
      assert.match(r.err, /InvalidOperation,Microsoft\.PowerShell\.Commands\.StopTranscriptCommand/);
    }));
});

// The whole interactive shell (real session, parser and cmdlets) in ink-testing-library: commands
// typed at the prompt run, cmdlet prompts are answered inline, Ctrl+C stops a pipeline, Get-History.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { complete } from '../../../src/completion/complete.ts';
import { createSession } from '../../../src/host/create-session.ts';
import { HistoryStore } from '../../../src/host/history-file.ts';
import { grammarLanguage } from '../../../src/host/repl/grammar-language.ts';
import { InkHost } from '../../../src/host/repl/ink-host.ts';
import { ShellController } from '../../../src/host/repl/shell-controller.ts';
import { runShellLoop } from '../../../src/host/repl/shell-loop.ts';
import { ShellView } from '../../../src/host/repl/ShellView.tsx';
import { createTopLevelOutput } from '../../../src/host/top-level-output.ts';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

function start() {
  const root = mkdtempSync(join(tmpdir(), 'emsh-loop-'));
  const host = new InkHost({ color: false, columns: () => 100 });
  const session = createSession({ host, stateRoot: root });
  const history = new HistoryStore({ file: join(root, 'history') });
  history.load();
  const controller = new ShellController({
    language: grammarLanguage(),
    history: () => history.entries,
    complete: (t, c) => complete(session, t, c),
    color: false,
    onInterrupt: () => session.abort.abort(),
    width: () => 100,
    height: () => 30,
  });
  host.connect(controller);
  const ui = render(<ShellView controller={controller} />);
  const exit = runShellLoop({ session, controller, history, output: createTopLevelOutput(session) });
  const everything = () => plain(ui.frames.join('\n'));
  const type = async (...chunks: string[]) => {
    for (const c of chunks) {
      ui.stdin.write(c);
      await tick();
    }
  };
  const waitFor = async (re: RegExp, ms = 5000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (re.test(everything())) return;
      await tick(20);
    }
    assert.fail(`timed out waiting for ${re}:\n${everything()}`);
  };
  return { root, session, ui, type, waitFor, everything, exit };
}

afterEach(() => cleanup());

describe('the shell loop', () => {
  it('runs a command, answers Read-Host inline, and exits with exit N', async () => {
    const t = start();
    await t.waitFor(/PS .*>/);
    await t.type('$n = Read-Host "Name"; "Hello $n"', '\r');
    await t.waitFor(/Name:$/m);
    await t.type('Contoso', '\r');
    await t.waitFor(/^Hello Contoso$/m);
    await t.type('exit 4', '\r');
    assert.equal(await t.exit, 4);
  });
  it('keeps Get-History and the history file up to date, sensitive lines out of the file', async () => {
    const t = start();
    await t.waitFor(/PS .*>/);
    await t.type('1 + 1', '\r');
    await t.waitFor(/^2$/m);
    await t.type('$token = 5', '\r', 'Get-History', '\r');
    await t.waitFor(/ 2 \$token = 5/);
    assert.doesNotMatch(t.everything(), / 3 Get-History/, 'Get-History does not list itself');
    await t.type('\x04');
    assert.equal(await t.exit, 0);
    const file = readFileSync(join(t.root, 'history'), 'utf8');
    assert.equal(file, '1 + 1\nGet-History\n');
  });
  it('stops a long pipeline with Ctrl+C, quietly, and prompts again', async () => {
    const t = start();
    await t.waitFor(/PS .*>/);
    await t.type('1..1000000000 | % { $_ }', '\r');
    await t.waitFor(/^\d{3,}$/m);
    await t.type('\x03');
    await t.type('"after"', '\r');
    await t.waitFor(/^after$/m);
    assert.doesNotMatch(t.everything(), /pipeline has been stopped/);
    await t.type('\x04');
    assert.equal(await t.exit, 0);
  });
  it('prompts for a missing mandatory parameter inline', async () => {
    const t = start();
    await t.waitFor(/PS .*>/);
    await t.type('function Greet { param([Parameter(Mandatory)][string]$Name) "Hi $Name" }', '\r');
    await t.type('Greet', '\r');
    await t.waitFor(/cmdlet Greet at command pipeline position 1\nSupply values for the following parameters:/);
    await t.waitFor(/^Name:$/m);
    await t.type('Contoso', '\r');
    await t.waitFor(/^Hi Contoso$/m);
    await t.type('\x04');
    assert.equal(await t.exit, 0);
  });
});

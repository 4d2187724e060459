// The ink shell as a person uses it, through ink-testing-library: keys in, frames out.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { complete } from '../../../src/completion/complete.ts';
import { HistoryStore } from '../../../src/host/history-file.ts';
import { InkHost } from '../../../src/host/repl/ink-host.ts';
import { ShellController } from '../../../src/host/repl/shell-controller.ts';
import { ShellView } from '../../../src/host/repl/ShellView.tsx';
import { completionSession } from '../../completion/fixtures.ts';
import { fakeLanguage } from './fake-language.ts';

const tick = (ms = 25) => new Promise((r) => setTimeout(r, ms));
const PROMPT = 'PS C:\\> ';

function setup(entries: string[] = []) {
  const { session } = completionSession();
  const history = new HistoryStore();
  for (const e of entries) history.add(e);
  let interrupts = 0;
  const controller = new ShellController({
    language: fakeLanguage,
    history: () => history.entries,
    complete: (t, c) => complete(session, t, c),
    color: false,
    onInterrupt: () => interrupts++,
    width: () => 100,
    height: () => 30,
  });
  const host = new InkHost({ color: false, columns: () => 100 });
  host.connect(controller);
  const ui = render(<ShellView controller={controller} />);
  const type = async (...chunks: string[]) => {
    for (const c of chunks) {
      ui.stdin.write(c);
      await tick();
    }
  };
  // ink trims trailing blanks, and the selected candidate is in inverse video even without colour.
  const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
  const frame = () => plain(ui.lastFrame() ?? '');
  const everything = () => plain(ui.frames.join('\n'));
  return { controller, host, ui, type, frame, everything, interrupts: () => interrupts };
}

afterEach(() => cleanup());

describe('the prompt', () => {
  it('shows the prompt and edits the line with cursor keys', async () => {
    const t = setup();
    const line = t.controller.readCommand(PROMPT);
    await tick();
    assert.match(t.frame(), /PS C:\\>$/m);
    await t.type('Get-Dat', '\x1b[D', 'X', '\x1b[F', 'e');
    assert.match(t.frame(), /PS C:\\> Get-DaXte$/m);
    await t.type('\x01', '\x0b');
    assert.match(t.frame(), /PS C:\\>$/m);
    await t.type('Get-Date', '\r');
    assert.equal(await line, 'Get-Date');
    assert.match(t.frame(), /^PS C:\\> Get-Date$/m, 'the accepted line stays above');
  });
  it('continues an open block on >> lines and returns it whole', async () => {
    const t = setup();
    const line = t.controller.readCommand(PROMPT);
    await t.type('if ($true) {', '\r');
    assert.match(t.frame(), /PS C:\\> if \(\$true\) \{\n>>$/m);
    await t.type('"yes"', '\r', '}', '\r');
    assert.equal(await line, 'if ($true) {\n"yes"\n}');
  });
  it('takes a bracketed paste of several lines as text', async () => {
    const t = setup();
    const line = t.controller.readCommand(PROMPT);
    await t.type('\x1b[200~Get-Date\rGet-Item x\x1b[201~');
    assert.match(t.frame(), /PS C:\\> Get-Date\n>> Get-Item x/);
    await t.type('\r');
    assert.equal(await line, 'Get-Date\nGet-Item x');
  });
  it('Ctrl+C abandons the input and offers a new prompt; Ctrl+D on an empty line ends', async () => {
    const t = setup();
    const line = t.controller.readCommand(PROMPT);
    await t.type('Get-Item half', '\x03');
    assert.match(t.frame(), /PS C:\\> Get-Item half\nPS C:\\>$/m);
    await t.type('\x04');
    assert.equal(await line, null);
  });
});

describe('tab completion in the view', () => {
  it('completes a cmdlet name', async () => {
    const t = setup();
    void t.controller.readCommand(PROMPT);
    await t.type('Get-ExchangeCert', '\t');
    await tick();
    assert.match(t.frame(), /PS C:\\> Get-ExchangeCertificate$/m);
  });
  it('lists several matches and cycles through them', async () => {
    const t = setup();
    void t.controller.readCommand(PROMPT);
    await t.type('Get-', '\t');
    await tick();
    assert.match(t.frame(), /PS C:\\> Get-ExchangeCertificate\nGet-ExchangeCertificate\s+Get-Item/);
    await t.type('\t');
    assert.match(t.frame(), /PS C:\\> Get-Item\n/);
    await t.type(' ');
    assert.doesNotMatch(t.frame(), /Get-ExchangeCertificate/, 'typing closes the list');
  });
  it('completes parameter names and enum values', async () => {
    const t = setup();
    void t.controller.readCommand(PROMPT);
    await t.type('Set-ReceiveConnector -DomainS', '\t');
    await tick();
    assert.match(t.frame(), /-DomainSecureEnabled$/m);
    await t.type('\x15', 'Enable-ExchangeCertificate -Services S', '\t');
    await tick();
    assert.match(t.frame(), /PS C:\\> Enable-ExchangeCertificate -Services SMTP$/m);
  });
});

describe('history in the view', () => {
  it('Up recalls, Ctrl+R searches with a bck-i-search line', async () => {
    const t = setup(['Get-Item c:\\certificates', 'Get-Date']);
    void t.controller.readCommand(PROMPT);
    await t.type('\x1b[A');
    assert.match(t.frame(), /PS C:\\> Get-Date$/m);
    await t.type('\x1b[A');
    assert.match(t.frame(), /PS C:\\> Get-Item c:\\certificates$/m);
    await t.type('\x1b[B', '\x1b[B', '\x12', 'cert');
    assert.match(t.frame(), /PS C:\\> Get-Item c:\\certificates\nbck-i-search: cert/);
    await t.type('zz');
    assert.match(t.frame(), /failed-bck-i-search: certzz/);
  });
  it('shows the prediction and Right arrow accepts it', async () => {
    const t = setup(['Set-ReceiveConnector -DomainSecureEnabled $true']);
    void t.controller.readCommand(PROMPT);
    await t.type('Set-R');
    assert.match(t.frame(), /PS C:\\> Set-ReceiveConnector -DomainSecureEnabled \$true$/m);
    await t.type('\x1b[C', '\r');
    assert.match(t.frame(), /^PS C:\\> Set-ReceiveConnector -DomainSecureEnabled \$true$/m);
  });
});

describe('prompts from commands', () => {
  it('answers a Read-Host inline, after output written before it', async () => {
    const t = setup();
    t.controller.running();
    t.host.writeOutput('Looking up the organization...\n');
    t.host.writeHost('Name', { noNewline: true });
    const answer = t.host.readLine(': ');
    await tick();
    assert.match(t.frame(), /Name:$/m);
    await t.type('Contoso', '\r');
    assert.equal(await answer, 'Contoso');
    assert.match(t.everything(), /Looking up the organization\.\.\./);
    assert.match(t.frame(), /^Name: Contoso$/m);
  });
  it('masks a secret', async () => {
    const t = setup();
    t.controller.running();
    const answer = t.host.readSecret('Password: ');
    await t.type('P@ss', '\r');
    assert.equal(await answer, 'P@ss');
    assert.match(t.frame(), /^Password: \*\*\*\*$/m);
    assert.doesNotMatch(t.everything(), /P@ss/);
  });
  it('asks a choice again after ? and a wrong answer', async () => {
    const t = setup();
    t.controller.running();
    const choice = t.host.promptForChoice(
      'Confirm',
      'Overwrite the existing default SMTP certificate?',
      [
        { label: '&Yes', help: 'Continue with only the next step of the operation.' },
        { label: '&No', help: 'Skip this operation and proceed with the next operation.' },
      ],
      0,
    );
    await tick();
    assert.match(t.frame(), /\[Y\] Yes {2}\[N\] No {2}\[\?\] Help \(default is "Y"\):$/m);
    await t.type('?', '\r');
    assert.match(t.everything(), /Y - Continue with only the next step of the operation\./);
    await t.type('x', '\r', 'n', '\r');
    assert.equal(await choice, 1);
  });
  it('Ctrl+C in a prompt stops the command', async () => {
    const t = setup();
    t.controller.running();
    const answer = t.host.readLine('Path[0]: ');
    await t.type('half', '\x03');
    assert.equal(await answer, null);
    assert.equal(t.interrupts(), 1);
  });
});

describe('clearing the screen', () => {
  it('Clear-Host writes the ANSI clear and the prompt comes back; later lines still show', async () => {
    const t = setup();
    const first = t.controller.readCommand(PROMPT);
    await t.type('Clear-Host', '\r');
    await first;
    t.controller.running();
    t.host.clear();
    await tick();
    assert.ok(t.ui.frames.some((f) => f.includes('\x1b[H\x1b[2J\x1b[3J')), 'clear sequence written');
    assert.equal(t.controller.getSnapshot().echoes.length, 0, 'echoes before the clear are dropped');
    t.controller.commandDone();
    const second = t.controller.readCommand(PROMPT);
    await t.type('Get-Date', '\r');
    assert.equal(await second, 'Get-Date');
    assert.match(t.frame(), /^PS C:\\> Get-Date$/m);
    assert.deepEqual(t.controller.getSnapshot().echoes.map((e) => e.text), ['PS C:\\> Get-Date']);
  });
  it('Ctrl+L clears the screen but keeps the line being typed', async () => {
    const t = setup();
    void t.controller.readCommand(PROMPT);
    await t.type('Get-It', '\x0c');
    assert.ok(t.ui.frames.some((f) => f.includes('\x1b[H\x1b[2J') && !f.includes('\x1b[3J')));
    assert.match(t.frame(), /PS C:\\> Get-It$/m);
  });
});

describe('while a command runs', () => {
  it('Ctrl+C interrupts it; other keys wait for the next prompt', async () => {
    const t = setup();
    t.controller.running();
    await t.type('Get-');
    await t.type('\x03');
    assert.equal(t.interrupts(), 1);
    await t.type('Date');
    t.controller.commandDone();
    void t.controller.readCommand(PROMPT);
    await tick();
    assert.match(t.frame(), /PS C:\\> Date$/m, 'keys typed before Ctrl+C are dropped, later ones kept');
  });
  it('shows Write-Progress as a live bar and removes it when done', async () => {
    const t = setup();
    t.controller.running();
    t.host.progress({ activity: 'Copying', status: '5 of 10', percentComplete: 50, id: 1, completed: false });
    await tick(150);
    assert.match(t.frame(), /Copying\n {4}5 of 10\n {4}\[o+ +\]/);
    t.host.progress({ activity: 'Copying', status: '', percentComplete: 100, id: 1, completed: true });
    await tick();
    assert.doesNotMatch(t.frame(), /Copying/);
  });
});

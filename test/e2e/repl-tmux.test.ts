// The interactive shell end to end, in a pseudo-terminal under tmux, typed as a person types.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt, tempHome, tmuxAvailable, TmuxShell } from '../host/tmux-shell.ts';

const PROMPT = /PS [^\n]*> ?$/m;
const shells: TmuxShell[] = [];

function shell(options: Partial<ConstructorParameters<typeof TmuxShell>[0]> = {}): TmuxShell {
  const s = new TmuxShell({ home: tempHome(), ...options });
  shells.push(s);
  return s;
}

/** Names of the registered cmdlets, to run the Exchange checks only once those cmdlets exist. */
async function registeredCmdlets(): Promise<Set<string>> {
  try {
    const { allCmdletGroups } = await import('../../cmdlets/registry.ts');
    return new Set(allCmdletGroups.flat().map((c) => c.name));
  } catch {
    return new Set();
  }
}

const skip = tmuxAvailable() ? false : 'tmux is not installed';

describe('emsh in a terminal (tmux)', { skip, concurrency: 3 }, () => {
  let cmdlets = new Set<string>();
  before(async () => {
    ensureBuilt();
    cmdlets = await registeredCmdlets();
  });
  after(() => {
    for (const s of shells) s.kill();
  });

  it('shows the banner and a prompt', async () => {
    const s = shell();
    const screen = await s.waitFor(PROMPT);
    assert.match(screen, /^emsh \d+\.\d+\.\d+/m);
  });

  it('completes a cmdlet name with Tab (Get-ExchangeCert → Get-ExchangeCertificate)', async (t) => {
    const s = shell();
    await s.waitFor(PROMPT);
    s.type('Write-Ou');
    s.press('Tab');
    await s.waitFor(/> Write-Output$/m);
    if (!cmdlets.has('Get-ExchangeCertificate')) {
      t.skip('Get-ExchangeCertificate is not registered yet (cmdlets/exchange is still being written); checked Write-Ou → Write-Output instead');
      return;
    }
    s.press('C-u');
    s.type('Get-ExchangeCert');
    s.press('Tab');
    await s.waitFor(/> Get-ExchangeCertificate$/m);
  });

  it('completes a parameter name (Set-ReceiveConnector -DomainS → -DomainSecureEnabled)', async (t) => {
    const s = shell();
    await s.waitFor(PROMPT);
    s.type('Write-Host -NoN');
    s.press('Tab');
    await s.waitFor(/> Write-Host -NoNewline$/m);
    if (!cmdlets.has('Set-ReceiveConnector')) {
      t.skip('Set-ReceiveConnector is not registered yet (cmdlets/exchange is still being written); checked Write-Host -NoN → -NoNewline instead');
      return;
    }
    s.press('C-u');
    s.type('Set-ReceiveConnector -DomainS');
    s.press('Tab');
    await s.waitFor(/> Set-ReceiveConnector -DomainSecureEnabled$/m);
  });

  it('runs an if block typed over two lines', async () => {
    const s = shell();
    await s.waitFor(PROMPT);
    s.type('if ($true) {');
    s.press('Enter');
    await s.waitFor(/^>> ?$/m);
    s.type('"both lines ran" }');
    s.press('Enter');
    const screen = await s.waitFor(/^both lines ran$/m);
    assert.match(screen, /> if \(\$true\) \{\n>> "both lines ran" \}\nboth lines ran\n/);
  });

  it('recalls with Up a command typed in a previous session', async () => {
    const home = tempHome();
    const first = shell({ home });
    await first.waitFor(PROMPT);
    first.type('Write-Output "from the first session"');
    first.press('Enter');
    await first.waitFor(/^from the first session$/m);
    first.press('C-d');
    await first.waitFor(/\[exit 0\]/);
    const second = shell({ home });
    await second.waitFor(PROMPT);
    second.press('Up');
    await second.waitFor(/> Write-Output "from the first session"$/m);
    second.press('Enter');
    await second.waitFor(/^from the first session$/m);
  });

  it('stops `1..1000000000 | % { $_ }` with Ctrl+C and returns to the prompt', async () => {
    const s = shell();
    await s.waitFor(PROMPT);
    s.type('1..1000000000 | % { $_ }');
    s.press('Enter');
    await s.waitFor(/^\d{4,}$/m);
    s.press('C-c');
    await s.waitFor(/\d\nPS [^\n]*> ?$/m, 10000);
    s.type('Write-Output "back at the prompt"');
    s.press('Enter');
    await s.waitFor(/^back at the prompt$/m);
  });

  it('works in 80 columns with NO_COLOR: long input wraps and runs; exit N ends with N', async () => {
    const s = shell({ columns: 80, env: { NO_COLOR: '1' } });
    await s.waitFor(PROMPT);
    const long = `Write-Output "${'x'.repeat(90)}"`;
    s.type(long);
    await s.waitFor(/x{20}"$/m);
    s.press('Enter');
    await s.waitFor(new RegExp(`^${'x'.repeat(80)}$`, 'm'));
    s.type('exit 3');
    s.press('Enter');
    await s.waitFor(/\[exit 3\]/);
  });

  it('Ctrl+D on an empty line leaves the shell', async () => {
    const s = shell();
    await s.waitFor(PROMPT);
    s.press('C-d');
    await s.waitFor(/\[exit 0\]/);
  });

  it('uses the plain line prompt with NO_INK=1', async () => {
    const s = shell({ env: { NO_INK: '1' } });
    await s.waitFor(PROMPT);
    s.type('Write-Output plain');
    s.press('Enter');
    await s.waitFor(/^plain$/m);
  });
});

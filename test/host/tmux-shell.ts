// Drives `emsh` in a real pseudo-terminal through tmux, as a person types: send keys, read the screen.
// Each shell gets its own tmux server on a socket in a temporary folder, killed and removed at the
// end, so tests never touch other sessions.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

/** Builds dist/ when it is missing (npm test builds it first). */
export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'emsh.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'emsh-e2e-'));
}

export interface TmuxShellOptions {
  home: string;
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  args?: string[];
}

export class TmuxShell {
  private readonly folder = mkdtempSync(join(tmpdir(), 'emsh-tmux-'));
  private readonly socket = join(this.folder, 'socket');
  private readonly name = 'emsh';

  constructor(private readonly options: TmuxShellOptions) {
    const env = Object.entries({ EMSH_HOME: options.home, ...options.env })
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    // The exit code is shown after emsh ends, and the pane stays for the test to read it.
    const command = `cd ${shellQuote(ROOT)} && env ${env} ${shellQuote(process.execPath)} bin/emsh.js ${(options.args ?? []).map(shellQuote).join(' ')}; echo "[exit $?]"; sleep 600`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), command);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** Presses keys by tmux name: Enter, Tab, Up, C-c, C-r... */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name);
  }

  cursor(): { x: number; y: number } {
    const [x, y] = this.tmux('display', '-p', '-t', this.name, '#{cursor_x},#{cursor_y}').trim().split(',').map(Number);
    return { x, y };
  }

  /** Waits until the screen matches; throws with the screen when it does not in time. */
  async waitFor(pattern: RegExp, timeoutMs = 30000): Promise<string> {
    const end = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < end) {
      last = this.screen();
      if (pattern.test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern}; the screen was:\n${last}`);
  }

  /** The last non-empty line of the screen. */
  lastLine(): string {
    const lines = this.screen().split('\n').filter((l) => l.trim() !== '');
    return lines[lines.length - 1] ?? '';
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

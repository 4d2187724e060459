// Running an executable found on PATH (or by path): arguments as strings, pipeline input to its standard
// input one line per object, standard output back as one string per line, $LASTEXITCODE set.
import type { CommandArgument } from '../../pipeline/binder.ts';
import type { InvocationSite } from '../../pipeline/cmdlet-processor.ts';
import { OutputPipe, type Sink } from '../../pipeline/output-pipe.ts';
import type { CommandProcessor } from '../../pipeline/processor.ts';
import type { MaybePromise } from '../maybe-promise.ts';
import { toPSString } from '../to-string.ts';

function argumentStrings(args: CommandArgument[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a.kind === 'parameter') {
      if (a.usedColon) out.push(`-${a.name}:${toPSString(a.value)}`);
      else out.push(`-${a.name}`);
    } else if (Array.isArray(a.value)) {
      out.push(a.value.map(toPSString).join(','));
    } else {
      out.push(toPSString(a.value));
    }
  }
  return out;
}

export class NativeCommandProcessor implements CommandProcessor {
  output: Sink = () => {};
  expectingInput = false;
  pipelinePosition = 1;
  private readonly input: string[] = [];
  private pipe!: OutputPipe;

  constructor(
    private readonly file: string,
    readonly invocationName: string,
    private readonly args: CommandArgument[],
    readonly site: InvocationSite,
  ) {}

  begin(): MaybePromise<void> {
    this.pipe = new OutputPipe(this.output);
  }

  process(input: unknown, hasInput: boolean): MaybePromise<void> {
    if (hasInput) this.input.push(toPSString(input));
  }

  async end(): Promise<void> {
    const session = this.site.session;
    // Imported here: node:child_process costs every start of the shell several milliseconds.
    const { spawn } = await import('node:child_process');
    return new Promise((resolve, reject) => {
      const child = spawn(this.file, argumentStrings(this.args), { stdio: ['pipe', 'pipe', 'pipe'], env: session.env });
      let pending = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        pending += chunk;
        const lines = pending.split(/\r?\n/);
        pending = lines.pop() ?? '';
        for (const line of lines) this.pipe.write(line);
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => session.host.writeDiagnostic(chunk.replace(/\n$/, ''), 'error'));
      child.on('error', reject);
      child.on('close', (code) => {
        if (pending) this.pipe.write(pending);
        session.lastExitCode = code ?? 1;
        session.globalScope.setLocal('LASTEXITCODE', code ?? 1);
        if (code !== 0) session.lastSuccess = false;
        resolve();
      });
      const abort = () => child.kill('SIGINT');
      session.abort.signal.addEventListener('abort', abort, { once: true });
      child.stdin.on('error', () => {});
      if (this.input.length) child.stdin.write(`${this.input.join('\n')}\n`);
      child.stdin.end();
    });
  }

  settled(): MaybePromise<void> {
    return this.pipe.settled();
  }
}

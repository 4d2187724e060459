// Redirections on a command: `> file`, `>> file`, `2> file`, `2>&1`, `*> $null`, `> $null`, `3>&1`.
// File output is text as Out-File writes it (formatted like the console), UTF-8.
import { appendFileSync, writeFileSync } from 'node:fs';
import type { RedirectionAst, StreamName } from '../../../grammar/ast.ts';
import type { CommandProcessor } from '../../pipeline/processor.ts';
import { formatDefault } from '../../format/out-default.ts';
import { then, type MaybePromise } from '../maybe-promise.ts';
import { toPSString } from '../to-string.ts';
import type { Streams } from '../streams.ts';
import type { Frame } from './frame.ts';
import { compileExpression } from './compile-expression.ts';

export interface CompiledRedirection {
  from: StreamName;
  append: boolean;
  merge: boolean;
  target?: (f: Frame) => MaybePromise<unknown>;
}

export function compileRedirections(list: RedirectionAst[]): CompiledRedirection[] {
  return list.map((r) => ({
    from: r.from,
    append: r.append,
    merge: !!r.mergeTo,
    target: r.target ? compileExpression(r.target) : undefined,
  }));
}

function isNullTarget(v: unknown): boolean {
  return v === null || v === undefined;
}

/** Wraps a stage so its streams go where the redirections say. */
export function applyRedirections(f: Frame, stage: CommandProcessor, redirections: CompiledRedirection[]): MaybePromise<CommandProcessor> {
  return then(
    Promise.all(redirections.map((r) => (r.target ? r.target(f) : undefined))).then((targets) => targets),
    (targets) => wrap(f, stage, redirections, targets),
  );
}

function wrap(f: Frame, stage: CommandProcessor, redirections: CompiledRedirection[], targets: unknown[]): CommandProcessor {
  const site = (stage as unknown as { site?: { streams: Streams } }).site;
  let outputFile: { path: string; append: boolean } | undefined;
  let discardOutput = false;
  const fileText: string[] = [];
  redirections.forEach((r, i) => {
    const target = targets[i];
    const toFile = !r.merge && !isNullTarget(target) ? f.session.resolveNativePath(toPSString(target)) : undefined;
    const streams = site?.streams;
    const sendTo = (text: unknown) => {
      if (r.merge) return stage.output(text);
      if (toFile) {
        (r.append ? appendFileSync : writeFileSync)(toFile, `${toPSString(text)}\n`);
        r.append = true;
      }
    };
    const redirectStream = (name: Exclude<StreamName, 'output' | 'all'>) => {
      if (!site) return;
      const base = site.streams;
      const replacement: Streams = { ...base };
      if (name === 'error') replacement.error = (rec) => void sendTo(rec);
      else if (name === 'warning') replacement.warning = (m) => void sendTo(m);
      else if (name === 'verbose') replacement.verbose = (m) => void sendTo(m);
      else if (name === 'debug') replacement.debug = (m) => void sendTo(m);
      else if (name === 'information') replacement.information = (d) => void sendTo(d);
      site.streams = replacement;
    };
    if (r.from === 'output') {
      if (toFile) outputFile = { path: toFile, append: r.append };
      else discardOutput = true;
    } else if (r.from === 'all') {
      for (const s of ['error', 'warning', 'verbose', 'debug', 'information'] as const) redirectStream(s);
      if (toFile) outputFile = { path: toFile, append: r.append };
      else if (!r.merge) discardOutput = true;
    } else {
      redirectStream(r.from);
    }
    void streams;
  });
  if (!outputFile && !discardOutput) return stage;
  const collected: unknown[] = [];
  const originalEnd = stage.end.bind(stage);
  const setOutput = Object.getOwnPropertyDescriptor(stage, 'output');
  void setOutput;
  return new Proxy(stage, {
    set(target, prop, value) {
      if (prop === 'output') {
        (target as CommandProcessor).output = discardOutput ? () => undefined : (v) => void collected.push(v);
        return true;
      }
      (target as unknown as Record<string | symbol, unknown>)[prop] = value;
      return true;
    },
    get(target, prop) {
      if (prop === 'end') {
        return () =>
          then(originalEnd(), () => {
            if (outputFile) {
              const text = collected.length ? formatDefault(collected, { width: 120 }) : '';
              fileText.push(text);
              (outputFile.append ? appendFileSync : writeFileSync)(outputFile.path, text.replace(/^\n/, ''));
            }
          });
      }
      const v = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

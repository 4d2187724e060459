// Where the output of top-level commands goes: objects through Out-Default to the host, errors in the
// session's $ErrorView, warnings/verbose/debug with their prefixes.
import { formatErrorRecord } from '../format/error-view.ts';
import { OutDefaultWriter } from '../format/out-default.ts';
import { formatStreamMessage } from '../format/stream-message.ts';
import type { ErrorViewName } from '../format/options.ts';
import { toPSString } from '../runtime/to-string.ts';
import type { Session } from '../runtime/session.ts';
import type { Streams } from '../runtime/streams.ts';

export interface TopLevelOutput {
  out: (value: unknown) => void;
  streams: Streams;
  /** Ends the current command's output (closing blank lines, held table rows). */
  finish(): void;
}

function numberSetting(session: Session, name: string, fallback: number): number {
  const v = session.globalScope.get(name);
  return typeof v === 'number' ? v : fallback;
}

export function createTopLevelOutput(session: Session): TopLevelOutput {
  const host = session.host;
  let writer: OutDefaultWriter | undefined;
  const current = () => {
    writer ??= new OutDefaultWriter({
      width: host.width,
      dialect: session.dialect,
      enumerationLimit: numberSetting(session, 'FormatEnumerationLimit', 4),
      errorView: errorView(session),
    });
    return writer;
  };
  const flushHeld = () => {
    if (writer) {
      const text = writer.flushPending();
      if (text) host.writeOutput(text);
    }
  };
  const streams: Streams = {
    error(record) {
      flushHeld();
      host.writeDiagnostic(formatErrorRecord(record, { view: errorView(session), width: host.width, dialect: session.dialect }), 'error');
    },
    warning(message) {
      flushHeld();
      host.writeDiagnostic(formatStreamMessage('warning', message), 'warning');
    },
    verbose(message) {
      flushHeld();
      host.writeDiagnostic(formatStreamMessage('verbose', message), 'verbose');
    },
    debug(message) {
      flushHeld();
      host.writeDiagnostic(formatStreamMessage('debug', message), 'debug');
    },
    information(data) {
      flushHeld();
      host.writeOutput(`${toPSString(data)}\n`);
    },
    progress(record) {
      host.progress(record);
    },
  };
  return {
    out(value) {
      const text = current().write(value);
      if (text) host.writeOutput(text);
    },
    streams,
    finish() {
      if (!writer) return;
      const text = writer.end();
      writer = undefined;
      if (text) host.writeOutput(text);
    },
  };
}

export function errorView(session: Session): ErrorViewName {
  const v = toPSString(session.globalScope.get('ErrorView'));
  return v === 'ConciseView' || v === 'CategoryView' ? v : 'NormalView';
}

// PowerShell 7's ConciseView: `Reason: message` for an error typed at the prompt; for errors in
// scripts, multi-line input and parse errors, a `Line |` block with the source line, the `~` marker and
// the message wrapped at the window width. Reason is `Exception` for `throw`, else the command (a cmdlet or
// function), else the activity, else the command name as typed, else the category.
import type { ErrorRecord } from '../runtime/errors.ts';
import type { Dialect } from './options.ts';
import { positionMessage } from './position-message.ts';
import { wasThrown } from './error-parts.ts';

function reasonOf(record: ErrorRecord): string {
  if (wasThrown(record)) return 'Exception';
  // A command Get-Command would find (a cmdlet or function) names the error; a script or script block does not.
  const command = record.invocation?.command;
  if (command?.name && command.kind !== 'ExternalScript' && command.kind !== 'Script') return command.name;
  return record.activity || record.invocation?.commandName || record.category || record.reason;
}

/** Cuts `s` to at most `length` characters, back to the last blank. */
function cutAtBlank(s: string, length: number): string {
  if (s.length <= length) return s;
  const head = s.slice(0, length);
  const blank = head.search(/\s\S*$/);
  return blank < 0 ? head : head.slice(0, blank);
}

function wrapMessage(message: string, prefix: string, width: number): string {
  if (width <= 0 || message.length <= width) return message;
  let out = cutAtBlank(message, width);
  let rest = message.slice(out.length).trim();
  out += '\n';
  while (rest.length + prefix.length > width) {
    const piece = cutAtBlank(prefix + rest, width);
    if (piece.length - prefix.length <= 0) break;
    out += `${piece}\n`;
    rest = rest.slice(piece.length - prefix.length).trim();
  }
  return out + prefix + rest.trim();
}

function messageText(record: ErrorRecord): string {
  const message = record.message;
  if (record.category === 'ParserError' && !record.detailsMessage && message.includes('~\n')) {
    return message.split('~\n')[1].split('\n\n')[0];
  }
  return message;
}

export function conciseView(record: ErrorRecord, width: number, dialect: Dialect): string {
  const inv = record.invocation;
  const span = inv?.span;
  const isParseError = record.category === 'ParserError';
  const inModule = inv?.scriptName?.toLowerCase().endsWith('.psm1') ?? false;
  const position = positionMessage(inv, dialect);
  const showLines = (Boolean(inv?.scriptName) || (span?.line ?? 0) > 1 || isParseError) && !inModule && position !== '';
  let posmsg = '';
  let message = '';
  let prefix = '';
  if (showLines && span) {
    posmsg = inv?.scriptName ? `${inv.scriptName}:${span.line}\n` : '\n';
    const digits = String(span.line).length;
    const headerPad = ' '.repeat(Math.max(0, digits - 4));
    const linePad = ' '.repeat(Math.max(0, 4 - digits));
    posmsg += `${headerPad}Line |\n`;
    const parts = position.split('\n');
    const code = parts[1].slice(1);
    const highlight = parts[parts.length - 1].slice(1);
    posmsg += `${linePad}${span.line} | ${code}\n`;
    prefix = `${headerPad}     | `;
    if (highlight !== '') posmsg += `${prefix}${highlight}\n`;
    message = prefix;
  }
  message += messageText(record);
  if (inv?.scriptName || isParseError) {
    message = wrapMessage(message.replace(/\r?\n|\t/g, ' '), prefix, width) + '\n';
  }
  return `${reasonOf(record)}: ${posmsg}${message}\n`;
}

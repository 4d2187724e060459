// Error records as the console shows them ($ErrorView). NormalView (the Windows PowerShell 5.1
// default): `Cmd : message`, the position message, then the `+ CategoryInfo` and
// `+ FullyQualifiedErrorId` lines, and `+ PSComputerName` for a remote command's error (indented four
// spaces and hard-split at width - 6 in 5.1, followed by a line holding one space). CategoryView: the
// CategoryInfo line only. ConciseView: concise-view.ts.
import type { ErrorRecord } from '../runtime/errors.ts';
import type { Dialect, ErrorViewName } from './options.ts';
import { categoryInfoMessage } from './error-category.ts';
import { positionMessage } from './position-message.ts';
import { conciseView } from './concise-view.ts';
import { commandPrefix, errorMessageText, hasCommand, isNativeCommandError } from './error-parts.ts';

export interface ErrorViewOptions {
  view: ErrorViewName;
  width: number;
  dialect?: Dialect;
}

/** 5.1 splits long `+` lines into chunks of width - 6, each indented 4, without line breaks between. */
function indentedChunks(line: string, width: number): string {
  const chunk = width - 4 - 2;
  if (chunk <= 0 || line.length <= chunk) return `    ${line}`;
  let out = '';
  for (let i = 0; i < line.length; i += chunk) out += `    ${line.slice(i, i + chunk)}`;
  return out;
}

function normalView(record: ErrorRecord, width: number, dialect: Dialect): string {
  const position = hasCommand(record) || record.category !== 'ParserError' ? positionMessage(record.invocation, dialect) : '';
  const lines = [
    `+ CategoryInfo          : ${categoryInfoMessage(record, dialect)}`,
    `+ FullyQualifiedErrorId : ${record.fullyQualifiedErrorId}`,
  ];
  if (record.originComputer) lines.push(`+ PSComputerName        : ${record.originComputer}`);
  let text = commandPrefix(record) + errorMessageText(record, dialect) + (position ? `\n${position}` : '');
  if (dialect === 'Desktop') {
    for (const line of lines) text += `\n${indentedChunks(line, width)}`;
    text += '\n ';
  } else {
    for (const line of lines) text += `\n${line}`;
  }
  return `${text}\n`;
}

/** An error record as text ready to print (ending with a newline), without colour. */
export function formatErrorRecord(record: ErrorRecord, opts: ErrorViewOptions): string {
  const dialect = opts.dialect ?? 'Desktop';
  if (isNativeCommandError(record, dialect)) return `${record.message}\n`;
  switch (opts.view) {
    case 'CategoryView':
      return `${categoryInfoMessage(record, dialect)}\n`;
    case 'ConciseView':
      return conciseView(record, opts.width, dialect);
    default:
      return normalView(record, opts.width, dialect);
  }
}

// Facts about an error record that every error view needs: whether it came from `throw`, whether it
// is a native command's stderr line, the `Cmd : ` prefix, and the message as displayed.
import type { ErrorRecord } from '../runtime/errors.ts';
import { invocationName } from '../runtime/invocation-info.ts';
import type { Dialect } from './options.ts';
import { positionMessage } from './position-message.ts';

interface ThrowMarked {
  wasThrownFromThrowStatement?: boolean;
}

/**
 * True when the record comes from a `throw` statement: an explicit `wasThrownFromThrowStatement`
 * flag on the record or its exception, else the shape `throw "text"` gives (OperationStopped,
 * no command, error id equal to the message).
 */
export function wasThrown(record: ErrorRecord): boolean {
  const flag = (record as ThrowMarked).wasThrownFromThrowStatement ?? (record.exception as ThrowMarked).wasThrownFromThrowStatement;
  if (flag !== undefined) return flag;
  return record.category === 'OperationStopped' && !record.invocation?.commandName && record.errorId === record.exception.message;
}

export function isNativeCommandError(record: ErrorRecord, dialect: Dialect): boolean {
  const id = record.fullyQualifiedErrorId;
  return id === 'NativeCommandErrorMessage' || (dialect === 'Core' && id === 'NativeCommandError');
}

/**
 * The message as displayed. A parse error typed at the prompt has no command, so its message carries
 * the position itself (`At line:1 char:8` ... then the text), as ParseException.Message does.
 */
export function errorMessageText(record: ErrorRecord, dialect: Dialect): string {
  const message = record.message;
  if (record.category === 'ParserError' && !record.invocation?.commandName && !message.startsWith('At ')) {
    const position = positionMessage(record.invocation, dialect);
    if (position !== '') return `${position}\n${message}`;
  }
  return message;
}

/**
 * `Cmd : ` for errors raised by a command; nothing for throw, parse errors and expressions. As 5.1's
 * NormalView: a script file gives its path, a script block its text, a command the name it was invoked
 * by (its own name when run with `&` or `.`).
 */
export function commandPrefix(record: ErrorRecord): string {
  const inv = record.invocation;
  if (!inv || wasThrown(record)) return '';
  const command = inv.command;
  if (!command) return inv.commandName ? `${inv.commandName} : ` : '';
  switch (command.kind) {
    case 'ExternalScript':
      return command.path ? `${command.path} : ` : '';
    case 'Script':
      return command.scriptBlock ? `${String(command.scriptBlock)} : ` : '';
    default: {
      const typed = invocationName(inv);
      if (!/^[&.]?$/.test(typed)) return `${typed} : `;
      return command.name ? `${command.name} : ` : '';
    }
  }
}

/** True when the record names the command it came from (its position is then shown even for a ParserError). */
export function hasCommand(record: ErrorRecord): boolean {
  return Boolean(record.invocation?.command || record.invocation?.commandName);
}


// Facts about an error record that every error view needs: whether it came from `throw`, whether it
// is a native command's stderr line, the `Cmd : ` prefix, and the message as displayed.
import type { ErrorRecord } from '../runtime/errors.ts';
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

/** `Cmd : ` for errors raised by a command; nothing for throw, parse errors and expressions. */
export function commandPrefix(record: ErrorRecord): string {
  const name = record.invocation?.commandName;
  return name && !wasThrown(record) ? `${name} : ` : '';
}


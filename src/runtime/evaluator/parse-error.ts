// A parse failure as an ErrorRecord (ParseException, category ParserError), positioned at the first diagnostic.
import type { Diagnostic } from '../../../grammar/parse.ts';
import { ErrorRecord, PSException } from '../errors.ts';
import type { SourceInfo } from '../scriptblock.ts';

export function parseErrorRecord(diagnostics: Diagnostic[], source: SourceInfo): ErrorRecord {
  const first = diagnostics[0];
  const exception = new PSException(
    first.message,
    first.incomplete ? 'System.Management.Automation.IncompleteParseException' : 'System.Management.Automation.ParseException',
  );
  return new ErrorRecord({
    exception,
    errorId: first.id,
    category: 'ParserError',
    activity: '',
    invocation: { source: source.text, scriptName: source.fileName, span: first.span },
  });
}

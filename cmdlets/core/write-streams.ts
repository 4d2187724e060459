// Write-Error, Write-Warning, Write-Verbose, Write-Debug, Write-Information and Write-Progress: the
// cmdlets that write to the streams other than output, honouring the preference variables and the
// common parameters (-ErrorAction, -Verbose...) through the cmdlet context.
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { ErrorRecord, PSException, type ErrorCategory } from '../../src/runtime/errors.ts';
import { invocationRecordOf, invocationTypeName } from '../../src/runtime/invocation-info.ts';
import { toPSString } from '../../src/runtime/to-string.ts';
import { EnumType, baseValue } from '../../src/runtime/values.ts';
import { callerScope } from './support/script-invoke.ts';

const module = 'Microsoft.PowerShell.Utility';
const WRITE_ERROR_ID = 'Microsoft.PowerShell.Commands.WriteErrorException';

export const ErrorCategoryType = new EnumType('System.Management.Automation.ErrorCategory', {
  NotSpecified: 0, OpenError: 1, CloseError: 2, DeviceError: 3, DeadlockDetected: 4, InvalidArgument: 5, InvalidData: 6,
  InvalidOperation: 7, InvalidResult: 8, InvalidType: 9, MetadataError: 10, NotImplemented: 11, NotInstalled: 12,
  ObjectNotFound: 13, OperationStopped: 14, OperationTimeout: 15, SyntaxError: 16, ParserError: 17, PermissionDenied: 18,
  ResourceBusy: 19, ResourceExists: 20, ResourceUnavailable: 21, ReadError: 22, WriteError: 23, FromStdErr: 24,
  SecurityError: 25, ProtocolError: 26, ConnectionError: 27, AuthenticationError: 28, LimitsExceeded: 29, QuotaExceeded: 30,
  NotEnabled: 31,
});

export const writeError = defineCmdlet({
  name: 'Write-Error',
  synopsis: 'Writes an object to the error stream.',
  description:
    'Writes a non-terminating error. With -Message the record has the exception Microsoft.PowerShell.Commands.WriteErrorException ' +
    'and, unless -ErrorId is given, that name as its FullyQualifiedErrorId; -Category, -TargetObject and -RecommendedAction ' +
    'fill the rest of the record. -Exception and -ErrorRecord write an existing exception or record. The error honours ' +
    '-ErrorAction and $ErrorActionPreference (Stop makes it terminating).',
  module,
  commandId: 'Microsoft.PowerShell.Commands.WriteErrorCommand',
  defaultParameterSet: 'NoException',
  parameters: {
    Message: {
      type: 'string',
      position: 0,
      mandatory: true,
      valueFromPipeline: true,
      allowNull: true,
      allowEmptyString: true,
      aliases: ['Msg'],
      sets: ['NoException', 'WithException'],
      mandatoryInSets: ['NoException'],
      description: 'The text of the error.',
    },
    Exception: { type: 'object', mandatory: true, sets: ['WithException'], description: 'An exception to write as the error.' },
    ErrorRecord: { type: 'object', mandatory: true, sets: ['ErrorRecord'], description: 'An error record to write as it is.' },
    Category: { type: ErrorCategoryType, sets: ['NoException', 'WithException'], description: 'The error category (NotSpecified by default).' },
    ErrorId: { type: 'string', sets: ['NoException', 'WithException'], description: 'The error identifier (FullyQualifiedErrorId).' },
    TargetObject: { type: 'object', sets: ['NoException', 'WithException'], description: 'The object that was being processed.' },
    RecommendedAction: { type: 'string', description: 'What the user should do about the error.' },
    CategoryActivity: { type: 'string', aliases: ['Activity'], description: 'The activity shown in CategoryInfo (the command name by default).' },
    CategoryReason: { type: 'string', aliases: ['Reason'], description: 'The reason shown in CategoryInfo.' },
    CategoryTargetName: { type: 'string', aliases: ['TargetName'], description: 'The target name shown in CategoryInfo.' },
    CategoryTargetType: { type: 'string', aliases: ['TargetType'], description: 'The target type shown in CategoryInfo.' },
  },
  examples: [
    { title: 'Write an error and keep going', code: 'Write-Error "Certificate not found" -ErrorAction SilentlyContinue\n"still running"', output: 'still running' },
    {
      title: 'Read the record',
      code: 'Write-Error "Certificate not found" -ErrorAction SilentlyContinue\n$Error[0].FullyQualifiedErrorId',
      output: 'Microsoft.PowerShell.Commands.WriteErrorException',
    },
  ],
  process(p, ctx) {
    if (ctx.parameterSetName === 'ErrorRecord') {
      const r = baseValue(p.ErrorRecord);
      if (r instanceof ErrorRecord) ctx.writeError(r);
      else ctx.writeError({ message: toPSString(r), errorId: WRITE_ERROR_ID, category: 'NotSpecified', exceptionType: WRITE_ERROR_ID });
      return;
    }
    const message = p.Message ?? '';
    const ex = baseValue(p.Exception);
    const exception = ex instanceof PSException ? ex : new PSException(ctx.isBound('Exception') && !ctx.isBound('Message') ? toPSString(ex) : message, WRITE_ERROR_ID);
    const category = (p.Category !== undefined ? ErrorCategoryType.namesOf(p.Category)[0] : 'NotSpecified') as ErrorCategory;
    // As in PowerShell, the error belongs to the function or script that called Write-Error (its
    // $MyInvocation): `f : boom`, at the line that called f, with `,f` in the FullyQualifiedErrorId.
    const caller = invocationRecordOf(callerScope(ctx).get('MyInvocation'));
    const record = new ErrorRecord({
      exception,
      errorId: p.ErrorId || WRITE_ERROR_ID,
      category,
      targetObject: p.TargetObject,
      activity: p.CategoryActivity ?? 'Write-Error',
      invocation: caller ?? ctx.errorRecord({ message, errorId: 'x', category }).invocation,
      commandId: invocationTypeName(caller) || undefined,
      recommendedAction: p.RecommendedAction,
      detailsMessage: ctx.isBound('Exception') && ctx.isBound('Message') ? message : undefined,
    });
    ctx.writeError(record);
  },
});

function messageCmdlet(kind: 'Warning' | 'Verbose' | 'Debug', synopsis: string, description: string, example: string, output: string) {
  return defineCmdlet({
    name: `Write-${kind}`,
    synopsis,
    description,
    module,
    commandId: `Microsoft.PowerShell.Commands.Write${kind}Command`,
    parameters: {
      Message: {
        type: 'string',
        position: 0,
        mandatory: true,
        valueFromPipeline: true,
        allowEmptyString: true,
        aliases: ['Msg'],
        description: 'The text of the message.',
      },
    },
    examples: [{ code: example, output }],
    process(p, ctx) {
      const m = p.Message ?? '';
      if (kind === 'Warning') ctx.writeWarning(m);
      else if (kind === 'Verbose') ctx.writeVerbose(m);
      else ctx.writeDebug(m);
    },
  });
}

export const writeWarning = messageCmdlet(
  'Warning',
  'Writes a warning message.',
  'Writes a message to the warning stream, shown as `WARNING: text` unless $WarningPreference or -WarningAction silences it.',
  'Write-Warning "The certificate expires in 10 days." -WarningAction SilentlyContinue\n"done"',
  'done',
);
export const writeVerbose = messageCmdlet(
  'Verbose',
  'Writes text to the verbose message stream.',
  'Writes a message to the verbose stream, shown as `VERBOSE: text` only with -Verbose or when $VerbosePreference is Continue.',
  'Write-Verbose "Reading the certificate store"\n"done"',
  'done',
);
export const writeDebug = messageCmdlet(
  'Debug',
  'Writes a debug message to the console.',
  'Writes a message to the debug stream, shown as `DEBUG: text` only with -Debug or when $DebugPreference is Continue.',
  'Write-Debug "thumbprint lookup"\n"done"',
  'done',
);

export const writeInformation = defineCmdlet({
  name: 'Write-Information',
  synopsis: 'Specifies how PowerShell handles information stream data for a command.',
  description:
    'Writes an object to the information stream. It is shown only when $InformationPreference or -InformationAction is Continue.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.WriteInformationCommand',
  parameters: {
    MessageData: { type: 'object', position: 0, mandatory: true, aliases: ['Msg', 'Message'], description: 'The data to write.' },
    Tags: { type: 'string[]', position: 1, description: 'Tags for filtering the information records.' },
  },
  examples: [{ code: 'Write-Information "Domain security enabled" -InformationAction Continue', output: 'Domain security enabled' }],
  process(p, ctx) {
    ctx.writeInformation(p.MessageData, p.Tags);
  },
});

export const writeProgress = defineCmdlet({
  name: 'Write-Progress',
  synopsis: 'Displays a progress bar within a PowerShell command window.',
  description:
    'Reports the progress of a long operation to the host, which draws a bar on a terminal. -Completed removes the bar. ' +
    'Nothing is written when $ProgressPreference is SilentlyContinue.',
  module,
  commandId: 'Microsoft.PowerShell.Commands.WriteProgressCommand',
  parameters: {
    Activity: { type: 'string', position: 0, description: 'The line of text above the bar: what is being done.' },
    Status: { type: 'string', position: 1, defaultDescription: 'Processing', description: 'The current state of the activity.' },
    Id: { type: 'int', position: 2, description: 'Identifies the bar when several are shown.' },
    PercentComplete: { type: 'int', validateRange: [-1, 100], description: 'How much of the activity is done (0 to 100; -1 for unknown).' },
    SecondsRemaining: { type: 'int', description: 'The estimated time left.' },
    CurrentOperation: { type: 'string', description: 'The line of text below the bar.' },
    ParentId: { type: 'int', description: 'The Id of the parent activity.' },
    Completed: { type: 'switch', description: 'Removes the bar: the activity is finished.' },
    SourceId: { type: 'int', description: 'The source of the record.' },
  },
  examples: [{ code: '1..3 | ForEach-Object { Write-Progress -Activity "Importing" -PercentComplete ($_ * 33); $_ }', output: '1\n2\n3' }],
  process(p, ctx) {
    ctx.writeProgress({
      activity: p.Activity ?? 'Processing',
      status: p.Status ?? 'Processing',
      percentComplete: p.PercentComplete ?? -1,
      id: p.Id ?? 0,
      completed: p.Completed,
      currentOperation: p.CurrentOperation,
    });
  },
});

export const writeStreamCmdlets = [writeError, writeWarning, writeVerbose, writeDebug, writeInformation, writeProgress];

// Parse diagnostics with PowerShell's error ids and wording (ParserStrings.resx).
import type { Span } from './ast.ts';

export interface Diagnostic {
  id: string;
  message: string;
  span: Span;
  /** True when more input could complete the text (the REPL then asks for a continuation line). */
  incomplete: boolean;
}

const MESSAGES: Record<string, string> = {
  AmpersandNotAllowed:
    'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.',
  BadNumericConstant: 'The numeric constant {0} is not valid.',
  ControlLeavingFinally: 'Flow of control cannot leave a Finally block.',
  DuplicateScriptCommandClause: "Script command clause '{0}' has already been defined.",
  EmptyPipeElement: 'An empty pipe element is not allowed.',
  EmptyVariableReference: 'An empty ${} variable reference was found. A name is required inside the braces.',
  EndSquareBracketExpectedAtEndOfAttribute: 'Missing ] at end of attribute or type literal.',
  ExpectedExpression: "An expression was expected after '('.",
  ExpectedValueExpression: "You must provide a value expression following the '{0}' operator.",
  ExpressionsMustBeFirstInPipeline: 'Expressions are only allowed as the first element of a pipeline.',
  IfStatementMissingCondition: "Missing condition in if statement after '{0} ('.",
  IncompleteDollarVariableReference: "${variable} reference starting is missing the closing '}'.",
  IncompleteString: 'Incomplete string token.',
  InvalidEndOfLine: "The token '{0}' is not a valid statement separator in this version.",
  InvalidForeachFlag: 'The parameter {0} is not valid for the foreach statement.',
  InvalidFunctionParameter:
    'Parameter declarations are a comma-separated list of variable names with optional initializer expressions.',
  InvalidLeftHandSide:
    'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
  InvalidSwitchFlag: 'The parameter {0} is not valid for the switch statement.',
  InvalidUnicodeEscapeSequence:
    "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.",
  InvalidUnicodeEscapeSequenceValue: 'The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.',
  InvalidVariableReference:
    "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  InvalidVariableReferenceWithDrive:
    "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  MissingArgument: 'Missing argument in parameter list.',
  MissingArrayIndexExpression: 'Array index expression is missing or not valid.',
  MissingCatchHandlerBlock: 'The Catch block is missing its statement block.',
  MissingCatchOrFinally: 'The Try statement is missing its Catch or Finally block.',
  MissingCurlyBraceInSwitchStatement: "Missing '{' in switch statement.",
  MissingEndCurlyBrace: "Missing closing '}' in statement block or type definition.",
  MissingEndParenthesisAfterForeach:
    "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
  MissingEndParenthesisAfterStatement: "Missing closing ')' after expression in '{0}' statement.",
  MissingEndParenthesisInExpression: "Missing closing ')' in expression.",
  MissingEndParenthesisInFunctionParameterList: "Missing ')' in function parameter list.",
  MissingEndParenthesisInMethodCall: "Missing ')' in method call.",
  MissingEndParenthesisInSubexpression: "Missing closing ')' in subexpression.",
  MissingEndParenthesisInSwitchStatement: "Missing ')' after expression in switch statement.",
  MissingEndSquareBracket: "Missing ']' after array index expression.",
  MissingEqualsInHashLiteral: "Missing '=' operator after key in hash literal.",
  MissingExpression: "Missing expression after '{0}' in pipeline element.",
  MissingExpressionInNamedArgument: "Missing statement after '=' in named argument.",
  MissingExpressionAfterKeyword: "Missing expression after '{0}' in loop.",
  MissingExpressionAfterOperator: "Missing expression after unary operator '{0}'.",
  MissingExpressionAfterToken: "Missing expression after '{0}'.",
  MissingFilenameOption:
    "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
  MissingFinallyStatementBlock: 'The Finally block is missing its statement block.',
  MissingForeachExpression: 'Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}',
  MissingForeachStatement: 'Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}',
  MissingFileSpecification: 'Missing file specification after redirection operator.',
  MissingFunctionBody: 'Missing function body in function declaration.',
  MissingInInForeach: "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
  MissingLoopStatement: 'Missing statement body in {0} loop.',
  MissingNameAfterKeyword: 'Missing name after {0} keyword.',
  MissingNamedBlocks: "unexpected token '{0}', expected 'begin', 'process', 'end', or 'dynamicparam'.",
  MissingNamedStatementBlock: "Missing statement block after '{0}'.",
  MissingOpenParenthesisAfterKeyword: "Missing opening '(' after keyword '{0}'.",
  MissingOpenParenthesisInIfStatement: "Missing '(' after '{0}' in if statement.",
  MissingPropertyName: 'Missing property name after reference operator.',
  MissingStatementBlock: 'Missing statement block after {0} ( condition ).',
  MissingStatementBlockAfterElse: "Missing statement block after 'else' keyword.",
  MissingStatementInHashLiteral: "Missing statement after '=' in hash literal.",
  MissingSwitchConditionExpression: 'Missing condition in switch statement clause.',
  MissingSwitchStatementClause: 'Missing statement block in switch statement clause.',
  MissingTerminatorMultiLineComment: "The terminator '#>' is missing from the multiline comment.",
  MissingTrapStatement: "The 'trap' statement was incomplete. A trap statement requires a body.",
  MissingTryStatementBlock: 'The Try statement is missing its statement block.',
  MissingTypeLiteralToken: 'Missing type literal.',
  MissingTypename: "Missing type name after '['.",
  MissingUnicodeEscapeSequenceTerminator: "The Unicode escape sequence is missing the closing '}'.",
  MissingVariableNameAfterForeach:
    'Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}',
  MissingWhileOrUntilInDoWhile: 'Missing while or until keyword in do loop.',
  MultipleSwitchDefaultClauses: 'A switch statement can have only one default clause.',
  ParameterRequiresArgument: 'Parameter {0} requires an argument.',
  PipelineValueRequired: "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
  RedirectionNotSupported: "The '{0}' operator is reserved for future use.",
  SplattingNotPermitted:
    "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'.",
  TerminatorExpectedAtEndOfString: 'The string is missing the terminator: {0}.',
  TooManyDigitsInUnicodeEscapeSequence:
    'The Unicode escape sequence contains more than the maximum of six hex digits between braces.',
  TypeNotAllowedBeforeParam: 'Unexpected type [{0}] was found in the parameter statement.',
  UnexpectedAttribute: "Unexpected attribute '{0}'.",
  UnexpectedCharactersAfterHereStringHeader:
    'No characters are allowed after a here-string header but before the end of the line.',
  UnexpectedToken: "Unexpected token '{0}' in expression or statement.",
  UnrecognizedToken: 'Unrecognized token in source text.',
  ScriptTooComplicated: 'Processing was stopped because the script is too complex.',
  DuplicateFormalParameter: 'Duplicate parameter ${0} in parameter list.',
  StreamAlreadyRedirected: 'The {0} for this command is already redirected.',
  WhitespaceBeforeHereStringFooter: 'White space is not allowed before the string terminator.',
};

export function messageFor(id: string, args: readonly string[]): string {
  const template = MESSAGES[id] ?? id;
  return template.replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

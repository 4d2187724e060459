// The PowerShell parser: one Chevrotain grammar assembled from the layers below (each file one concern).
import { BlockParser } from './parser-blocks.ts';

export class PsParser extends BlockParser {
  /** `validate` runs Chevrotain's grammar checks (tests); production skips them for a faster start. */
  constructor(validate = false) {
    super(validate);
    this.defineExpressionRules();
    this.defineMemberRules();
    this.defineLiteralRules();
    this.defineArgumentRules();
    this.defineCommandRules();
    this.defineLoopRules();
    this.defineTryRules();
    this.defineStatementRules();
    this.defineBlockRules();
    this.performSelfAnalysis();
  }
}

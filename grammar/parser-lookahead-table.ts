// The lookahead of every OR/OPTION/MANY/AT_LEAST_ONE of the grammar as token names, computed once when
// the command line is built (scripts/build.mjs bundles it into dist as EMSH_LOOKAHEAD_TABLE). Chevrotain
// computes the same paths through the whole grammar for each production, which was most of the cost
// of a first parse; parser-lookahead.ts builds its lookahead functions from this table instead.
import { Alternation, GAstVisitor, getLookaheadPaths, Option, Repetition, RepetitionMandatory, type Rule, type TokenType } from 'chevrotain';

/** `rule:ProductionType:occurrence` → per alternative (one for optional productions) → paths → token names. */
export type LookaheadTable = Record<string, string[][][]>;

export type ProductionType = 'Alternation' | 'Option' | 'Repetition' | 'RepetitionMandatory';

export function lookaheadKey(ruleName: string, type: string, occurrence: number): string {
  return `${ruleName}:${type}:${occurrence}`;
}

class ProductionCollector extends GAstVisitor {
  readonly found: { type: ProductionType; idx: number }[] = [];
  override visitAlternation(node: Alternation): void {
    this.found.push({ type: 'Alternation', idx: node.idx });
  }
  override visitOption(node: Option): void {
    this.found.push({ type: 'Option', idx: node.idx });
  }
  override visitRepetition(node: Repetition): void {
    this.found.push({ type: 'Repetition', idx: node.idx });
  }
  override visitRepetitionMandatory(node: RepetitionMandatory): void {
    this.found.push({ type: 'RepetitionMandatory', idx: node.idx });
  }
  // The grammar has no *_SEP productions; the other nodes hold no lookahead of their own.
  override visitNonTerminal(): void {}
  override visitAlternative(): void {}
  override visitRepetitionMandatoryWithSeparator(): void {}
  override visitRepetitionWithSeparator(): void {}
  override visitRule(): void {}
  override visitTerminal(): void {}
}

function productionsOf(rule: Rule): ProductionCollector['found'] {
  const collector = new ProductionCollector();
  rule.accept(collector);
  return collector.found;
}

/** The k=1 lookahead paths of every production of a parser's grammar (its recorded GAST). */
export function computeLookaheadTable(rules: Record<string, Rule>): LookaheadTable {
  const table: LookaheadTable = {};
  const names = (paths: TokenType[][]) => paths.map((path) => path.map((t) => t.name));
  for (const rule of Object.values(rules)) {
    for (const { type, idx } of productionsOf(rule)) {
      const paths = getLookaheadPaths({ occurrence: idx, rule, prodType: type, maxLookahead: 1 });
      table[lookaheadKey(rule.name, type, idx)] = type === 'Alternation' ? paths.map(names) : [names(paths[0])];
    }
  }
  return table;
}

// The parser builds its lookahead functions lazily, and in the bundle from a table computed at build time
// (grammar/parser-lookahead-table.ts). Either way they must choose exactly as Chevrotain's own: every
// production's function is compared with Chevrotain's on every token type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EOF, LLkLookaheadStrategy, type ILookaheadStrategy, type TokenType } from 'chevrotain';
import { LazyLookaheadStrategy } from '../../grammar/parser-lookahead.ts';
import { computeLookaheadTable, type ProductionType } from '../../grammar/parser-lookahead-table.ts';
import { PsParser } from '../../grammar/parser.ts';
import { parseScript } from '../../grammar/parse.ts';
import { allTokens } from '../../grammar/tokens.ts';

const rules = new PsParser(true).getGAstProductions();
const table = computeLookaheadTable(rules);
const tokenTypes: TokenType[] = [...allTokens, EOF];

type Lookahead = (this: unknown, alts?: unknown) => unknown;

function build(strategy: ILookaheadStrategy, key: string, hasPredicates: boolean): Lookahead {
  const [ruleName, type, idx] = key.split(':');
  const rule = rules[ruleName];
  const common = { prodOccurrence: Number(idx), rule, maxLookahead: 1, dynamicTokensEnabled: false };
  return (type === 'Alternation'
    ? strategy.buildLookaheadForAlternation({ ...common, hasPredicates })
    : strategy.buildLookaheadForOptional({ ...common, prodType: type as Exclude<ProductionType, 'Alternation'> })) as Lookahead;
}

/** What a lookahead function reads of the parser: the next token. */
function at(tokenType: TokenType) {
  const token = { tokenType, tokenTypeIdx: tokenType.tokenTypeIdx, image: '' };
  return { LA: () => token, LA_FAST: () => token };
}

describe('lookahead functions', () => {
  it('cover every production of the grammar in the table', () => {
    assert.ok(Object.keys(table).length > 100, `only ${Object.keys(table).length} productions`);
    assert.ok(Object.keys(table).some((k) => k.startsWith('statement:Alternation:')));
  });

  for (const [name, strategy] of [
    ['built lazily', new LazyLookaheadStrategy({ maxLookahead: 1 })],
    ['built from the table', new LazyLookaheadStrategy({ maxLookahead: 1, table, tokens: tokenTypes })],
  ] as const) {
    it(`${name} choose as Chevrotain's for every production and next token`, () => {
      const chevrotain = new LLkLookaheadStrategy({ maxLookahead: 1 });
      let compared = 0;
      for (const key of Object.keys(table)) {
        for (const hasPredicates of key.includes(':Alternation:') ? [false, true] : [false]) {
          const expected = build(chevrotain, key, hasPredicates);
          const actual = build(strategy, key, hasPredicates);
          // With predicates, the first alternative's gate is closed: the choice must skip it alike.
          const alts = hasPredicates ? table[key].map((_, i) => ({ ALT: () => undefined, GATE: i === 0 ? () => false : undefined })) : undefined;
          for (const t of tokenTypes) {
            assert.equal(actual.call(at(t), alts), expected.call(at(t), alts), `${key} on ${t.name}${hasPredicates ? ' (gated)' : ''}`);
            compared++;
          }
        }
      }
      assert.ok(compared > 1000);
    });
  }

  it('parse as before when built lazily', () => {
    const { ast, diagnostics } = parseScript('if ($a -gt 1) { Get-Item x | % { $_.Name } } else { 1..3 }');
    assert.deepEqual(diagnostics, []);
    assert.equal(ast.end?.statements.length, 1);
  });
});

// The parser's lookahead functions (LL(1)). In the bundle they are built from the table computed at build
// time (parser-lookahead-table.ts): a token-index set per alternative, so a first parse does not compute
// lookahead paths through the whole grammar. Without the table (running from source) Chevrotain builds
// each one lazily, on the production's first use, instead of for the whole grammar in performSelfAnalysis.
// test/grammar/parser-lookahead.test.ts checks both choose exactly as Chevrotain's own, for every
// production and token type.
import { LLkLookaheadStrategy, type ILookaheadStrategy, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import { lookaheadKey, type LookaheadTable } from './parser-lookahead-table.ts';

type BuildAlternation = ILookaheadStrategy['buildLookaheadForAlternation'];
type BuildOptional = ILookaheadStrategy['buildLookaheadForOptional'];
type Lookahead = (this: unknown, ...args: unknown[]) => unknown;
/** What a lookahead function reads of the parser. */
type Reader = { LA_FAST(howMuch: number): IToken };

/** The table scripts/build.mjs puts into the bundle (absent when running from source). */
declare const EMSH_LOOKAHEAD_TABLE: LookaheadTable | undefined;

export function bundledLookaheadTable(): LookaheadTable | undefined {
  return typeof EMSH_LOOKAHEAD_TABLE === 'undefined' ? undefined : EMSH_LOOKAHEAD_TABLE;
}

/** Puts `built` where the parser cached `lazy` (Chevrotain keeps them in a Map it reads on every OPTION/MANY/OR). */
function replaceInCache(parser: unknown, lazy: Lookahead, built: Lookahead): void {
  const cache = (parser as { lookAheadFuncsCache?: unknown }).lookAheadFuncsCache;
  if (!(cache instanceof Map)) return;
  for (const [key, value] of cache) if (value === lazy) cache.set(key, built);
}

function deferred(build: () => Lookahead): Lookahead {
  let built: Lookahead | undefined;
  const lazy: Lookahead = function (this: unknown, ...args: unknown[]) {
    if (!built) {
      built = build();
      replaceInCache(this, lazy, built);
    }
    return built.apply(this, args);
  };
  return lazy;
}

/**
 * The token indexes that start one of `paths` (a token type, or any member of a category, matches as
 * Chevrotain's token matcher has it), or 'any' when a path is empty (the production may match nothing).
 */
function firstTokens(paths: TokenType[][]): Set<number> | 'any' {
  if (paths.some((p) => p.length === 0)) return 'any';
  const indexes = new Set<number>();
  for (const [first] of paths) {
    indexes.add(first.tokenTypeIdx!);
    if (first.isParent) for (const member of Object.keys(first.categoryMatchesMap ?? {})) indexes.add(Number(member));
  }
  return indexes;
}

/** An OR's choice: the first alternative (whose gate, if any, is open) that the next token can start. */
function alternationLookahead(alternatives: TokenType[][][], hasPredicates: boolean) {
  const starts = alternatives.map(firstTokens);
  if (hasPredicates) {
    return function (this: Reader, orAlts?: IOrAlt<unknown>[]): number | undefined {
      const next = this.LA_FAST(1).tokenTypeIdx;
      for (let i = 0; i < starts.length; i++) {
        const gate = orAlts![i].GATE;
        if (gate !== undefined && gate.call(this) === false) continue;
        const s = starts[i];
        if (s === 'any' || s.has(next)) return i;
      }
      return undefined;
    };
  }
  // Without gates the choice depends on the token type alone: one lookup, as in Chevrotain's own.
  const anyAt = starts.indexOf('any');
  const fallback = anyAt < 0 ? undefined : anyAt;
  const choice: (number | undefined)[] = [];
  starts.slice(0, anyAt < 0 ? starts.length : anyAt).forEach((s, i) => {
    for (const idx of s as Set<number>) choice[idx] ??= i;
  });
  return function (this: Reader): number | undefined {
    return choice[this.LA_FAST(1).tokenTypeIdx] ?? fallback;
  };
}

/** Whether an OPTION/MANY/AT_LEAST_ONE goes (once more) into its body. */
function optionalLookahead(paths: TokenType[][]) {
  const starts = firstTokens(paths);
  if (starts === 'any') return () => true;
  return function (this: Reader): boolean {
    return starts.has(this.LA_FAST(1).tokenTypeIdx);
  };
}

export class LazyLookaheadStrategy extends LLkLookaheadStrategy {
  private readonly table: LookaheadTable | undefined;
  private readonly tokens = new Map<string, TokenType>();

  constructor(options: { maxLookahead: number; table?: LookaheadTable; tokens?: readonly TokenType[] }) {
    super({ maxLookahead: options.maxLookahead });
    this.table = options.table;
    for (const t of options.tokens ?? []) this.tokens.set(t.name, t);
  }

  /** The table's one-token paths of a production as token types; undefined when it has none (then Chevrotain computes them). */
  private tablePaths(ruleName: string, type: string, occurrence: number, maxLookahead: number): TokenType[][][] | undefined {
    const named = maxLookahead === 1 ? this.table?.[lookaheadKey(ruleName, type, occurrence)] : undefined;
    if (!named || named.some((paths) => paths.some((path) => path.length > 1))) return undefined;
    const types = named.map((paths) => paths.map((path) => path.map((name) => this.tokens.get(name))));
    return types.every((paths) => paths.every((path) => path.every((t) => t !== undefined))) ? (types as TokenType[][][]) : undefined;
  }

  override buildLookaheadForAlternation(options: Parameters<BuildAlternation>[0]): ReturnType<BuildAlternation> {
    const paths = this.tablePaths(options.rule.name, 'Alternation', options.prodOccurrence, options.maxLookahead);
    if (paths) return alternationLookahead(paths, options.hasPredicates) as ReturnType<BuildAlternation>;
    return deferred(() => super.buildLookaheadForAlternation(options) as Lookahead) as ReturnType<BuildAlternation>;
  }

  override buildLookaheadForOptional(options: Parameters<BuildOptional>[0]): ReturnType<BuildOptional> {
    const paths = this.tablePaths(options.rule.name, options.prodType, options.prodOccurrence, options.maxLookahead);
    if (paths) return optionalLookahead(paths[0]) as ReturnType<BuildOptional>;
    return deferred(() => super.buildLookaheadForOptional(options) as Lookahead) as ReturnType<BuildOptional>;
  }
}

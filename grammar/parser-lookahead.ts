// Chevrotain's LL(k) lookahead, built per production on its first use instead of for the whole grammar in
// performSelfAnalysis: a short command line exercises a small part of the grammar, so startup pays only
// for what it parses. The functions built are the same ones, so parsing does not change.
import { LLkLookaheadStrategy, type ILookaheadStrategy } from 'chevrotain';

type BuildAlternation = ILookaheadStrategy['buildLookaheadForAlternation'];
type BuildOptional = ILookaheadStrategy['buildLookaheadForOptional'];
type Lookahead = (this: unknown, ...args: unknown[]) => unknown;

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

export class LazyLookaheadStrategy extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<BuildAlternation>[0]): ReturnType<BuildAlternation> {
    return deferred(() => super.buildLookaheadForAlternation(options) as Lookahead) as ReturnType<BuildAlternation>;
  }

  override buildLookaheadForOptional(options: Parameters<BuildOptional>[0]): ReturnType<BuildOptional> {
    return deferred(() => super.buildLookaheadForOptional(options) as Lookahead) as ReturnType<BuildOptional>;
  }
}

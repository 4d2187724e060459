// What both peer validators (node-peer-validator.ts, storePeerValidator in config-from-store.ts)
// remember between sessions: a partner presents the same chain on every session, and checking its
// signatures costs milliseconds. Only successful verdicts are remembered, keyed by the expected
// domain, the chain's DER and a fingerprint of the trust material (anchors, CRLs) they were reached
// with, and only for the span of time over which the same inputs must give the same verdict.
import { createHash } from 'node:crypto';

/** Milliseconds since the epoch, both ends inclusive, over which a verdict cannot change. */
export interface VerdictWindow {
  from: number;
  until: number;
}

/** A collision-resistant digest of an ordered list of texts or byte strings (lengths included, so no two lists run together). */
export function fingerprintOf(parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('base64');
}

/** A map that forgets its least recently used entry beyond `limit` (partners are few; a flood of strangers must not grow it). */
export class BoundedCache<V> {
  readonly #entries = new Map<string, V>();
  constructor(private readonly limit = 256) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** The cached value, else `create()`'s (not cached when it throws). */
  getOrCreate(key: string, create: () => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = create();
    this.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, value);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}

/** Successful verdicts by domain + chain + trust material, each honoured only inside its window. */
export class ValidVerdictCache<V extends VerdictWindow = VerdictWindow> {
  readonly #verdicts = new BoundedCache<V>();

  /** `trust` is a fingerprint of everything else the verdict depended on (see fingerprintOf). */
  static key(expectedDomain: string, chainDer: readonly Buffer[], trust: string): string {
    return fingerprintOf([expectedDomain, trust, ...chainDer]);
  }

  /** The remembered verdict when `now` lies inside its window. */
  find(key: string, now: number): V | undefined {
    const verdict = this.#verdicts.get(key);
    if (!verdict) return undefined;
    if (now >= verdict.from && now <= verdict.until) return verdict;
    this.#verdicts.delete(key);
    return undefined;
  }

  /** An empty window (already closed) is not remembered. */
  remember(key: string, verdict: V): void {
    if (verdict.from <= verdict.until) this.#verdicts.set(key, verdict);
  }
}

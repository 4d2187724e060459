// What both peer validators (node-peer-validator.ts, storePeerValidator in config-from-store.ts)
// remember between sessions: a partner presents the same certificate on every session, and checking
// its chain's signatures costs milliseconds. Only successful verdicts are remembered, keyed by the
// expected domain, the leaf's DER and a fingerprint of the trust material (anchors, CRLs) they were
// reached with, and only for the span of time over which the same inputs must give the same verdict.
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

/** Successful verdicts by domain + leaf + trust material, each honoured only inside its window. */
export class ValidVerdictCache<V extends VerdictWindow = VerdictWindow> {
  readonly #verdicts = new BoundedCache<V>();

  /**
   * `trust` is a fingerprint of everything else the verdict depended on (see fingerprintOf).
   * The leaf alone stands for the chain: a Valid verdict showed that this leaf chains to a trusted
   * anchor through valid, unrevoked certificates, and it is honoured only inside the window that
   * closes at the earliest expiry or CRL next update among them. Whatever intermediates the peer
   * sends next time cannot make that path less valid, and what could (other anchors, a new CRL) is
   * in `trust`; the name rule depends on the domain, which is in the key. So a session need not
   * read the chain (the dear part of its certificate step) to find the verdict.
   */
  static key(expectedDomain: string, leafDer: Buffer, trust: string): string {
    return fingerprintOf([expectedDomain, trust, leafDer]);
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

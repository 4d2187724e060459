// What a TLS peer presented, as the peer validators (TransportSettings['validatePeer']) take it:
// the leaf, cheap to read from a socket, and the chain it sent, dearer (OpenSSL re-decodes every
// certificate it hands out), read only when a validator has no remembered verdict for the leaf.

export interface PresentedCertificates {
  /** The peer's own certificate (DER); undefined when it presented none. */
  readonly leaf: Buffer | undefined;
  /** The certificates it sent, leaf first (DER); empty when none. Called at most when needed. */
  chain(): Buffer[];
}

/** The validators' view of either form callers hold: a chain already read (leaf first) or a lazy one. */
export function presentedCertificates(peer: PresentedCertificates | readonly Buffer[]): PresentedCertificates {
  if (!Array.isArray(peer)) return peer as PresentedCertificates;
  const chain = peer as Buffer[];
  return { leaf: chain[0], chain: () => chain };
}

/**
 * The chain to validate for `leaf`: the intermediates the peer sent after the leaf a validator keyed
 * its verdict by, so a remembered verdict always speaks of that very leaf.
 */
export function chainForLeaf(leaf: Buffer, presented: PresentedCertificates): Buffer[] {
  return [leaf, ...presented.chain().slice(1)];
}

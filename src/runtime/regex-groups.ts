// .NET group numbering for a translated regex: unnamed groups are numbered first (1..n), named groups
// after them (a numeric name keeps its number); backreferences are resolved to JS group indexes.

export type Piece = string | { open: number } | { backref: string } | { hiddenRef: number };

export interface NetGroup {
  name: string;
  jsIndexes: number[];
}

/** Renders translated pieces to JS source and lists the .NET groups with their JS indexes. */
export function renderPieces(
  pieces: Piece[],
  jsGroups: { name?: string; hidden: boolean }[],
  fail: (detail: string) => never,
): { source: string; groups: NetGroup[] } {
  // .NET numbering: unnamed groups 1..n in order, then named groups (numeric names keep their number).
  const netGroups: { name: string; jsIndexes: number[] }[] = [{ name: '0', jsIndexes: [0] }];
  const byName = new Map<string, { name: string; jsIndexes: number[] }>();
  let n = 0;
  jsGroups.forEach((g, idx) => {
    if (!g.hidden && g.name === undefined) {
      const entry = { name: String(++n), jsIndexes: [idx + 1] };
      netGroups.push(entry);
      byName.set(entry.name, entry);
    }
  });
  const named: { name: string; jsIndexes: number[] }[] = [];
  jsGroups.forEach((g, idx) => {
    if (g.hidden || g.name === undefined) return;
    const existing = byName.get(g.name);
    if (existing) existing.jsIndexes.push(idx + 1);
    else {
      const entry = { name: g.name, jsIndexes: [idx + 1] };
      byName.set(g.name, entry);
      named.push(entry);
    }
  });
  const numericNamed = named.filter((g) => /^\d+$/.test(g.name)).sort((a, b) => Number(a.name) - Number(b.name));
  netGroups.push(...numericNamed, ...named.filter((g) => !/^\d+$/.test(g.name)));
  let source = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') source += piece;
    else if ('open' in piece) source += '(';
    else if ('hiddenRef' in piece) source += `\\${piece.hiddenRef}`;
    else {
      const target = byName.get(piece.backref);
      if (!target) {
        fail(/^\d+$/.test(piece.backref) ? `Reference to undefined group number ${piece.backref}.` : `Reference to undefined group name ${piece.backref}.`);
      }
      source += target.jsIndexes.length === 1 ? `\\${target.jsIndexes[0]}` : `(?:${target.jsIndexes.map((j) => `\\${j}`).join('')})`;
    }
  }
  return { source, groups: netGroups };
}

/**
 * Recall and precision of ingest's proposals against the true repairs (a reviewed log, or the
 * damage made at known places). A proposal finds a repair when it replaces the same place with the
 * same text; a review item whose first candidate is right counts as found.
 */
export interface Tally {
  /** True repairs found. */
  found: number;
  /** True repairs. */
  truth: number;
  /** Proposals that were right. */
  right: number;
  /** Proposals. */
  proposed: number;
}

export const emptyTally = (): Tally => ({ found: 0, truth: 0, right: 0, proposed: 0 });

export function addTally(into: Tally, more: Tally): Tally {
  into.found += more.found;
  into.truth += more.truth;
  into.right += more.right;
  into.proposed += more.proposed;
  return into;
}

export interface Placed {
  kind: string;
  start: number;
  end: number;
  after: string;
}

/** Tallies by kind: recall by the kind of the true repair, precision by the kind of the proposal. */
export function scoreRepairs(truth: readonly Placed[], proposals: readonly Placed[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const tally = (kind: string): Tally => {
    const existing = tallies.get(kind);
    if (existing) return existing;
    const created = emptyTally();
    tallies.set(kind, created);
    return created;
  };
  const matches = (a: Placed, b: Placed): boolean => a.start === b.start && a.end === b.end && a.after === b.after;
  for (const repair of truth) {
    const entry = tally(repair.kind);
    entry.truth += 1;
    if (proposals.some((proposal) => matches(proposal, repair))) entry.found += 1;
  }
  for (const proposal of proposals) {
    const entry = tally(proposal.kind);
    entry.proposed += 1;
    if (truth.some((repair) => matches(proposal, repair))) entry.right += 1;
  }
  return tallies;
}

/** Tally of two sets of keys (positions, names): found = in both. */
export function scoreSets(truth: Iterable<string>, proposed: Iterable<string>): Tally {
  const wanted = new Set(truth);
  const given = new Set(proposed);
  const both = [...given].filter((key) => wanted.has(key)).length;
  return { found: both, truth: wanted.size, right: both, proposed: given.size };
}

export const recall = (tally: Tally): number => (tally.truth === 0 ? 1 : tally.found / tally.truth);
export const precision = (tally: Tally): number => (tally.proposed === 0 ? 1 : tally.right / tally.proposed);

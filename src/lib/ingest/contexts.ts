/**
 * Prefix and suffix for each proposed repair, as short as the replay allows (src/lib/restore/replay.ts):
 * prefix + before + suffix occurs once in the text the repairs are matched in, prefix + after +
 * suffix occurs once in the repaired text, and no context reaches into another repair, crosses a
 * line or holds half-width punctuation (which stage 3 may change).
 */
import { fullWidthPunctuation } from '../restore/replay.ts';
import type { RepairProposal } from './repairs.ts';

export interface Placed extends RepairProposal {
  prefix: string;
  suffix: string;
}

const count = (text: string, needle: string): number => {
  let found = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found += 1;
  return found;
};

/** How far context may reach from [start, end) without leaving the line or meeting a mark or another repair. */
function reach(text: string, proposal: RepairProposal, previousEnd: number, nextStart: number): { left: string; right: string } {
  let from = proposal.start;
  while (from > previousEnd && !/[\n,:;!?]/.test(text[from - 1]!)) from -= 1;
  let to = proposal.end;
  while (to < nextStart && !/[\n,:;!?]/.test(text[to]!)) to += 1;
  return { left: text.slice(from, proposal.start), right: text.slice(proposal.end, to) };
}

/** The proposals (in reading order, not overlapping) with contexts; those that no context makes unique are left out and returned apart. */
export function placeProposals(text: string, proposals: readonly RepairProposal[]): { placed: Placed[]; unplaceable: RepairProposal[] } {
  let repaired = '';
  let cursor = 0;
  for (const proposal of proposals) {
    repaired += text.slice(cursor, proposal.start) + proposal.after;
    cursor = proposal.end;
  }
  repaired = fullWidthPunctuation(repaired + text.slice(cursor)).text;

  const placed: Placed[] = [];
  const unplaceable: RepairProposal[] = [];
  proposals.forEach((proposal, index) => {
    const { left, right } = reach(text, proposal, proposals[index - 1]?.end ?? 0, proposals[index + 1]?.start ?? text.length);
    for (let total = 0; total <= left.length + right.length; total++) {
      for (let before = Math.min(total, left.length); before >= 0; before--) {
        const after = total - before;
        if (after > right.length) break;
        // A context never splits a surrogate pair.
        if (/[\uDC00-\uDFFF]/.test(left[left.length - before] ?? '') || /[\uD800-\uDBFF]/.test(right[after - 1] ?? '')) continue;
        const prefix = left.slice(left.length - before);
        const suffix = right.slice(0, after);
        if (count(text, prefix + proposal.before + suffix) === 1 && count(repaired, prefix + proposal.after + suffix) === 1) {
          placed.push({ ...proposal, prefix, suffix });
          return;
        }
      }
    }
    unplaceable.push(proposal);
  });
  return { placed, unplaceable };
}

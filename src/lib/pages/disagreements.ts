/**
 * Where claims disagree (a claim's "contradicts", checked in src/lib/content/contradictions.ts):
 * each pair once, whichever side names the other, and the pairs a claim, a person, an
 * organisation or an event is part of. Pure: the pages pass the validated claims.
 */
export type DisagreementTopic = 'count' | 'role' | 'date' | 'fact';

interface ClaimLike {
  id: string;
  data: {
    people: readonly string[];
    organizations: readonly string[];
    events: readonly string[];
    contradicts: readonly { claim: string; about: DisagreementTopic }[];
  };
}

export interface Disagreement {
  about: DisagreementTopic;
  /** The claim that names the other first (it carries the note that reconciles them), then the other. */
  claims: readonly [string, string];
}

/** Every pair once, in the order the claims name them; a pair named from both sides is kept as first named. */
export function disagreements(claims: readonly ClaimLike[]): Disagreement[] {
  const seen = new Set<string>();
  const pairs: Disagreement[] = [];
  for (const claim of claims) {
    for (const link of claim.data.contradicts) {
      const key = [claim.id, link.claim].sort().join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ about: link.about, claims: [claim.id, link.claim] });
    }
  }
  return pairs;
}

/** The pairs a claim is part of, on either side. */
export function disagreementsOfClaim(pairs: readonly Disagreement[], claimId: string): Disagreement[] {
  return pairs.filter((pair) => pair.claims.includes(claimId));
}

/** The pairs in which either claim concerns the person, organisation or event `subject`. */
export function disagreementsAbout(pairs: readonly Disagreement[], claims: readonly ClaimLike[], subject: string): Disagreement[] {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const concerns = (id: string): boolean => {
    const data = byId.get(id)?.data;
    return data !== undefined && (data.people.includes(subject) || data.organizations.includes(subject) || data.events.includes(subject));
  };
  return pairs.filter((pair) => pair.claims.some(concerns));
}

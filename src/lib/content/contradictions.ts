/**
 * Claims that disagree: a claim's "contradicts" names another claim (usually of another article)
 * and what they disagree on (a count, a role, a date, another fact). Accepted only when the other
 * claim exists, is not the claim itself, concerns a person, organisation or event the claim also
 * concerns (else the two are not about the same thing, and the link is likely a slip), and the
 * claim carries a "contradiction" note that says how they differ; each message names both files.
 */
import type { Context } from './context.ts';
import { q } from './errors.ts';

export function checkContradictions(context: Context): void {
  const { problems } = context;
  const { ref } = context.references;
  for (const claim of context.claims.values()) {
    const data = claim.data!;
    if (data.contradicts.length === 0) continue;
    const subjects = new Set([...data.people, ...data.organizations, ...data.events]);
    data.contradicts.forEach((link, index) => {
      const field = `contradicts[${index}].claim`;
      if (link.claim === claim.id) {
        problems.add(claim, field, `the claim names itself`, 'Name the claim of the other account, e.g. one of the article it disagrees with.');
        return;
      }
      if (!ref(claim, field, 'claim', link.claim)) return;
      const other = context.claims.get(link.claim);
      if (!other) return;
      const shared = [...other.data!.people, ...other.data!.organizations, ...other.data!.events].filter((subject) => subjects.has(subject));
      if (shared.length === 0) {
        problems.add(
          claim,
          field,
          `claim ${q(link.claim)} (${other.file}) concerns no person, organisation or event this claim concerns, so the two cannot disagree about the same thing`,
          `Check the id; if it is right, list what both are about in "people", "organizations" or "events" of both claims.`,
        );
      }
    });
    if (!data.notes.some((note) => note.kind === 'contradiction')) {
      const others = data.contradicts.map((link) => `${q(link.claim)} (${context.claims.get(link.claim)?.file ?? 'unknown'})`).join(', ');
      problems.add(claim, 'notes', `the claim disagrees with ${others} but has no note saying how`, 'Add a note of kind "contradiction" that says what each account gives and, where sources allow, which one they support.');
    }
  }
}

/**
 * Disputes: every party, item, turning point and outcome names existing organizations, people,
 * events and claims, and party ids are unique within the dispute.
 */
import type { Context } from './context.ts';
import { q } from './errors.ts';

export function checkDisputes(context: Context): void {
  const { problems } = context;
  const { ref, refs } = context.references;
  for (const dispute of context.disputes.values()) {
    const data = dispute.data!;
    ref(dispute, 'article', 'article', data.article);
    const partyIds = new Set<string>();
    data.parties.forEach((party, index) => {
      const field = `parties[${index}]`;
      if (partyIds.has(party.id)) problems.add(dispute, `${field}.id`, `duplicate party id ${q(party.id)}`, 'Give each party a unique id.');
      partyIds.add(party.id);
      ref(dispute, `${field}.organization`, 'organization', party.organization);
      refs(dispute, `${field}.people`, 'person', party.people);
      party.had.forEach((item, i) => refs(dispute, `${field}.had[${i}].claims`, 'claim', item.claims));
      party.wanted.forEach((item, i) => refs(dispute, `${field}.wanted[${i}].claims`, 'claim', item.claims));
    });
    data.allocation.forEach((item, i) => refs(dispute, `allocation[${i}].claims`, 'claim', item.claims));
    data.turningPoints.forEach((item, i) => {
      ref(dispute, `turningPoints[${i}].event`, 'event', item.event);
      refs(dispute, `turningPoints[${i}].claims`, 'claim', item.claims);
    });
    data.outcomes.forEach((item, i) => {
      refs(dispute, `outcomes[${i}].claims`, 'claim', item.claims);
      refs(dispute, `outcomes[${i}].events`, 'event', item.events);
    });
  }
}

/**
 * People and organizations: each affiliation names an organization and the claims that back it,
 * and its dates are checked like every other date (against the article the claims quote); an
 * organization's parent exists and the chain of parents has no cycle.
 */
import type { Context } from './context.ts';
import { checkDateWords, checkRelativeDate, parsedValue, type Dates } from './dates.ts';
import { q } from './errors.ts';

export function checkPeople(context: Context, dates: Dates): void {
  const { problems } = context;
  const { ref, refs, known } = context.references;
  const claimArticle = (id: string): string | undefined => context.claims.get(id)?.data?.anchor.article;
  for (const person of context.people.values()) {
    const data = person.data!;
    const personArticles = [...new Set(data.mentions.map((mention) => mention.article))];
    data.affiliations.forEach((affiliation, index) => {
      const field = `affiliations[${index}]`;
      ref(person, `${field}.org`, 'organization', affiliation.org);
      refs(person, `${field}.claims`, 'claim', affiliation.claims);
      const contextArticle =
        affiliation.claims.map(claimArticle).find((id) => id !== undefined) ??
        (personArticles.length === 1 ? personArticles[0] : known.article.size === 1 ? [...known.article][0] : undefined);
      const from = affiliation.from ? parsedValue(problems, affiliation.from.value, person, `${field}.from.value`) : undefined;
      const to = affiliation.to ? parsedValue(problems, affiliation.to.value, person, `${field}.to.value`) : undefined;
      for (const [end, parsed] of [['from', from], ['to', to]] as const) {
        const spec = affiliation[end];
        if (!spec || !parsed) continue;
        checkDateWords(context, spec, person, `${field}.${end}`, contextArticle);
        checkRelativeDate(context, dates, spec, person, `${field}.${end}`, contextArticle);
      }
      if (affiliation.to && affiliation.ended) {
        problems.add(person, `${field}.ended`, '"ended" is set beside "to", which already says the affiliation ended', 'Remove "ended: true": it is only for an affiliation whose end has no date.');
      }
      if (from && to && to.end < from.start) {
        problems.add(
          person,
          `${field}.to`,
          `the affiliation ends (${q(affiliation.to!.value)}) before it starts (${q(affiliation.from!.value)})`,
          '"to" must not be earlier than "from": check both dates against the article.',
        );
      }
    });
  }
}

export function checkOrganizations(context: Context): void {
  const { problems } = context;
  const { ref } = context.references;
  for (const org of context.organizations.values()) {
    const data = org.data!;
    if (data.parent && ref(org, 'parent', 'organization', data.parent)) {
      const chain = [org.id!];
      for (let next: string | undefined = data.parent; next; next = context.organizations.get(next)?.data?.parent) {
        if (next === org.id) {
          problems.add(org, 'parent', `parent organizations form a cycle: ${[...chain, next].join(' → ')}`, 'An organization cannot be part of itself: fix one "parent".');
          break;
        }
        // A cycle further up is reported by the organizations in it.
        if (chain.includes(next)) break;
        chain.push(next);
      }
    }
  }
}

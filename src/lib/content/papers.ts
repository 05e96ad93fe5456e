/**
 * Papers and their author lists (the rosters behind the headline figures): the submission date
 * is real, the URL and the arXiv id name the same paper, each author is listed once and linked to
 * at most one person, and what the article reports of an author names a claim (and, for "left",
 * where they went).
 */
import type { Context } from './context.ts';
import { parsedValue } from './dates.ts';
import { q } from './errors.ts';

export function checkPapers(context: Context): void {
  const { problems } = context;
  const { ref } = context.references;
  for (const paper of context.papers.values()) {
    const data = paper.data!;
    parsedValue(problems, data.submitted, paper, 'submitted');
    ref(paper, 'team', 'organization', data.team);
    const linked = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/.exec(data.url)?.[1];
    if (linked && linked !== data.arxiv) {
      problems.add(paper, 'url', `the URL links to arXiv paper ${q(linked)}, but "arxiv" is ${q(data.arxiv)}`, `Give the same paper in both, e.g. "https://arxiv.org/abs/${data.arxiv}".`);
    }
    const names = new Set<string>();
    const persons = new Set<string>();
    data.authors.forEach((author, index) => {
      const field = `authors[${index}]`;
      if (names.has(author.name)) problems.add(paper, `${field}.name`, `the author ${q(author.name)} is listed twice`, 'List each author once, in the order printed on the paper.');
      names.add(author.name);
      if (author.person) {
        if (persons.has(author.person)) problems.add(paper, `${field}.person`, `the person ${q(author.person)} is linked to two authors`, 'Each author is one person: fix the "person" of one of them.');
        persons.add(author.person);
        ref(paper, `${field}.person`, 'person', author.person);
      }
      author.reported.forEach((report, reportIndex) => {
        const at = `${field}.reported[${reportIndex}]`;
        ref(paper, `${at}.claim`, 'claim', report.claim);
        if (report.to !== undefined) {
          if (report.status !== 'left') problems.add(paper, `${at}.to`, `"to" is set but the status is ${q(report.status)}`, '"to" says where someone went after leaving: use it only with status "left".');
          else ref(paper, `${at}.to`, 'organization', report.to);
        }
      });
      if (author.person) checkLeftAffiliations(context, paper.id!, data.team, field, author.person, author.reported);
    });
  }
}

/**
 * Someone a roster reports only as having left (no contradicting report) is no longer in the
 * paper's team or anything it is part of: each such affiliation must say it ended, or the
 * organisation pages would list them among its people.
 */
function checkLeftAffiliations(context: Context, paperId: string, team: string, field: string, personId: string, reported: readonly { status: string }[]): void {
  if (reported.length === 0 || reported.some((report) => report.status !== 'left')) return;
  const person = context.people.get(personId);
  if (!person) return;
  const teamAndAbove = new Set<string>();
  for (let org: string | undefined = team; org && !teamAndAbove.has(org); org = context.organizations.get(org)?.data?.parent) teamAndAbove.add(org);
  person.data!.affiliations.forEach((affiliation, index) => {
    if (!teamAndAbove.has(affiliation.org) || affiliation.to || affiliation.ended) return;
    context.problems.add(
      person,
      `affiliations[${index}]`,
      `the affiliation with ${q(affiliation.org)} has no end, but paper ${q(paperId)} (${field}.reported) says this person left`,
      'Add "to:" with the date the article gives, or "ended: true" if it gives none; if they did not leave, correct the paper\'s "reported".',
    );
  });
}

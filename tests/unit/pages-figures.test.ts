// The figures readers see on the home page, the people index and the article's corrections log,
// computed from the project's own content: they must agree with one another and add up.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type Site } from '../../src/lib/content/index.ts';
import { rosterBucket, rosterCounts } from '../../src/lib/content/rosters.ts';
import { CONTRADICTORY, nonAuthorsOf, siteFlow } from '../../src/lib/pages/flow.ts';
import { repairTally } from '../../src/lib/pages/site.ts';

let site: Site;

beforeAll(async () => {
  site = await loadContent('.');
}, 120_000);

describe('roster figures', () => {
  it('count each LLaMA author once, so the buckets add up to the 14 authors', () => {
    const rows = site.rosters.get('llama-2023')!;
    const counts = rosterCounts(rows);
    expect(counts.authors).toBe(14);
    expect(counts.left + counts.joinedGenai + counts.stayed + counts.notMentioned + counts.contradictory).toBe(14);
    // Lachaux is reported both as gone to Mistral AI and as in the Generative AI group.
    expect(rows.filter((row) => rosterBucket(row) === 'contradictory').map((row) => row.person)).toEqual(['marie-anne-lachaux']);
    expect(counts).toMatchObject({ left: 3, joinedGenai: 5, stayed: 1, notMentioned: 4, contradictory: 1 });
  });

  it('add up for every paper', () => {
    for (const paper of site.papers) {
      const counts = rosterCounts(site.rosters.get(paper.id)!);
      expect(counts.left + counts.joinedGenai + counts.stayed + counts.notMentioned + counts.contradictory).toBe(paper.data.authors.length);
    }
  });
});

describe('the "where they went" flow', () => {
  it('draws each paper\'s authors once, as many as the home page counts', () => {
    const flow = siteFlow(site);
    for (const paper of site.papers) {
      const names = flow.filter((group) => group.source === paper.data.team).flatMap((group) => group.members.map((member) => member.name));
      expect(names).toHaveLength(paper.data.authors.length);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(site.figures.llamaAuthors).toBe(14);
  });

  it('puts Lachaux under "contradictory" only, and Bordes (not an author) under the team\'s other members', () => {
    const flow = siteFlow(site);
    const whereIs = (person: string) => flow.filter((group) => group.members.some((member) => member.person === person)).map((group) => [group.source, group.target]);
    expect(whereIs('marie-anne-lachaux')).toEqual([['llama-team', CONTRADICTORY]]);
    expect(whereIs('antoine-bordes')).toEqual([[nonAuthorsOf('llama-team'), 'helsing']]);
  });
});

describe('repair figures', () => {
  it('split the log into itemised repairs by kind and rule applications by kind, matching the log', () => {
    const log = site.archive.featured.data.corrections;
    const tally = repairTally(log);
    expect(tally.itemisedTotal).toBe(log.instances.length);
    expect(tally.itemisedTotal).toBe(44);
    expect(tally.itemised.reduce((sum, entry) => sum + entry.count, 0)).toBe(44);
    expect(tally.byRule.reduce((sum, entry) => sum + entry.count, 0)).toBe(log.classes.reduce((sum, entry) => sum + entry.count, 0));
    // Every rule's count is in exactly one kind.
    expect(new Set(tally.byRule.map((entry) => entry.kind)).size).toBe(tally.byRule.length);
  });
});

/**
 * The archive model (src/lib/content/archive.ts): where each article and dispute is published,
 * which one is featured, and the errors a maintainer gets for content/archive.yaml.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planArchive } from '../../src/lib/content/archive.ts';
import { messagesAfter } from './content-fixture.ts';

const archive = (paths: { articles?: Record<string, string>; disputes?: Record<string, string> } = {}, featured = 'meta-ai-llama', featuredDispute = 'compute') => ({
  featured,
  featuredDispute,
  paths: { articles: paths.articles ?? {}, disputes: paths.disputes ?? {} },
});

describe('planArchive', () => {
  it('keeps declared addresses and places every other article and dispute by its id, whatever the folder order', () => {
    const { plan, issues } = planArchive(archive({ articles: { 'meta-ai-llama': 'article/' }, disputes: { compute: 'dispute/' } }), ['a-first', 'meta-ai-llama', 'followup'], ['compute', 'hiring']);
    expect(issues).toEqual([]);
    expect(plan.featured).toBe('meta-ai-llama');
    expect([...plan.articles]).toEqual([['a-first', 'articles/a-first/'], ['meta-ai-llama', 'article/'], ['followup', 'articles/followup/']]);
    expect([...plan.disputes]).toEqual([['compute', 'dispute/'], ['hiring', 'disputes/hiring/']]);
  });

  it('names an unknown featured article or dispute, with the closest ids', () => {
    const { issues } = planArchive(archive({}, 'meta-ai-lama', 'computing'), ['meta-ai-llama'], ['compute']);
    expect(issues).toEqual([
      { field: 'featured', problem: 'unknown article id "meta-ai-lama"', hint: 'Name the article the home page presents (a folder of content/articles/). Did you mean "meta-ai-llama"?' },
      { field: 'featuredDispute', problem: 'unknown dispute id "computing"', hint: 'Name the dispute the navigation links to (a file of content/disputes/). Did you mean "compute"?' },
    ]);
  });

  it('refuses a path of an id that does not exist', () => {
    const { issues } = planArchive(archive({ articles: { 'meta-ai-llama': 'article/', gone: 'old/' } }), ['meta-ai-llama'], ['compute']);
    expect(issues.map((issue) => [issue.field, issue.problem])).toEqual([['paths.articles.gone', 'unknown article id "gone"']]);
  });

  it('refuses two entries at one address: the declared one keeps it, the other is named', () => {
    const declared = planArchive(archive({ articles: { 'meta-ai-llama': 'article/', followup: 'article/' } }), ['meta-ai-llama', 'followup'], ['compute']);
    expect(declared.issues.map((issue) => [issue.field, issue.problem])).toEqual([
      ['paths.articles.followup', 'article "followup" is placed at "article/", which is already the address of article "meta-ai-llama"'],
    ]);
    // A declared path that is another article's default address: the default one is the entry to move.
    const onDefault = planArchive(archive({ articles: { 'meta-ai-llama': 'articles/followup/' } }), ['meta-ai-llama', 'followup'], ['compute']);
    expect(onDefault.issues.map((issue) => [issue.field, issue.problem])).toEqual([
      ['paths.articles', 'article "followup" is placed at "articles/followup/", which is already the address of article "meta-ai-llama"'],
    ]);
    // An article and a dispute on one address.
    const across = planArchive(archive({ articles: { 'meta-ai-llama': 'dispute/' }, disputes: { compute: 'dispute/' } }), ['meta-ai-llama'], ['compute']);
    expect(across.issues.map((issue) => issue.field)).toEqual(['paths.disputes.compute']);
  });

  it('keeps "articles/" and "articles/<year>/…" for the list of all articles, naming the way out', () => {
    const numbered = planArchive(archive({ articles: { 'meta-ai-llama': 'article/' } }), ['meta-ai-llama', '2024'], ['compute']);
    expect(numbered.issues).toEqual([
      {
        field: 'paths.articles',
        problem: 'article "2024" is placed at "articles/2024/", where the list of all articles is',
        hint: 'Give the article an id that is not a number (its folder\'s name), or declare another path under "paths.articles".',
      },
    ]);
    const declared = planArchive(archive({ articles: { 'meta-ai-llama': 'articles/' }, disputes: { compute: 'articles/2023/2/' } }), ['meta-ai-llama'], ['compute']);
    expect(declared.issues.map((issue) => [issue.field, issue.problem, issue.hint])).toEqual([
      ['paths.articles.meta-ai-llama', 'article "meta-ai-llama" is placed at "articles/", where the list of all articles is', 'Choose a path other than "articles/" and "articles/<year>/".'],
      ['paths.disputes.compute', 'dispute "compute" is placed at "articles/2023/2/", where the list of all articles is', 'Choose a path other than "articles/" and "articles/<year>/".'],
    ]);
    // An id that merely starts with digits is an ordinary address.
    expect(planArchive(archive(), ['meta-ai-llama', '2024-recap'], ['compute']).issues).toEqual([]);
  });

  it("refuses an address inside the site's own pages", () => {
    const { issues } = planArchive(archive({ articles: { 'meta-ai-llama': 'people/llama/' } }), ['meta-ai-llama', 'people'], ['compute']);
    expect(issues.map((issue) => [issue.field, issue.problem])).toEqual([
      ['paths.articles.meta-ai-llama', 'article "meta-ai-llama" is placed at "people/llama/", inside "people/", where the site\'s own pages are'],
    ]);
  });
});

/** Messages for a copy of the valid fixture with content/archive.yaml written as given (undefined: removed). */
/** The messages of the valid fixture with content/archive.yaml replaced (undefined: removed). */
function messagesWith(archiveText: string | undefined): Promise<string[]> {
  return messagesAfter(
    (root) => {
      if (archiveText === undefined) rmSync(join(root, 'content/archive.yaml'));
      else writeFileSync(join(root, 'content/archive.yaml'), archiveText);
    },
    (site) => expect(site.archive.featured.id).toBe('demo'),
  );
}

describe('content/archive.yaml', () => {
  it('gives the site its featured article and each address', async () => {
    const messages = await messagesAfter(
      () => {},
      (site) => {
        expect(site.archive.featured.id).toBe('demo');
        expect(site.archive.featuredDispute.id).toBe('compute');
        expect(site.archive.articlePath('demo')).toBe('article/');
        expect(site.archive.disputePath('compute')).toBe('dispute/');
        expect(() => site.archive.articlePath('nope')).toThrow('unknown article id "nope"');
        expect(site.archive.claimsPath('demo')).toBe('claims/');
        const claim = site.claims[0]!;
        expect(site.archive.claimPath(claim.id)).toBe(`claims/#claim-${claim.id}`);
        expect(() => site.archive.claimPath('nope')).toThrow('unknown claim id "nope"');
      },
    );
    expect(messages).toEqual([]);
  });

  it('is required', async () => {
    expect(await messagesWith(undefined)).toEqual([
      'content/archive.yaml: archive "archive", field "(file)": the file is missing: it says which article the home page presents. Write "featured: <article id>" and "featuredDispute: <dispute id>" in content/archive.yaml (see README, "Adding an article").',
    ]);
  });

  it('names the file and field of an unknown featured article and of a colliding path', async () => {
    expect(await messagesWith('featured: dem\nfeaturedDispute: compute\npaths:\n  articles:\n    demo: article/\n  disputes:\n    compute: article/\n')).toEqual([
      'content/archive.yaml: archive "archive", field "featured": unknown article id "dem". Name the article the home page presents (a folder of content/articles/). Did you mean "demo"?',
      'content/archive.yaml: archive "archive", field "paths.disputes.compute": dispute "compute" is placed at "article/", which is already the address of article "demo". Give each article and dispute its own path; a published address stays with the entry that first had it.',
    ]);
  });

  it('checks the form of a path with the schema', async () => {
    const messages = await messagesWith('featured: demo\nfeaturedDispute: compute\npaths:\n  articles:\n    demo: /article\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^content\/archive\.yaml: archive "archive", field "paths\.articles\.demo": .*page path/);
  });
});

describe('ids across the archive', () => {
  it('names both files when a second article reuses a repair id or a claim id', async () => {
    const copied: { firstClaim?: RegExpExecArray } = {};
    const messages = await messagesAfter((root) => {
      // A second article: the same text under another id, so that its repairs carry the first one's ids.
      cpSync(join(root, 'content/articles/demo'), join(root, 'content/articles/demo-two'), { recursive: true });
      const claims = readFileSync(join(root, 'content/claims/demo.yaml'), 'utf8');
      const firstClaim = /^- id: (\S+)\n(?:  .*\n)+/m.exec(claims);
      if (!firstClaim) throw new Error('tests/fixtures/content-valid: content/claims/demo.yaml holds no claim');
      copied.firstClaim = firstClaim;
      writeFileSync(join(root, 'content/claims/demo-two.yaml'), firstClaim[0].replace('article: demo', 'article: demo-two'));
    });
    const firstClaim = copied.firstClaim!;
    // Both files are named (the one read first keeps the id).
    expect(messages).toContain(
      `content/claims/demo.yaml: claims "${firstClaim[1]}", field "id": duplicate claim id "${firstClaim[1]}": it is also defined in content/claims/demo-two.yaml. Give one of the two claims another id; ids are permalinks and must be unique.`,
    );
    const repairMessages = messages.filter((message) => message.includes('is also used by'));
    expect(repairMessages[0]).toBe(
      'content/articles/demo-two/index.md: articles "demo-two", field "corrections.instances[0].id": the repair id "lost-zhang" is also used by content/articles/demo/index.md. Repair ids are unique across the archive: prefix it with the article id, e.g. "demo-two-lost-zhang".',
    );
    expect(repairMessages.every((message) => message.startsWith('content/articles/demo-two/index.md:'))).toBe(true);
  });
});

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type Site } from '../../src/lib/content/index.ts';
import { REPORTING_ARTICLES, SOURCE_ARTICLE, synthArchive, synthArticleId, type ContentFiles } from '../../scripts/lib/archive-synth.ts';

const CONTENT = resolve('content');
let root: string;
let site: Site;
let added: ContentFiles;

function sourceFiles(): ContentFiles {
  const files: ContentFiles = new Map();
  const add = (path: string): void => void files.set(path, readFileSync(join(CONTENT, path), 'utf8'));
  for (const name of readdirSync(join(CONTENT, 'articles', SOURCE_ARTICLE))) add(`articles/${SOURCE_ARTICLE}/${name}`);
  add(`events/${SOURCE_ARTICLE}.yaml`);
  add(`claims/${SOURCE_ARTICLE}.yaml`);
  for (const folder of ['people', 'organizations']) for (const name of readdirSync(join(CONTENT, folder))) add(`${folder}/${name}`);
  return files;
}

// Loading an archive of three articles validates every quote and repair of each; it takes a few
// seconds on a quiet machine, so the hook gets a limit far above that.
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'archive-synth-test-'));
  cpSync(CONTENT, join(root, 'content'), { recursive: true });
  added = synthArchive(sourceFiles(), 2);
  for (const [path, text] of added) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  site = await loadContent(root);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a synthetic archive', () => {
  it('passes the real validator with the source and two synthetic articles', () => {
    expect(site.articles.map((article) => article.id)).toEqual([SOURCE_ARTICLE, synthArticleId(1), synthArticleId(2)]);
  });

  it('gives each article its own title, body, damage and qualified repair ids', () => {
    const [source, first, second] = site.articles;
    expect(new Set([source!.body, first!.body, second!.body]).size).toBe(3);
    expect([first!.data.title, second!.data.title]).toEqual([`合成第1篇：${source!.data.title}`, `合成第2篇：${source!.data.title}`]);
    const sourceRepairs = source!.data.corrections.instances.map((repair) => repair.id);
    expect(first!.data.corrections.instances.map((repair) => repair.id)).toEqual(sourceRepairs.map((id) => `${synthArticleId(1)}-${id}`));
    const raw = (id: string): string => added.get(`articles/${id}/article.raw.txt`) ?? '';
    expect(raw(synthArticleId(1))).toContain('(tuán)');
    expect(raw(synthArticleId(1))).not.toBe(raw(synthArticleId(2)));
  });

  it('anchors three events and five claims in each synthetic article, sharing the source events', () => {
    for (const id of [synthArticleId(1), synthArticleId(2)]) {
      expect(site.events.filter((event) => event.data.anchor.article === id)).toHaveLength(3);
      const claims = site.claims.filter((claim) => claim.data.anchor.article === id);
      expect(claims).toHaveLength(5);
      expect(claims.flatMap((claim) => claim.data.events).every((event) => !event.startsWith('synth-'))).toBe(true);
    }
  });

  it('adds the mention forms of the source to the shared people and organisations', () => {
    const joulin = site.get.person('armand-joulin');
    expect(joulin.data.mentions.map((mention) => mention.article)).toEqual([SOURCE_ARTICLE, synthArticleId(1), synthArticleId(2)]);
    expect(added.has('people/armand-joulin.yaml')).toBe(true);
  });
});

describe('synthArchive past REPORTING_ARTICLES', () => {
  it('keeps the source events file within the content size limit: later articles\' claims report no event', () => {
    const files = synthArchive(sourceFiles(), REPORTING_ARTICLES + 1);
    const claimsOf = (index: number): string => files.get(`claims/${synthArticleId(index)}.yaml`) ?? '';
    expect(claimsOf(REPORTING_ARTICLES)).toMatch(/^ {2}events:/m);
    expect(claimsOf(REPORTING_ARTICLES + 1)).not.toMatch(/^ {2}events:/m);
    expect(files.get(`events/${SOURCE_ARTICLE}.yaml`)).not.toContain(synthArticleId(REPORTING_ARTICLES + 1));
  }, 60_000);
});

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type Site } from '../../src/lib/content/index.ts';
import { getSite, invalidateSite } from '../../src/lib/site/cache.ts';
import { validateContent } from '../../src/lib/site/render.ts';
import { rosterCounts, slugOfName } from '../../src/lib/content/rosters.ts';

const root = 'tests/fixtures/content-valid';
let site: Site;

beforeAll(async () => {
  site = await loadContent(root);
});

describe('loadContent on the valid fixture', () => {
  it('loads every collection with ids and files relative to the root', () => {
    expect(site.articles.map((a) => [a.id, a.file])).toEqual([['demo', 'content/articles/demo/index.md']]);
    expect(site.people.map((p) => p.id)).toEqual(['antoine-bordes', 'guillaume-lample', 'joelle-pineau', 'mark-zuckerberg']);
    expect(site.organizations.map((o) => o.id)).toContain('meta-ai');
    expect(site.get.event('bordes-leaves').file).toBe('content/events/demo.yaml');
    // List entries lose their `id` field: the entry id carries it.
    expect(site.get.claim('lample-left').data).not.toHaveProperty('id');
  });

  it('orders events by date and claims by their place in the article', () => {
    expect(site.events.map((e) => e.id)).toEqual(['bordes-leaves', 'past-six-months', 'llama-release', 'genai-team', 'mistral-founded']);
    expect(site.claims.map((c) => c.id)).toEqual(['half-resigned', 'lample-left', 'pineau-find-a-way', 'pineau-tension']);
  });

  it('resolves every quote to one block', () => {
    expect(site.anchors.claim.get('lample-left')).toEqual({
      article: 'demo',
      blockId: 'p-3',
      elementId: 'claim-lample-left',
      quote: '作者Guillaume Lample已經離職',
      context: '今年2月發布的初代LLaMA模型中，作者Guillaume Lample已經離職。',
      start: 18,
      end: 40,
    });
    expect(site.anchors.event.get('past-six-months')).toMatchObject({ blockId: 'p-1', start: 0, end: 5 });
    expect(site.anchors.fix.get('lost-zhang')).toMatchObject({ blockId: 'p-7', elementId: 'fix-lost-zhang', quote: '張' });
    expect(site.anchors.fix.get('simplified-cizhi')).toMatchObject({ blockId: 'p-2', quote: '辭職' });
  });

  it('finds every mention, longest form first, numbered per person', () => {
    expect(site.mentions.get('guillaume-lample')?.map((m) => [m.elementId, m.blockId, m.quote])).toEqual([
      ['mention-guillaume-lample-1', 'p-3', 'Guillaume Lample'],
      ['mention-guillaume-lample-2', 'p-5', 'Lample'],
    ]);
    expect(site.mentions.get('mark-zuckerberg')?.map((m) => m.quote)).toEqual(['小扎']);
    // "Meta" inside "Meta's" in the reference list is a mention; nothing matches inside a longer Latin word.
    expect(site.mentions.get('meta')?.map((m) => m.blockId)).toEqual(['p-1', 'p-4', 'item-1']);
  });

  it('answers lookups, and names a claim source', () => {
    expect(site.get.source('the-information')).toEqual({ kind: 'organization', id: 'the-information', name: 'The Information' });
    expect(site.get.source('joelle-pineau')).toEqual({ kind: 'person', id: 'joelle-pineau', name: 'Joelle Pineau' });
    expect(site.get.paper('llama-2023').data.arxiv).toBe('2302.13971');
    expect(site.get.article('demo').blocks.filter((b) => b.kind === 'figure').map((b) => b.id)).toEqual(['figure-1']);
    expect(() => site.get.person('nobody')).toThrow('unknown person id "nobody"');
    expect(() => site.get.source('nobody')).toThrow('unknown person or organization id "nobody"');
  });

  it('derives roster rows and figures from the data', () => {
    expect(site.rosters.get('llama-2023')).toEqual([
      { paper: 'llama-2023', name: 'Hugo Touvron', rowId: 'roster-llama-2023-hugo-touvron', statuses: ['not-mentioned'], to: [], claims: [], contradictory: false },
      { paper: 'llama-2023', name: 'Timothée Lacroix', rowId: 'roster-llama-2023-timothee-lacroix', statuses: ['not-mentioned'], to: [], claims: [], contradictory: false },
      {
        paper: 'llama-2023',
        name: 'Guillaume Lample',
        person: 'guillaume-lample',
        rowId: 'roster-llama-2023-guillaume-lample',
        statuses: ['left'],
        to: ['mistral-ai'],
        claims: ['lample-left'],
        contradictory: false,
      },
    ]);
    expect(site.figures).toEqual({ llamaAuthors: 3, optAuthors: 0, peopleNamed: 4, events: 5, claims: 4 });
  });

  it('validates and renders every article', async () => {
    await expect(validateContent(root)).resolves.toMatchObject({ root });
  });
});

describe('rosters', () => {
  it('flags an author reported both as leaving and as still at Meta', () => {
    const rows = [
      { paper: 'p', name: 'A', rowId: 'roster-p-a', statuses: ['left', 'joined-genai'] as const, to: [], claims: [], contradictory: true },
      { paper: 'p', name: 'B', rowId: 'roster-p-b', statuses: ['not-mentioned'] as const, to: [], claims: [], contradictory: false },
    ].map((row) => ({ ...row, statuses: [...row.statuses] }));
    // Counted once, as contradictory, not under both statuses: the counts add up to the authors.
    expect(rosterCounts(rows)).toEqual({ authors: 2, left: 0, joinedGenai: 0, stayed: 0, notMentioned: 1, contradictory: 1 });
    expect(slugOfName('Aurelien Rodriguez')).toBe('aurelien-rodriguez');
    expect(slugOfName('Marie-Anne Lachaux')).toBe('marie-anne-lachaux');
    expect(slugOfName('Timothée  Lacroix')).toBe('timothee-lacroix');
  });
});

describe('getSite', () => {
  it('loads once, and again after invalidateSite (the dev server calls it when content/ changes)', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'content-valid-'));
    try {
      cpSync(root, copy, { recursive: true });
      const first = await getSite(copy);
      const file = join(copy, 'content/organizations/xinzhiyuan.yaml');
      writeFileSync(file, 'name:\n  zh: 新智元（改）\nkind: media\nsummary: 改過的摘要。\n');
      expect(await getSite(copy)).toBe(first);
      invalidateSite(copy);
      const second = await getSite(copy);
      expect(second).not.toBe(first);
      expect(second.get.organization('xinzhiyuan').data.name.zh).toBe('新智元（改）');
    } finally {
      invalidateSite(copy);
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('rejects with one error listing every content message, file, entry and field', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'content-broken-'));
    try {
      cpSync(root, copy, { recursive: true });
      writeFileSync(join(copy, 'content/organizations/xinzhiyuan.yaml'), 'name:\n  zh: 新智元\nkind: newspaper\nsummary: 摘要。\n');
      const error = await getSite(copy).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(AggregateError);
      expect((error as Error).message).toMatch(/^1 content error:\n {2}content\/organizations\/xinzhiyuan\.yaml: organizations "xinzhiyuan", field "kind": /);
    } finally {
      invalidateSite(copy);
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

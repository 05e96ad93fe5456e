import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lostPermalinks, newPermalinks, readAliases } from '../../scripts/permalinks.ts';
import type { PermalinkManifest } from '../../scripts/permalinks.ts';

const recorded: PermalinkManifest = {
  pages: {
    '': ['main'],
    'article/': ['p-1', 'p-2', '團隊'],
    'old/': ['x'],
  },
};

describe('lostPermalinks', () => {
  it('accepts a build that keeps every page and id, and reports new ones separately', () => {
    const current: PermalinkManifest = { pages: { ...recorded.pages, 'article/': ['p-1', 'p-2', 'p-3', '團隊'] } };
    expect(lostPermalinks(recorded, current, [])).toEqual([]);
    expect(newPermalinks(recorded, current)).toEqual(['article/#p-3']);
  });

  it('reports a lost page and a lost fragment, each with the way out', () => {
    const current: PermalinkManifest = { pages: { '': ['main'], 'article/': ['p-1', '團隊'] } };
    expect(lostPermalinks(recorded, current, [])).toEqual([
      'the fragment "article/#p-2" is gone; keep it, or declare where it went in content/redirects.yaml',
      'the page "old/" is gone; keep it, or declare where it went in content/redirects.yaml',
    ]);
  });

  it('accepts losses covered by an alias whose target exists, and flags an alias to nowhere', () => {
    const current: PermalinkManifest = { pages: { '': ['main'], 'article/': ['p-1', 'p-3', '團隊'], 'new/': ['x'] } };
    expect(
      lostPermalinks(recorded, current, [
        { from: 'article/#p-2', to: 'article/#p-3' },
        { from: 'old/', to: 'new/' },
      ]),
    ).toEqual([]);
    expect(lostPermalinks(recorded, current, [
      { from: 'article/#p-2', to: 'article/#p-9' },
      { from: 'old/', to: 'new/' },
    ])).toEqual(['content/redirects.yaml: "article/#p-2" points to "article/#p-9", which does not exist']);
  });
});

describe('readAliases', () => {
  it('reads a YAML list and names the entry and field that is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aliases-'));
    try {
      const file = join(dir, 'redirects.yaml');
      writeFileSync(file, '- from: article/#p-2\n  to: article/#p-3\n');
      expect(readAliases(file)).toEqual([{ from: 'article/#p-2', to: 'article/#p-3' }]);
      writeFileSync(file, '- from: /article/#p-2\n  to: article/#p-3\n');
      expect(() => readAliases(file)).toThrow(`${file}: entry 1, field "from": expected a page path below the base such as "article/#p-12" (no leading slash), got "/article/#p-2"`);
      expect(readAliases(join(dir, 'absent.yaml'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

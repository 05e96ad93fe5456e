import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { bundleParts, ENTRY_FILE, mergeBundles, mergeEntries, readFragments } from '../../scripts/lib/pagefind-bundle.ts';

const entry = (languages: Record<string, unknown>, version = '1.6.0'): string =>
  JSON.stringify({ version, languages, include_characters: ['_', '＿'] });

describe('mergeEntries', () => {
  it('lists every bundle\'s languages in key order, in the key order of Pagefind\'s own file', () => {
    const hant = { hash: 'zh-hant_b8', wasm: null, page_count: 3 };
    const hans = { hash: 'zh-hans_70', wasm: null, page_count: 3 };
    expect(mergeEntries([entry({ 'zh-hant': hant }), entry({ 'zh-hans': hans })])).toBe(
      '{"version":"1.6.0","languages":{"zh-hans":{"hash":"zh-hans_70","wasm":null,"page_count":3},"zh-hant":{"hash":"zh-hant_b8","wasm":null,"page_count":3}},"include_characters":["_","＿"]}',
    );
  });

  it('refuses bundles of different settings or with the same language twice', () => {
    expect(() => mergeEntries([entry({ a: 1 }), entry({ b: 1 }, '1.5.0')])).toThrow(/disagree on their settings/);
    expect(() => mergeEntries([entry({ a: 1 }), entry({ a: 2 })])).toThrow(/language a is in two Pagefind bundles/);
  });
});

describe('mergeBundles', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const bundle = (root: string, name: string, files: Record<string, string>): string => {
    const dir = join(root, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return dir;
  };

  it('moves each language\'s files into one bundle, keeps the shared files once and writes one entry file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pagefind-bundle-'));
    dirs.push(root);
    const a = bundle(root, 'a', { [ENTRY_FILE]: entry({ x: 1 }), 'pagefind.js': 'js', 'index/x_1.pf_index': 'xi', 'fragment/x_2.pf_fragment': 'xf' });
    const b = bundle(root, 'b', { [ENTRY_FILE]: entry({ y: 1 }), 'pagefind.js': 'js', 'index/y_1.pf_index': 'yi', 'filter/y_3.pf_filter': 'yf' });
    await mergeBundles([a, b], join(root, 'pagefind'));
    expect(readdirSync(root)).toEqual(['pagefind']);
    const out = join(root, 'pagefind');
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(
      ['filter', 'filter/y_3.pf_filter', 'fragment', 'fragment/x_2.pf_fragment', 'index', 'index/x_1.pf_index', 'index/y_1.pf_index', ENTRY_FILE, 'pagefind.js'].sort(),
    );
    expect(JSON.parse(readFileSync(join(out, ENTRY_FILE), 'utf8')).languages).toEqual({ x: 1, y: 1 });
  });

  it('refuses a shared file that differs between the bundles', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pagefind-bundle-'));
    dirs.push(root);
    const a = bundle(root, 'a', { [ENTRY_FILE]: entry({ x: 1 }), 'pagefind.js': 'one' });
    const b = bundle(root, 'b', { [ENTRY_FILE]: entry({ y: 1 }), 'pagefind.js': 'two' });
    await expect(mergeBundles([a, b], join(root, 'pagefind'))).rejects.toThrow(/pagefind.js differs between the Pagefind bundles/);
  });
});

describe('bundleParts and readFragments', () => {
  it('list the bundle and its parts in part order, and read the records of all of them', () => {
    const root = mkdtempSync(join(tmpdir(), 'pagefind-parts-'));
    try {
      const fragment = (url: string): Buffer => gzipSync(`pagefind_dcd${JSON.stringify({ url, content: url, meta: {}, filters: {} })}`);
      // part-10 after part-2: parts are ordered by number, not by name; other folders are not parts.
      for (const [folder, url] of [['', '/a/'], ['part-10', '/c/'], ['part-2', '/b/'], ['index', '']] as const) {
        mkdirSync(join(root, folder, 'fragment'), { recursive: true });
        if (url) writeFileSync(join(root, folder, 'fragment', 'x.pf_fragment'), fragment(url));
      }
      expect(bundleParts(root)).toEqual([root, join(root, 'part-2'), join(root, 'part-10')]);
      expect(readFragments(root).map((record) => record.url)).toEqual(['/a/', '/b/', '/c/']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * The corpus of broken content: each tests/fixtures/broken/<case>/case.yaml patches a copy of the
 * valid fixture (tests/fixtures/content-valid) and lists the exact messages the validator must
 * give, naming file, entry id and field. A case with no expected errors lists what the rendered
 * article must and must not contain (markup in content is shown as text).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ContentErrorList } from '../../src/lib/content/errors.ts';
import { loadContent, type Site } from '../../src/lib/content/index.ts';
import { renderArticle } from '../../src/lib/site/render.ts';

interface Edit {
  file: string;
  /** Replace the single occurrence of `find` (it must occur exactly once) … */
  find?: string;
  /** … with this text, */
  replace?: string;
  /** … or with these bytes (hex), for text that is not valid UTF-8. */
  replaceHex?: string;
  /** Write the whole file. */
  write?: string;
  /** Add to the end of the file. */
  append?: string;
  /** Move the file to this path. */
  rename?: string;
  delete?: boolean;
}

interface Case {
  description: string;
  edits: Edit[];
  expected: string[];
  rendered?: { contains?: string[]; excludes?: string[]; data?: { path: string; equals: string }[] };
}

const corpus = 'tests/fixtures/broken';
const base = 'tests/fixtures/content-valid';

function occurrences(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

function apply(root: string, edit: Edit): void {
  const path = join(root, edit.file);
  if (edit.delete) return rmSync(path);
  if (edit.rename) {
    mkdirSync(dirname(join(root, edit.rename)), { recursive: true });
    return renameSync(path, join(root, edit.rename));
  }
  if (edit.write !== undefined) {
    mkdirSync(dirname(path), { recursive: true });
    return writeFileSync(path, edit.write);
  }
  const content = readFileSync(path);
  if (edit.append !== undefined) return writeFileSync(path, Buffer.concat([content, Buffer.from(edit.append)]));
  const find = Buffer.from(edit.find ?? '');
  // A case must stay meaningful when the base fixture changes: its anchor text occurs exactly once.
  expect(occurrences(content, find), `"${edit.find}" in ${edit.file}`).toBe(1);
  const replacement = edit.replaceHex !== undefined ? Buffer.from(edit.replaceHex, 'hex') : Buffer.from(edit.replace ?? '');
  const at = content.indexOf(find);
  writeFileSync(path, Buffer.concat([content.subarray(0, at), replacement, content.subarray(at + find.length)]));
}

function valueAt(site: Site, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (value instanceof Map) return value.get(key);
    if (typeof value === 'function') return (value as (id: string) => unknown)(key);
    return (value as Record<string, unknown>)[key];
  }, site);
}

const cases = readdirSync(corpus).sort();

describe('broken content corpus', () => {
  it('has at least 22 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(22);
  });

  it.each(cases)('%s', async (name) => {
    const spec = parse(readFileSync(join(corpus, name, 'case.yaml'), 'utf8')) as Case;
    const root = mkdtempSync(join(tmpdir(), `broken-${name}-`));
    try {
      cpSync(base, root, { recursive: true });
      for (const edit of spec.edits) apply(root, edit);
      let site: Site | undefined;
      let messages: string[] = [];
      try {
        site = await loadContent(root);
      } catch (error) {
        if (!(error instanceof ContentErrorList)) throw error;
        messages = error.errors.map((e) => e.message);
      }
      expect(messages).toEqual(spec.expected);
      if (spec.expected.length > 0) return;
      const html = await renderArticle(site!, 'demo');
      for (const text of spec.rendered?.contains ?? []) expect(html).toContain(text);
      for (const text of spec.rendered?.excludes ?? []) expect(html).not.toContain(text);
      for (const { path, equals } of spec.rendered?.data ?? []) expect(valueAt(site!, path)).toBe(equals);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

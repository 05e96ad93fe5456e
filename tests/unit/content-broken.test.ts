/**
 * The corpus of broken content: each tests/fixtures/broken/<case>/case.yaml patches a copy of the
 * valid fixture (tests/fixtures/content-valid) and lists the exact messages the validator must
 * give, naming file, entry id and field. A case with no expected errors lists what the rendered
 * article must and must not contain (markup in content is shown as text).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ContentErrorList } from '../../src/lib/content/errors.ts';
import { loadContent, type Site } from '../../src/lib/content/index.ts';
import { renderArticle } from '../../src/lib/site/render.ts';

interface Edit {
  /** A path in the copy of the project, or under "{outside}/": a folder outside it, for what a link may point to. */
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
  /** Move the file to this path ("{outside}/…" moves it out of the project). */
  rename?: string;
  delete?: boolean;
  /** Make `file` a symbolic link to this target ("{outside}/…" is the folder outside the project; the target may not exist). */
  symlink?: string;
  /** Write `repeat` times this text (after `write` or the file's text), for sizes no case file should spell out. */
  repeat?: { text: string; times: number };
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

function apply(root: string, outside: string, edit: Edit): void {
  const place = (path: string): string => path.replace('{outside}', outside);
  const path = edit.file.startsWith('{outside}') ? place(edit.file) : join(root, edit.file);
  if (edit.delete) return rmSync(path, { recursive: true });
  if (edit.symlink !== undefined) {
    mkdirSync(dirname(path), { recursive: true });
    return symlinkSync(place(edit.symlink), path);
  }
  if (edit.repeat) {
    const start = edit.write ?? readFileSync(path, 'utf8');
    mkdirSync(dirname(path), { recursive: true });
    return writeFileSync(path, start + edit.repeat.text.repeat(edit.repeat.times));
  }
  if (edit.rename) {
    const target = edit.rename.startsWith('{outside}') ? place(edit.rename) : join(root, edit.rename);
    mkdirSync(dirname(target), { recursive: true });
    return renameSync(path, target);
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
    const outside = mkdtempSync(join(tmpdir(), `outside-${name}-`));
    try {
      cpSync(base, root, { recursive: true });
      for (const edit of spec.edits) apply(root, outside, edit);
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
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

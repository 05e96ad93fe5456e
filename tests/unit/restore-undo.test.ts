/**
 * The published article differs from the raw text only where the corrections log says.
 *
 * This test does not use the replay code: starting from the committed title and body, it undoes each
 * logged change using only the log's data (structure, then punctuation, then instance repairs), and then
 * walks the result against the raw text, where the only difference it allows is a pinyin gloss right after
 * a Han character. Every step counts what it undid and checks the count against the log.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../scripts/restore.ts';

const ARTICLE = path.resolve(import.meta.dirname, '../../content/articles/meta-ai-llama');
const { data, body, raw } = readArticle(ARTICLE);
const log = data.corrections;
const logged = (id: string): number => log.classes.find((repair) => repair.id === id)!.count;

const FULL_TO_HALF: Record<string, string> = { '\uFF0C': ',', '\uFF1A': ':', '\uFF1B': ';', '\uFF01': '!', '\uFF1F': '?' };
const FULL_WIDTH = /[\uFF0C\uFF1A\uFF1B\uFF01\uFF1F]/g;
const GLOSS = /^\([a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/;
const HAN = /\p{Script=Han}/u;

/** Structure undone: the title line back on top, headings and the reference list back to plain lines. */
function undoStructure(): { lines: string[]; headings: number; images: number; paragraphs: number; references: number } {
  expect(body.endsWith('\n') && !body.endsWith('\n\n'), 'the body ends in exactly one newline').toBe(true);
  const blocks = body.slice(0, -1).split('\n\n');
  const lines = [data.title];
  let headings = 0;
  let images = 0;
  let paragraphs = 0;
  let references = 0;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    expect(block, `block ${index + 1} is one line with no stray blank line`).toMatch(/^[^\n\s][^\n]*$/);
    if (block === '## 參考資料') {
      const items = blocks[index + 1]!.split('\n');
      expect(items).toHaveLength(log.references.length);
      log.references.forEach((reference, at) => {
        expect(items[at]).toMatch(/^- /);
        expect(items[at]).toContain(reference.title);
        expect(items[at]).toContain(`「${reference.cited}」`);
      });
      references = items.length;
      lines.push('參考資料\uFF1A');
      index += 1;
    } else if (block.startsWith('## ')) {
      expect(log.headings.map((heading) => heading.line)).toContain(block.slice(3));
      headings += 1;
      lines.push(block.slice(3));
    } else {
      expect(block).not.toMatch(/^(?:#|- )/);
      if (block === '圖片') images += 1;
      else paragraphs += 1;
      lines.push(block);
    }
  }
  return { lines, headings, images, paragraphs, references };
}

describe('the published article against the raw text', () => {
  it('differs only by the logged repairs', () => {
    const structure = undoStructure();
    expect(structure.headings).toBe(logged('section-headings'));
    expect(structure.images).toBe(logged('image-placeholder'));
    expect(structure.paragraphs).toBe(logged('paragraphs'));
    expect(structure.references).toBe(logged('reference-list'));
    let text = structure.lines.join('\n');

    // Instance repairs: each `after`, found by its context, goes back to its `before`.
    const places = log.instances.map((repair) => {
      const { prefix = '', suffix = '' } = repair;
      const needle = prefix + repair.after + suffix;
      const at = text.indexOf(needle);
      expect(at, `${repair.id}: "${needle}" is in the article`).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(needle, at + 1), `${repair.id}: "${needle}" is in the article once`).toBe(-1);
      return { repair, start: at + prefix.length };
    });
    for (const { repair, start } of places.sort((a, b) => b.start - a.start)) {
      text = text.slice(0, start) + repair.before + text.slice(start + repair.after.length);
    }

    // Punctuation: the raw text has no full-width ,:;!? at all, so every one in the article is a logged conversion.
    expect(raw.match(FULL_WIDTH)).toBeNull();
    let punctuation = 0;
    text = text.replace(FULL_WIDTH, (mark) => {
      punctuation += 1;
      return FULL_TO_HALF[mark]!;
    });
    expect(punctuation).toBe(logged('punctuation'));

    // Blank lines: dropped whole, and only whitespace-only lines.
    const rawLines = raw.split('\n');
    const kept = rawLines.filter((line) => line.trim() !== '');
    expect(rawLines.length - kept.length).toBe(logged('blank-lines'));
    const original = kept.join('\n');

    // What is left may differ from the raw text only by pinyin glosses.
    let glosses = 0;
    let i = 0;
    let j = 0;
    while (i < original.length || j < text.length) {
      if (original[i] === text[j]) {
        i += 1;
        j += 1;
        continue;
      }
      const gloss = GLOSS.exec(original.slice(i));
      const after = original.slice(Math.max(0, i - 2), i);
      if (gloss && HAN.test([...after].at(-1) ?? '')) {
        glosses += 1;
        i += gloss[0].length;
        continue;
      }
      throw new Error(`unlogged difference: raw "${original.slice(i - 10, i + 10)}" against published "${text.slice(j - 10, j + 10)}"`);
    }
    expect(glosses).toBe(logged('pinyin-gloss'));
    expect(logged('title')).toBe(1);
  });
});
